/**
 * One gateway, a fleet: upstreams from an `mcpServers` file (a stdio server and a Streamable HTTP
 * one), each call routed by the `mcp-upstream` header; health checks answer for the endpoint.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { Health } from "../../src/binary/grpc/gen/grpc/health/v1/health_pb.js";
import { type Gateway, readMcpServersFile, startGateway, UPSTREAM_HEADER } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { freePort } from "../jsonrpc/helpers.js";

const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");

describe("gateway fronting a fleet from an mcpServers file", function () {
  this.timeout(60_000);
  let httpServer: ChildProcess;
  let gateway: Gateway;
  let dir: string;

  before(async () => {
    const port = await freePort();
    httpServer = spawn(process.execPath, [everything, "streamableHttp"], {
      env: { ...process.env, PORT: String(port) },
      stdio: ["ignore", "ignore", "pipe"],
    });
    await new Promise<void>((resolve, reject) => {
      let text = "";
      httpServer.stderr!.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes("listening on port")) resolve();
      });
      httpServer.once("exit", (code) => reject(new Error(`server-everything exited with ${code}: ${text}`)));
    });
    dir = mkdtempSync(join(tmpdir(), "protomcp-fleet-"));
    const config = join(dir, "mcp.json");
    writeFileSync(
      config,
      JSON.stringify({
        mcpServers: {
          local: { command: process.execPath, args: [everything, "stdio"] },
          remote: { url: `http://127.0.0.1:${port}/mcp` },
        },
      }),
    );
    gateway = await startGateway({
      upstreams: readMcpServersFile(config),
      logger: createLogger({ level: "error" }),
    });
  });

  after(async () => {
    await gateway?.close();
    httpServer?.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("routes each call to the upstream its header names", async () => {
    const client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
    for (const name of ["local", "remote"]) {
      const result = await client.callTool(
        { name: "echo", arguments: JSON.stringify({ message: name }) },
        { headers: { [UPSTREAM_HEADER]: name } },
      );
      const block = result.content[0]?.value.value;
      assert.equal(block?.$typeName, "mcp.v1.TextContent");
      assert.equal((block as { text?: string }).text, `Echo: ${name}`);
    }
    await assert.rejects(
      client.listTools({}, { headers: { [UPSTREAM_HEADER]: "elsewhere" } }),
      (e: unknown) => ConnectError.from(e).code === Code.NotFound,
    );
  });

  it("answers grpc.health.v1 for the server and for McpService", async () => {
    const health = createClient(Health, createGrpcTransport({ baseUrl: gateway.url }));
    assert.equal((await health.check({})).status, 1);
    assert.equal((await health.check({ service: "mcp.v1.McpService" })).status, 1);
    await assert.rejects(
      health.check({ service: "nope" }),
      (e: unknown) => ConnectError.from(e).code === Code.NotFound,
    );
  });
});
