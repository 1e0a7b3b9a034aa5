/**
 * Runs the server scenarios of `@modelcontextprotocol/conformance` (its CLI, on Node 20 through the
 * `fs.globSync` shim) against an MCP URL and reads back the outcome of every check of every scenario.
 *
 * @module
 */
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const resolvePath = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const cli = resolvePath("../../node_modules/@modelcontextprotocol/conformance/dist/index.js");
/** Supplies Node 22's `fs.globSync` to the conformance CLI on Node 20 (harmless on Node 22). */
const shim = resolvePath("./node20-shim.mjs");

/** One check of a scenario, as the conformance CLI writes it to `checks.json`. */
export interface ConformanceCheck {
  id: string;
  name?: string;
  status: "SUCCESS" | "FAILURE" | "WARNING" | "INFO" | "SKIPPED" | string;
  description?: string;
  errorMessage?: string;
}

/** The outcome of one run of the CLI. */
export interface ConformanceRun {
  /** The CLI's exit code (`null` when it was killed). */
  code: number | null;
  /** Its stdout and stderr, interleaved. */
  output: string;
  /** Every scenario the CLI started, in order, with its checks (empty when it wrote none). */
  scenarios: Map<string, ConformanceCheck[]>;
}

/** Options for {@link runConformance}. */
export interface RunConformanceOptions {
  /** `active` (the CLI's default), `all`, `core` or `pending`. Default: `all`. */
  suite?: string;
  /** Kill the CLI after this many milliseconds. Default: 45 s. */
  timeoutMs?: number;
  /**
   * A baseline YAML for the CLI's own `--expected-failures`: its exit code is then 0 only when
   * exactly the listed scenarios fail.
   */
  expectedFailures?: string;
}

/** `server-<scenario>-<ISO time with : and . replaced by ->`, the CLI's result directory name. */
const RESULT_DIR = /^server-(.+)-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;

/** A scenario passes when it has checks and none of them failed (warnings do not fail it). */
export function scenarioPassed(checks: readonly ConformanceCheck[] | undefined): boolean {
  return checks !== undefined && checks.length > 0 && checks.every((check) => check.status !== "FAILURE");
}

/** Runs the conformance CLI's server scenarios against `url` and collects the checks. */
export async function runConformance(
  url: string,
  options: RunConformanceOptions = {},
): Promise<ConformanceRun> {
  const outputDir = await mkdtemp(join(tmpdir(), "protomcp-conformance-"));
  try {
    const args = [
      "--import",
      shim,
      cli,
      "server",
      "--url",
      url,
      "--suite",
      options.suite ?? "all",
      "-o",
      outputDir,
      ...(options.expectedFailures === undefined ? [] : ["--expected-failures", options.expectedFailures]),
    ];
    const { code, output } = await spawnBounded(args, options.timeoutMs ?? 45_000);
    const scenarios = new Map<string, ConformanceCheck[]>();
    for (const match of output.matchAll(/^=== Running scenario: (\S+) ===$/gm)) {
      if (match[1] !== undefined) scenarios.set(match[1], []);
    }
    for (const entry of await readdir(outputDir)) {
      const scenario = RESULT_DIR.exec(entry)?.[1];
      if (scenario === undefined) continue;
      const checks = JSON.parse(
        await readFile(join(outputDir, entry, "checks.json"), "utf8"),
      ) as ConformanceCheck[];
      scenarios.set(scenario, checks);
    }
    return { code, output, scenarios };
  } finally {
    await rm(outputDir, { recursive: true, force: true });
  }
}

function spawnBounded(args: string[], timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
