import * as assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { createConformanceServer } from "../../examples/conformance/server.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { type Listening, type McpFace, serveMcpFace } from "../../src/server/index.js";
import { type ConformanceRun, runConformance, scenarioPassed } from "./run-conformance.js";

const resolvePath = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const cliBin = resolvePath("../../bin/protomcp.js");
const baselineYml = resolvePath("../../examples/conformance/baseline.yml");
const everything = resolvePath("../../node_modules/@modelcontextprotocol/server-everything/dist/index.js");
const quiet = createLogger({ level: "error" });

/** `expected-failures.json`: per baseline, scenario name -> one-line reason. */
const baselines = JSON.parse(readFileSync(resolvePath("./expected-failures.json"), "utf8")) as {
  server: Record<string, string>;
  bridgeDifferences: Record<string, string>;
  doubleBridgeDifferences: Record<string, string>;
};
const expectedFailures = new Map(Object.entries(baselines.server));
const bridgeDifferences = new Map(Object.entries(baselines.bridgeDifferences));
const doubleBridgeDifferences = new Map(Object.entries(baselines.doubleBridgeDifferences));

/** `scenario: N checks, M failed (first failure)`, for assertion messages. */
function describeScenario(run: ConformanceRun, scenario: string): string {
  const checks = run.scenarios.get(scenario) ?? [];
  const failed = checks.filter((check) => check.status === "FAILURE");
  const first = failed[0];
  const why = first === undefined ? "" : ` (${first.id}: ${first.errorMessage ?? first.description ?? ""})`;
  return `${scenario}: ${checks.length} checks, ${failed.length} failed${why}`;
}

/** The checks of the scenarios `include` accepts as `scenario/check-id: STATUS`, in a stable order. */
function outcome(run: ConformanceRun, include: (scenario: string) => boolean): string[] {
  const lines: string[] = [];
  for (const [scenario, checks] of run.scenarios) {
    if (!include(scenario)) continue;
    if (checks.length === 0) lines.push(`${scenario}: NO CHECKS`);
    for (const check of checks) lines.push(`${scenario}/${check.id}: ${check.status}`);
  }
  return lines.sort();
}

/** A port nobody listens on right now (for server-everything, which reads it from PORT). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject()));
    });
  });
}

/** Starts `server-everything streamableHttp` and resolves once it listens. */
async function startEverything(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [everything, "streamableHttp"], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`server-everything did not start: ${log}`)), 10_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("listening on port")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server-everything exited (${code}): ${log}`));
    });
  });
  child.stderr?.resume();
  return { child, url: `http://127.0.0.1:${port}/mcp` };
}

let fixtureRun: Promise<ConformanceRun> | undefined;

/** The suite against examples/conformance behind the MCP face (run once, shared by the suites below). */
function runFixtureThroughFace(): Promise<ConformanceRun> {
  fixtureRun ??= (async () => {
    const binary = await createConformanceServer().listen();
    let face: McpFace | undefined;
    try {
      face = await serveMcpFace({
        upstream: binary.url,
        listen: { host: "127.0.0.1", port: 0 },
        logger: quiet,
      });
      return await runConformance(face.url ?? "", { suite: "all", expectedFailures: baselineYml });
    } finally {
      await face?.close();
      await binary.close();
    }
  })();
  return fixtureRun;
}

describe("conformance: server scenarios against examples/conformance through the MCP face", function () {
  this.timeout(60_000);
  let run: ConformanceRun;

  before(async () => {
    run = await runFixtureThroughFace();
  });

  it("lists the same scenarios as examples/conformance/baseline.yml (the CLI's --expected-failures)", () => {
    const yml = readFileSync(baselineYml, "utf8");
    const listed = [...yml.matchAll(/^\s+- (\S+)\s*$/gm)].map((match) => match[1]);
    assert.deepEqual(listed.sort(), [...expectedFailures.keys()].sort());
  });

  it("runs every server scenario of the suite", () => {
    assert.ok(
      run.scenarios.size >= 30,
      `only ${run.scenarios.size} scenarios ran:\n${run.output.slice(-2000)}`,
    );
    assert.ok(run.scenarios.has("server-initialize"));
  });

  it("passes every scenario outside expected-failures.json", () => {
    const unexpected = [...run.scenarios.keys()]
      .filter((scenario) => !expectedFailures.has(scenario) && !scenarioPassed(run.scenarios.get(scenario)))
      .map((scenario) => describeScenario(run, scenario));
    assert.deepEqual(unexpected, [], `unexpected failures:\n${unexpected.join("\n")}`);
  });

  it("is accepted by the conformance CLI itself against baseline.yml (exit code 0)", () => {
    const summary = run.output.slice(run.output.lastIndexOf("=== SUMMARY ==="));
    assert.equal(run.code, 0, summary);
    assert.match(summary, /server-initialize: \d+ passed, 0 failed/);
  });

  it("fails every scenario listed in expected-failures.json (remove the entries that pass)", () => {
    const stale = [...expectedFailures.keys()].filter(
      (scenario) => !run.scenarios.has(scenario) || scenarioPassed(run.scenarios.get(scenario)),
    );
    assert.deepEqual(
      stale,
      [],
      "listed but passing (or no longer run): remove them from expected-failures.json",
    );
  });
});

describe("conformance: server-everything through face -> binary -> gateway equals server-everything direct", function () {
  this.timeout(60_000);
  let everythingServer: { child: ChildProcess; url: string } | undefined;
  let gateway: Gateway | undefined;
  let face: McpFace | undefined;
  let direct: ConformanceRun;
  let bridged: ConformanceRun;

  before(async () => {
    everythingServer = await startEverything();
    gateway = await startGateway({
      // stdio: the gateway re-sends `initialize` per binary session, which a Streamable HTTP
      // server-everything refuses on its already-initialized session ("Server already initialized").
      upstreams: new Map([["everything", { command: process.execPath, args: [everything, "stdio"] }]]),
      host: "127.0.0.1",
      port: 0,
      logger: quiet,
    });
    face = await serveMcpFace({
      upstream: gateway.url,
      listen: { host: "127.0.0.1", port: 0 },
      logger: quiet,
    });
    direct = await runConformance(everythingServer.url, { suite: "all" });
    bridged = await runConformance(face.url ?? "", { suite: "all" });
  });

  after(async () => {
    await face?.close();
    await gateway?.close();
    everythingServer?.child.kill();
  });

  it("runs the same scenarios both ways", () => {
    assert.ok(direct.scenarios.size >= 30, direct.output.slice(-2000));
    assert.deepEqual([...bridged.scenarios.keys()], [...direct.scenarios.keys()]);
    // Not equal by both failing to connect:
    assert.ok(
      scenarioPassed(direct.scenarios.get("server-initialize")),
      describeScenario(direct, "server-initialize"),
    );
    assert.ok(scenarioPassed(bridged.scenarios.get("tools-list")), describeScenario(bridged, "tools-list"));
  });

  it("has the same outcome, check by check, outside bridgeDifferences in expected-failures.json", () => {
    const compared = (scenario: string): boolean => !bridgeDifferences.has(scenario);
    assert.deepEqual(outcome(bridged, compared), outcome(direct, compared));
  });

  it("differs on every scenario listed in bridgeDifferences (remove the entries that now agree)", () => {
    const stale = [...bridgeDifferences.keys()].filter((scenario) => {
      const only = (name: string): boolean => name === scenario;
      return outcome(bridged, only).join() === outcome(direct, only).join();
    });
    assert.deepEqual(stale, [], "listed but equal both ways: remove them from bridgeDifferences");
  });
});

describe("conformance: examples/conformance through the double bridge equals it through the MCP face alone", function () {
  this.timeout(60_000);
  let binary: Listening | undefined;
  let gateway: Gateway | undefined;
  let face: McpFace | undefined;
  let single: ConformanceRun;
  let double: ConformanceRun;

  before(async () => {
    single = await runFixtureThroughFace();
    // fixture (binary) -> `protomcp mcp --stdio` (MCP) -> gateway (binary) -> MCP face (HTTP).
    binary = await createConformanceServer().listen();
    gateway = await startGateway({
      upstreams: new Map([
        [
          "fixture",
          { command: process.execPath, args: [cliBin, "mcp", "--upstream", binary.url, "--stdio"] },
        ],
      ]),
      host: "127.0.0.1",
      port: 0,
      logger: quiet,
    });
    face = await serveMcpFace({
      upstream: gateway.url,
      listen: { host: "127.0.0.1", port: 0 },
      logger: quiet,
    });
    double = await runConformance(face.url ?? "", { suite: "all" });
  });

  after(async () => {
    await face?.close();
    await gateway?.close();
    await binary?.close();
  });

  it("has the same outcome, check by check, outside doubleBridgeDifferences in expected-failures.json", () => {
    assert.ok(scenarioPassed(double.scenarios.get("tools-list")), describeScenario(double, "tools-list"));
    const compared = (scenario: string): boolean => !doubleBridgeDifferences.has(scenario);
    assert.deepEqual(outcome(double, compared), outcome(single, compared));
  });

  it("differs on every scenario listed in doubleBridgeDifferences (remove the entries that now agree)", () => {
    const stale = [...doubleBridgeDifferences.keys()].filter((scenario) => {
      const only = (name: string): boolean => name === scenario;
      return outcome(double, only).join() === outcome(single, only).join();
    });
    assert.deepEqual(stale, [], "listed but equal both ways: remove them from doubleBridgeDifferences");
  });
});
