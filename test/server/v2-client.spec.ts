import * as assert from "node:assert/strict";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { createInMemoryPair, JsonRpcError, Peer } from "../../src/jsonrpc/index.js";
import { createDemoServer, README_URI } from "../../examples/demo/server.js";
import { type Listening, type McpFace, type McpServer, serveMcpFace } from "../../src/server/index.js";

/** The official v2 client, pinned to 2026-07-28, against `protomcp mcp` in front of a typed server. */
describe("server: the official v2 client (2026-07-28) through the MCP face", function () {
  this.timeout(15_000);
  let server: McpServer;
  let binary: Listening;
  let face: McpFace;
  let client: Client;

  before(async () => {
    server = createDemoServer();
    binary = await server.listen();
    face = await serveMcpFace({ upstream: binary.url, listen: {} });
    client = new Client(
      { name: "v2-test", version: "1.0.0" },
      { versionNegotiation: { mode: { pin: "2026-07-28" } } },
    );
    await client.connect(new StreamableHTTPClientTransport(new URL(face.url ?? "")));
  });

  after(async () => {
    await client?.close();
    await face?.close();
    await binary?.close();
  });

  it("v2: lists tools, resources, templates and prompts (ttlMs / cacheScope present)", async () => {
    const { tools } = await client.listTools();
    assert.ok(tools.some((t) => t.name === "add"));
    const { resources } = await client.listResources();
    assert.ok(resources.some((r) => r.uri === README_URI));
    await client.listResourceTemplates();
    const { prompts } = await client.listPrompts();
    assert.ok(prompts.some((p) => p.name === "greet"));
  });

  it("v2: reads a resource, gets a prompt and calls a tool", async () => {
    const read = await client.readResource({ uri: README_URI });
    assert.match(JSON.stringify(read.contents), /protomcp demo/);
    const prompt = await client.getPrompt({ name: "greet", arguments: { name: "Ada" } });
    assert.match(JSON.stringify(prompt.messages), /Ada/);
    const add = await client.callTool({ name: "add", arguments: { a: 2, b: 3 } });
    assert.deepEqual(add.structuredContent, { sum: 5 });
  });

  it("v2: subscriptions/listen hears list changes and resource updates", async () => {
    const heard: string[] = [];
    let resolve: () => void = () => {};
    const both = new Promise<void>((r) => {
      resolve = r;
    });
    const note = (what: string) => {
      heard.push(what);
      if (heard.includes("tools") && heard.includes(README_URI)) resolve();
    };
    client.setNotificationHandler("notifications/tools/list_changed", () => note("tools"));
    client.setNotificationHandler("notifications/prompts/list_changed", () => note("prompts"));
    client.setNotificationHandler("notifications/resources/updated", (n) => note(String(n.params.uri)));
    const subscription = await client.listen({
      toolsListChanged: true,
      resourceSubscriptions: [README_URI],
    });
    assert.deepEqual(subscription.honoredFilter, { toolsListChanged: true, resourceSubscriptions: [README_URI] });
    // The face acknowledges as it opens the upstream stream; let the upstream register it.
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(server.removeTool("now"), true);
    assert.equal(server.resourceUpdated(README_URI), true);
    // Not asked for: a prompts change must not arrive.
    server.prompt({ name: "extra", get: async () => [] });
    await both;
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual([...heard].sort(), ["demo://readme", "tools"]);
    await subscription.close();
    assert.equal(await subscription.closed, "local");
  });

  /** Log messages the client hears while calling `count` (3 steps, one `info` log each). */
  async function logsOfCount(meta: Record<string, unknown>): Promise<unknown[]> {
    const heard: unknown[] = [];
    client.setNotificationHandler("notifications/message", (n) => {
      heard.push(n.params.data);
    });
    await client.callTool({ name: "count", arguments: { steps: 3 }, _meta: meta });
    return heard;
  }

  it("v2: _meta logLevel: logs at or above it are sent, none below it, none without it", async () => {
    const level = "io.modelcontextprotocol/logLevel";
    assert.deepEqual(await logsOfCount({ [level]: "info" }), ["step 1 of 3", "step 2 of 3", "step 3 of 3"]);
    assert.deepEqual(await logsOfCount({ [level]: "warning" }), []);
    assert.deepEqual(await logsOfCount({}), []);
  });

  /** A raw 2026-07-28 POST to the face. */
  function post(method: string, params: Record<string, unknown>, headers: Record<string, string> = {}) {
    return fetch(face.url ?? "", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-protocol-version": "2026-07-28",
        "mcp-method": method,
        ...headers,
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method,
        params: {
          ...params,
          _meta: {
            "io.modelcontextprotocol/protocolVersion": headers["mcp-protocol-version"] ?? "2026-07-28",
            "io.modelcontextprotocol/clientCapabilities": {},
            "io.modelcontextprotocol/clientInfo": { name: "raw", version: "1" },
          },
        },
      }),
    });
  }

  async function errorOf(response: Response): Promise<{ status: number; code: number; data?: unknown }> {
    const body = (await response.json()) as { error: { code: number; data?: unknown } };
    return { status: response.status, code: body.error.code, data: body.error.data };
  }

  it("HTTP: Mcp-Name is required and checked on tools/call, prompts/get and resources/read", async () => {
    const add = { name: "add", arguments: { a: 1, b: 2 } };
    assert.deepEqual(await errorOf(await post("tools/call", add)), { status: 400, code: -32020, data: undefined });
    const wrong = await post("tools/call", add, { "mcp-name": "echo" });
    assert.deepEqual(await errorOf(wrong), { status: 400, code: -32020, data: undefined });
    const right = await post("tools/call", add, { "mcp-name": "add" });
    assert.equal(right.status, 200);
    assert.match(await right.text(), /"sum":3/);
    const encoded = `=?base64?${Buffer.from(README_URI).toString("base64")}?=`;
    const read = await post("resources/read", { uri: README_URI }, { "mcp-name": encoded });
    assert.equal(read.status, 200);
    const noName = await post("prompts/get", { name: "greet", arguments: { name: "x" } });
    assert.equal((await errorOf(noName)).code, -32020);
    // Methods without a mirrored field need none.
    assert.equal((await post("tools/list", {})).status, 200);
  });

  it("HTTP: an unknown method is 404 (-32601); an unsupported version is 400 (-32022)", async () => {
    assert.deepEqual(await errorOf(await post("no/such", {})), { status: 404, code: -32601, data: undefined });
    const version = await errorOf(await post("tools/list", {}, { "mcp-protocol-version": "2099-01-01" }));
    assert.equal(version.status, 400);
    assert.equal(version.code, -32022);
    assert.equal((version.data as { requested: string }).requested, "2099-01-01");
  });

  it("stdio (the same Peer): a request whose _meta names 2099-01-01 is answered -32022", async () => {
    const [a, b] = createInMemoryPair();
    const serverPeer = new Peer(a);
    serverPeer.setRequestHandler("tools/list", async () => ({ tools: [] }));
    const clientPeer = new Peer(b);
    await serverPeer.start();
    await clientPeer.start();
    await assert.rejects(
      clientPeer.request("tools/list", { _meta: { "io.modelcontextprotocol/protocolVersion": "2099-01-01" } }),
      (e: unknown) =>
        e instanceof JsonRpcError &&
        e.code === -32022 &&
        (e.data as { requested: string; supported: string[] }).requested === "2099-01-01" &&
        (e.data as { supported: string[] }).supported.includes("2026-07-28"),
    );
    await clientPeer.close();
    await serverPeer.close();
  });

  it("typed server: cache hints default to ttlMs 0 and can be overridden per method", async () => {
    const tuned = createDemoServer();
    (tuned.options as { cache?: unknown }).cache = {
      default: { ttlMs: 5_000 },
      methods: { "tools/list": { ttlMs: 60_000, cacheScope: "private" } },
    };
    const listening = await tuned.listen();
    const other = await serveMcpFace({ upstream: listening.url, listen: {} });
    try {
      const hints = async (url: string, method: string, params: Record<string, unknown> = {}) => {
        const response = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
            "mcp-protocol-version": "2026-07-28",
            "mcp-method": method,
            ...(typeof params.uri === "string" ? { "mcp-name": params.uri } : {}),
          },
          body: JSON.stringify({
            jsonrpc: "2.0",
            id: 1,
            method,
            params: { ...params, _meta: { "io.modelcontextprotocol/protocolVersion": "2026-07-28" } },
          }),
        });
        const { result } = (await response.json()) as { result: { ttlMs: unknown; cacheScope: unknown } };
        return [result.ttlMs, result.cacheScope];
      };
      assert.deepEqual(await hints(face.url ?? "", "tools/list"), [0, "public"]);
      assert.deepEqual(await hints(face.url ?? "", "resources/read", { uri: README_URI }), [0, "private"]);
      assert.deepEqual(await hints(face.url ?? "", "server/discover"), [0, "public"]);
      assert.deepEqual(await hints(other.url ?? "", "tools/list"), [60_000, "private"]);
      assert.deepEqual(await hints(other.url ?? "", "prompts/list"), [5_000, "public"]);
    } finally {
      await other.close();
      await listening.close();
    }
  });
});
