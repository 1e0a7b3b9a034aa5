import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createConformanceServer } from "../../examples/conformance/server.js";
import { type Listening, type McpFace, serveMcpFace } from "../../src/server/index.js";

const resolvePath = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const cli = resolvePath("../../node_modules/@modelcontextprotocol/conformance/dist/index.js");
const shim = resolvePath("./conformance/register-shim.mjs");
const baseline = resolvePath("../../examples/conformance/baseline.yml");

/** Runs the conformance CLI against `url`; resolves to its exit code and output. */
function runConformance(url: string, outputDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const args = [
      "--import",
      shim,
      cli,
      "server",
      "--url",
      url,
      "--expected-failures",
      baseline,
      "--suite",
      "all",
    ];
    const child = spawn(process.execPath, [...args, "-o", outputDir], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("server: @modelcontextprotocol/conformance server scenarios (all suites) through the MCP face", function () {
  this.timeout(60_000);
  let binary: Listening;
  let face: McpFace;
  let outputDir: string;

  before(async () => {
    binary = await createConformanceServer().listen();
    face = await serveMcpFace({ upstream: binary.url, listen: { host: "127.0.0.1" } });
    outputDir = await mkdtemp(join(tmpdir(), "protomcp-conformance-"));
  });

  after(async () => {
    await face?.close();
    await binary?.close();
    await rm(outputDir, { recursive: true, force: true });
  });

  it("passes every scenario outside the checked-in baseline, and no baseline entry passes", async () => {
    const { code, output } = await runConformance(face.url ?? "", outputDir);
    const summary = output.slice(output.lastIndexOf("=== SUMMARY ==="));
    assert.equal(code, 0, summary);
    assert.match(summary, /server-initialize: \d+ passed, 0 failed/);
  });
});
