import * as assert from "node:assert/strict";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { McpClient } from "../../src/jsonrpc/client.js";
import { StreamableHttpClientTransport } from "../../src/jsonrpc/http-client.js";
import { StreamableHttpHandler } from "../../src/jsonrpc/http-server.js";
import type { HttpServerConnection } from "../../src/jsonrpc/http-server-connection.js";
import type { JsonObject } from "../../src/jsonrpc/messages.js";
import type { Peer } from "../../src/jsonrpc/peer.js";
import { serveFixture } from "./helpers.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { progressOnTheWire } from "../helpers/progress-on-the-wire.js";

const JSON_AND_SSE = "application/json, text/event-stream";

describe("jsonrpc: Streamable HTTP server", function () {
  this.timeout(10_000);
  let server: Server;
  let handler: StreamableHttpHandler;
  let url: string;
  const peers: Peer[] = [];
  const connections: HttpServerConnection[] = [];

  before(async () => {
    handler = new StreamableHttpHandler({
      maxBodyBytes: 64 * 1024,
      onsession: async (connection) => {
        connections.push(connection);
        peers.push(await serveFixture(connection));
      },
    });
    server = createServer((req, res) => {
      if (req.url === "/mcp") void handler.handle(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
  });

  after(async () => {
    await handler.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: JSON_AND_SSE, ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  }

  const initialize = {
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
  };

  describe("with the official SDK client", () => {
    let client: Client;
    let transport: StreamableHTTPClientTransport;

    before(async () => {
      client = new Client({ name: "sdk-client", version: "1.0.0" });
      transport = new StreamableHTTPClientTransport(new URL(url));
      await client.connect(transport);
    });

    after(async () => {
      await transport.terminateSession().catch(() => {});
      await client.close();
    });

    it("initializes and gets a session", () => {
      assert.equal(client.getServerVersion()?.name, "protomcp-fixture");
      assert.equal(typeof transport.sessionId, "string");
      assert.ok(handler.sessionCount >= 1);
    });

    it("lists and calls tools (JSON response)", async () => {
      const { tools } = await client.listTools();
      assert.deepEqual(
        tools.map((t) => t.name),
        ["echo", "progress"],
      );
      const result = await client.callTool({ name: "echo", arguments: { message: "sdk" } });
      assert.deepEqual(result.content, [{ type: "text", text: "Echo: sdk" }]);
    });

    it("streams notifications before the response (SSE response)", async () => {
      const progressFor = progressOnTheWire(client.transport as Transport);
      const result = await client.callTool({
        name: "progress",
        arguments: {},
        _meta: { progressToken: "sse" },
      });
      assert.deepEqual(result.content, [{ type: "text", text: "done" }]);
      assert.deepEqual(progressFor("sse"), [1, 2]);
    });

    it("ends the session on DELETE", async () => {
      const other = new Client({ name: "sdk-client", version: "1.0.0" });
      const t = new StreamableHTTPClientTransport(new URL(url));
      await other.connect(t);
      const before = handler.sessionCount;
      await t.terminateSession();
      assert.equal(handler.sessionCount, before - 1);
      await other.close();
    });
  });

  describe("with our client", () => {
    it("speaks 2025-11-25 with a session and a GET stream", async () => {
      const client = new McpClient({ clientInfo: { name: "ours", version: "1" } });
      const transport = new StreamableHttpClientTransport({ url });
      await client.connect(transport);
      assert.equal(client.revision, "2025-11-25");
      assert.ok(transport.sessionId);
      const result = await client.request("tools/call", { name: "echo", arguments: { message: "a" } });
      assert.deepEqual(result.content, [{ type: "text", text: "Echo: a" }]);
      // A server-initiated notification (no related request) travels on the GET stream.
      const got = new Promise<JsonObject>((resolve) => {
        client.setNotificationHandler("notifications/tools/list_changed", (n) => resolve(n.params ?? {}));
      });
      const connection = connections.find((c) => c.sessionId === transport.sessionId)!;
      for (let i = 0; i < 50 && !connection.hasGetStream; i++) await new Promise((r) => setTimeout(r, 10));
      await connection.send({ jsonrpc: "2.0", method: "notifications/tools/list_changed", params: { x: 1 } });
      assert.deepEqual(await got, { x: 1 });
      await client.close();
      assert.ok(connection.isClosed, "close() sent DELETE");
    });

    it("speaks 2026-07-28 statelessly, with per-request _meta", async () => {
      const client = new McpClient({ clientInfo: { name: "ours", version: "1" } });
      const transport = new StreamableHttpClientTransport({ url });
      const sessions = handler.sessionCount;
      await client.connect(transport, { revision: "2026-07-28" });
      assert.equal(client.revision, "2026-07-28");
      assert.equal(client.serverInfo?.name, "protomcp-fixture");
      assert.equal(transport.sessionId, undefined);
      const result = await client.request("tools/call", { name: "echo", arguments: { message: "b" } });
      const seen = (result._meta as JsonObject).seen as JsonObject;
      assert.equal(seen["io.modelcontextprotocol/protocolVersion"], "2026-07-28");
      assert.deepEqual(seen["io.modelcontextprotocol/clientInfo"], { name: "ours", version: "1" });
      const progress: unknown[] = [];
      await client.request(
        "tools/call",
        { name: "progress" },
        { onprogress: (p) => progress.push(p.progress) },
      );
      assert.deepEqual(progress, [1, 2]);
      assert.equal(handler.sessionCount, sessions, "no session minted");
      await client.close();
    });
  });

  describe("rejects", () => {
    it("a foreign Origin with 403", async () => {
      const response = await post(initialize, { origin: "http://evil.example" });
      assert.equal(response.status, 403);
      const body = (await response.json()) as JsonObject;
      assert.match(
        String((body.error as JsonObject).message),
        /origin "http:\/\/evil.example" is not allowed/,
      );
      assert.equal(body.id, undefined);
    });

    it("accepts a localhost Origin", async () => {
      const response = await post({ ...initialize, id: 2 }, { origin: "http://localhost:5173" });
      assert.equal(response.status, 200);
      assert.ok(response.headers.get("mcp-session-id"));
      await response.body?.cancel();
    });

    it("a foreign Host with 403 (DNS rebinding)", async () => {
      const { port } = server.address() as AddressInfo;
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: "127.0.0.1",
            port,
            path: "/mcp",
            method: "POST",
            headers: { host: "attacker.example", "content-type": "application/json", accept: JSON_AND_SSE },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on("error", reject);
        req.end(JSON.stringify(initialize));
      });
      assert.equal(status, 403);
    });

    it("an unknown session with 404 and a missing one with 400", async () => {
      const ping = { jsonrpc: "2.0", id: 5, method: "ping" };
      const unknown = await post(ping, { "mcp-session-id": "nope" });
      assert.equal(unknown.status, 404);
      assert.equal(((await unknown.json()) as JsonObject).id, 5);
      const missing = await post(ping);
      assert.equal(missing.status, 400);
      await missing.body?.cancel();
    });

    it("bad Accept (406), Content-Type (415), body size (413), JSON or UTF-8 (400), method (405)", async () => {
      const notAccepted = await post(initialize, { accept: "application/json" });
      assert.equal(notAccepted.status, 406);
      const wrongType = await post(initialize, { "content-type": "text/plain" });
      assert.equal(wrongType.status, 415);
      const tooBig = await post({ ...initialize, params: { pad: "x".repeat(70 * 1024) } });
      assert.equal(tooBig.status, 413);
      const malformed = await post("{nope");
      assert.equal(malformed.status, 400);
      assert.equal((((await malformed.json()) as JsonObject).error as JsonObject).code, -32700);
      // Invalid UTF-8 (RFC 8259 8.1): a parse error, not U+FFFD in the client's text.
      const notUtf8 = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: JSON_AND_SSE },
        body: Buffer.concat([
          Buffer.from('{"jsonrpc":"2.0","id":1,"method":"'),
          Buffer.from([0xc3, 0x28]),
          Buffer.from('"}'),
        ]),
      });
      assert.equal(notUtf8.status, 400);
      assert.deepEqual(((await notUtf8.json()) as JsonObject).error, {
        code: -32700,
        message: "cannot parse message: invalid UTF-8",
      });
      const put = await fetch(url, { method: "PUT" });
      assert.equal(put.status, 405);
      for (const r of [notAccepted, wrongType, tooBig, put]) await r.body?.cancel();
    });

    it("an unsupported protocol version and a 2026 header mismatch with 400", async () => {
      const unsupported = await post(
        { jsonrpc: "2.0", id: 1, method: "ping" },
        { "mcp-protocol-version": "1999-01-01" },
      );
      assert.equal(unsupported.status, 400);
      assert.equal((((await unsupported.json()) as JsonObject).error as JsonObject).code, -32022);
      const mismatch = await post(
        {
          jsonrpc: "2.0",
          id: 1,
          method: "tools/list",
          params: { _meta: { "io.modelcontextprotocol/protocolVersion": "2026-07-28" } },
        },
        { "mcp-protocol-version": "2026-07-28", "mcp-method": "tools/call" },
      );
      assert.equal(mismatch.status, 400);
      assert.equal((((await mismatch.json()) as JsonObject).error as JsonObject).code, -32020);
    });

    it("GET without a session with 405", async () => {
      const response = await fetch(url, { headers: { accept: "text/event-stream" } });
      assert.equal(response.status, 405);
      await response.body?.cancel();
    });
  });
});
