/**
 * The gateway in front of a Streamable HTTP upstream: a real MCP server written with the official
 * SDK (sessions kept the way the SDK's examples keep them, 404 for a session it does not know).
 * One upstream session serves every binary caller; a session the server forgot is replaced; and the
 * W3C trace context of a binary call reaches the server in `params._meta`.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { toBinary } from "@bufbuild/protobuf";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { type McpFace, serveMcpFace } from "../../src/server/index.js";
import { binaryToValue } from "../../src/transcode/index.js";
import { capableClient } from "./capable-client.js";

const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");

/** A Streamable HTTP MCP server whose `echo-meta` tool returns the `_meta` of its request. */
class MetaEchoServer {
  readonly sessions = new Map<string, StreamableHTTPServerTransport>();
  initializations = 0;
  private readonly http: Server = createServer((req, res) => void this.handle(req, res));

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.http.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}/mcp`;
  }

  async close(): Promise<void> {
    for (const transport of this.sessions.values()) await transport.close();
    this.http.closeAllConnections();
    await new Promise((resolve) => this.http.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = req.headers["mcp-session-id"];
    if (typeof session === "string") {
      const transport = this.sessions.get(session);
      if (transport === undefined) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(
          JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32001, message: "Session not found" } }),
        );
        return;
      }
      await transport.handleRequest(req, res);
      return;
    }
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableJsonResponse: true,
      onsessioninitialized: (id) => {
        this.initializations++;
        this.sessions.set(id, transport);
      },
    });
    const server = new McpServer({ name: "meta-echo", version: "1.0.0" });
    server.registerTool("echo-meta", { description: "Returns the request's _meta." }, async (extra) => ({
      content: [{ type: "text", text: JSON.stringify(extra._meta ?? {}) }],
    }));
    await server.connect(transport);
    await transport.handleRequest(req, res);
  }
}

const TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

describe("gateway in front of a Streamable HTTP upstream (official SDK server)", function () {
  this.timeout(30_000);
  let upstream: MetaEchoServer;
  let gateway: Gateway;
  let client: ReturnType<typeof createClient<typeof McpService>>;

  before(async () => {
    upstream = new MetaEchoServer();
    const url = await upstream.listen();
    gateway = await startGateway({
      upstreams: new Map([["echo", { url }]]),
      logger: createLogger({ level: "error" }),
    });
    client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
  });
  after(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  const metaOf = async (meta: Record<string, unknown> | undefined, headers?: Record<string, string>) => {
    const result = await client.callTool(
      { name: "echo-meta", arguments: "{}", ...(meta === undefined ? {} : { meta: JSON.stringify(meta) }) },
      headers === undefined ? {} : { headers },
    );
    const json = binaryToValue("CallToolResult", toBinary(McpService.method.callTool.output, result), {
      revision: "2025-11-25",
      requireFields: false,
    }) as { content: Array<{ text: string }> };
    return JSON.parse(json.content[0]!.text) as Record<string, unknown>;
  };

  it("answers every binary Initialize from its one upstream session", async () => {
    for (let i = 0; i < 3; i++) {
      const result = await client.initialize({
        protocolVersion: "2025-11-25",
        clientInfo: { name: `binary-${i}`, version: "1.0.0" },
      });
      assert.equal(result.serverInfo?.name, "meta-echo");
    }
    assert.equal((await client.listTools({})).tools[0]?.name, "echo-meta");
    assert.equal(upstream.initializations, 1);
  });

  it("starts a new upstream session when the server answers 404 to the old one", async () => {
    const before = upstream.initializations;
    for (const transport of upstream.sessions.values()) await transport.close();
    upstream.sessions.clear();
    assert.equal((await client.listTools({})).tools[0]?.name, "echo-meta");
    assert.equal(upstream.initializations, before + 1);
    assert.equal((await client.listTools({})).tools[0]?.name, "echo-meta");
    assert.equal(upstream.initializations, before + 1);
  });

  it("puts the call's traceparent and tracestate into the upstream request's _meta", async () => {
    const meta = await metaOf(undefined, { traceparent: TRACEPARENT, tracestate: "vendor=1" });
    assert.equal(meta.traceparent, TRACEPARENT);
    assert.equal(meta.tracestate, "vendor=1");
  });

  it("keeps a traceparent the request's _meta already carries", async () => {
    const own = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    const meta = await metaOf({ traceparent: own, other: "kept" }, { traceparent: TRACEPARENT });
    assert.equal(meta.traceparent, own);
    assert.equal(meta.other, "kept");
  });

  it("adds no trace context when the call carries none", async () => {
    const meta = await metaOf(undefined);
    assert.equal(meta.traceparent, undefined);
  });
});

describe("gateway in front of server-everything over Streamable HTTP, behind the MCP face", function () {
  this.timeout(30_000);
  let child: ChildProcess | undefined;
  let gateway: Gateway | undefined;
  let face: McpFace | undefined;

  before(async () => {
    const port = await freePort();
    child = spawn(process.execPath, [everything, "streamableHttp"], {
      env: { ...process.env, PORT: String(port) },
      stdio: ["ignore", "ignore", "pipe"],
    });
    await new Promise<void>((resolve, reject) => {
      let log = "";
      child!.stderr!.on("data", (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes("listening on port")) resolve();
      });
      child!.once("exit", (code) => reject(new Error(`server-everything exited (${code}): ${log}`)));
    });
    gateway = await startGateway({
      upstreams: new Map([["everything", { url: `http://127.0.0.1:${port}/mcp` }]]),
      logger: createLogger({ level: "error" }),
    });
    face = await serveMcpFace({
      upstream: gateway.url,
      listen: { host: "127.0.0.1", port: 0 },
      logger: createLogger({ level: "error" }),
    });
  });
  after(async () => {
    await face?.close();
    await gateway?.close();
    child?.kill();
  });

  it("serves several MCP sessions over its one upstream session (no second initialize upstream)", async () => {
    for (const name of ["first", "second", "third"]) {
      const client = capableClient(name);
      await client.connect(new StreamableHTTPClientTransport(new URL(face!.url!)));
      assert.equal(client.getServerVersion()?.name, "mcp-servers/everything");
      const echoed = await client.callTool({ name: "echo", arguments: { message: name } });
      assert.match(JSON.stringify(echoed.content), new RegExp(name));
      await client.close();
    }
  });
});

/** A port nobody listens on right now (server-everything reads its port from PORT). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
