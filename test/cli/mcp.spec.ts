import * as assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { EchoRequestSchema } from "../../examples/demo/gen/demo/v1/demo_pb.js";
import { createMcpServer, type Listening } from "../../src/server/index.js";

// `protomcp mcp` flags that only the CLI wires: --forward-header, --metrics and --allow-host (which replaces
// the default loopback names, so the test names 127.0.0.1 too).

const bin = fileURLToPath(new URL("../../bin/protomcp.js", import.meta.url));

/** Starts `protomcp mcp --listen 127.0.0.1:0 …` and resolves to the URL it prints on stderr. */
async function startFace(args: string[]): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, [bin, "mcp", "--listen", "127.0.0.1:0", ...args], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  const url = await new Promise<URL>((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /serving MCP at (\S+)/.exec(stderr);
      if (match?.[1] !== undefined) resolve(new URL(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`protomcp mcp exited ${code}: ${stderr}`)));
  });
  return { child, url };
}

describe("cli: protomcp mcp --forward-header, --metrics and --allow-host", function () {
  this.timeout(30_000);
  let binary: Listening;
  let face: { child: ChildProcess; url: URL };

  before(async () => {
    const server = createMcpServer({ name: "headers", version: "1.0.0" });
    server.tool({
      name: "tenant",
      input: EchoRequestSchema,
      handler: async (_, context) => ({
        content: [{ type: "text", text: context.headers.get("x-tenant") ?? "(none)" }],
      }),
    });
    binary = await server.listen();
    face = await startFace([
      "--upstream",
      binary.url,
      "--forward-header",
      "X-Tenant",
      "--allow-host",
      "127.0.0.1",
      "--allow-host",
      "mcp.example.test",
      "--metrics",
    ]);
  });

  after(async () => {
    face.child.kill("SIGTERM");
    await once(face.child, "exit");
    await binary.close();
  });

  it("passes the named header of the MCP HTTP request on to the RPC", async () => {
    const client = new Client({ name: "test", version: "1.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(face.url, { requestInit: { headers: { "x-tenant": "acme" } } }),
    );
    try {
      const result = await client.callTool({ name: "tenant", arguments: { text: "" } });
      assert.deepEqual(result.content, [{ type: "text", text: "acme" }]);
    } finally {
      await client.close();
    }
  });

  it("serves Prometheus metrics on the face's port with --metrics", async () => {
    const metrics = await (await fetch(new URL("/metrics", face.url))).text();
    assert.match(metrics, /^protomcp_face_requests_total\{[^}]*method="tools\/call"[^}]*\} [1-9]/m);
  });

  it("accepts an allowed Origin and refuses any other with 403", async () => {
    const post = (origin: string) =>
      fetch(face.url, {
        method: "POST",
        headers: {
          origin,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
      });
    const refused = await post("http://evil.example");
    assert.equal(refused.status, 403);
    const allowed = await post("http://mcp.example.test");
    assert.notEqual(allowed.status, 403);
  });
});
