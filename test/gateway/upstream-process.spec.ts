/**
 * What a stdio upstream's process does to the gateway: its stderr lines become the gateway's log
 * records (marked with the upstream's name) instead of raw bytes on the gateway's stderr, and many
 * concurrent large requests written to its stdin leave no MaxListenersExceededWarning behind.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";

const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");
/** What server-everything writes on stderr when it starts over stdio. */
const BANNER = "Starting default (STDIO) server...";

describe("a stdio upstream's process behind the gateway", function () {
  this.timeout(60_000);
  const lines: string[] = [];
  let gateway: Gateway;

  before(async () => {
    gateway = await startGateway({
      upstreams: new Map([["everything", { command: process.execPath, args: [everything, "stdio"] }]]),
      logger: createLogger({ level: "info", sink: (line) => lines.push(line) }),
    });
  });
  after(() => gateway?.close());

  it("logs the upstream's stderr lines as records naming the upstream", async () => {
    const deadline = Date.now() + 5_000;
    const banner = () =>
      lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((r) => r.line === BANNER);
    while (banner() === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const record = banner();
    assert.ok(record !== undefined, `no record of the banner in:\n${lines.join("")}`);
    assert.equal(record.msg, "upstream stderr");
    assert.equal(record.upstream, "everything");
    assert.equal(record.level, "info");
  });

  it("writes no raw upstream output on the gateway process's stderr", async () => {
    const cli = fileURLToPath(new URL("../../bin/protomcp.js", import.meta.url));
    const child = spawn(
      process.execPath,
      [cli, "gateway", "--upstream", `stdio:${process.execPath} ${everything} stdio`],
      { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, PROTOMCP_LOG: "info" } },
    );
    let stderr = "";
    try {
      await new Promise<void>((resolve, reject) => {
        child.stderr.on("data", (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes(BANNER)) resolve();
        });
        child.once("exit", (code) => reject(new Error(`gateway exited (${code}): ${stderr}`)));
      });
    } finally {
      child.kill();
    }
    const bannerLine = stderr.split("\n").find((line) => line.includes(BANNER))!;
    assert.notEqual(bannerLine, BANNER, "the banner came through raw");
    assert.equal((JSON.parse(bannerLine) as { upstream: string }).upstream, "default");
  });

  it("leaves no MaxListenersExceededWarning after 64 concurrent large calls", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => {
      if (warning.name === "MaxListenersExceededWarning") warnings.push(warning);
    };
    process.on("warning", onWarning);
    try {
      const client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
      const message = "x".repeat(64 * 1024);
      for (let round = 0; round < 3; round++) {
        const results = await Promise.all(
          Array.from({ length: 64 }, () =>
            client.callTool({ name: "echo", arguments: JSON.stringify({ message }) }),
          ),
        );
        assert.equal(results.length, 64);
      }
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    assert.deepEqual(
      warnings.map((w) => w.message),
      [],
    );
  });
});
