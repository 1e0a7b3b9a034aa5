import * as assert from "node:assert/strict";
import { McpClient } from "../../src/jsonrpc/client.js";
import { JsonRpcError, LocalCode } from "../../src/jsonrpc/errors.js";
import type { JsonObject } from "../../src/jsonrpc/messages.js";
import { StdioClientTransport } from "../../src/jsonrpc/stdio-client.js";
import type { CloseInfo } from "../../src/jsonrpc/transport.js";
import { everythingEntry } from "./helpers.js";

function everything(): StdioClientTransport {
  return new StdioClientTransport({
    command: process.execPath,
    args: [everythingEntry, "stdio"],
    stderr: "ignore",
  });
}

describe("jsonrpc: stdio client against server-everything", function () {
  this.timeout(15_000);
  let client: McpClient;
  let transport: StdioClientTransport;
  const notifications: JsonObject[] = [];
  const closes: CloseInfo[] = [];

  before(async () => {
    client = new McpClient({
      clientInfo: { name: "protomcp-test", version: "0.0.0" },
      capabilities: { sampling: {}, roots: {} },
    });
    client.setRequestHandler("roots/list", async () => ({ roots: [{ uri: "file:///tmp", name: "tmp" }] }));
    client.setRequestHandler("sampling/createMessage", async (request) => ({
      role: "assistant",
      content: { type: "text", text: `sampled ${JSON.stringify(request.params?.maxTokens)}` },
      model: "test-model",
      stopReason: "endTurn",
    }));
    client.setNotificationHandler("notifications/message", (n) => {
      notifications.push(n.params ?? {});
    });
    client.onclose = (info) => closes.push(info);
    transport = everything();
    await client.connect(transport);
  });

  after(async () => {
    await client.close();
  });

  it("negotiates 2025-11-25 and keeps the server's handshake", () => {
    assert.equal(client.revision, "2025-11-25");
    assert.equal(client.serverInfo?.name, "mcp-servers/everything");
    assert.ok(client.serverCapabilities?.tools);
    assert.equal(typeof client.instructions, "string");
  });

  it("lists tools, raw result unchanged", async () => {
    const result = await client.request("tools/list");
    const tools = result.tools as JsonObject[];
    const names = tools.map((t) => t.name);
    assert.ok(names.includes("echo"));
    assert.ok(names.includes("trigger-long-running-operation"));
    const echo = tools.find((t) => t.name === "echo")!;
    // Properties our layer knows nothing about survive (annotations, title, schema).
    assert.equal(echo.title, "Echo Tool");
    assert.deepEqual((echo.annotations as JsonObject).readOnlyHint, true);
  });

  it("calls echo", async () => {
    const result = await client.request("tools/call", { name: "echo", arguments: { message: "héllo 世界" } });
    assert.deepEqual(result.content, [{ type: "text", text: "Echo: héllo 世界" }]);
  });

  it("maps a server error to a wire JsonRpcError", async () => {
    await assert.rejects(client.request("no/such-method"), (e: unknown) => {
      assert.ok(e instanceof JsonRpcError);
      assert.equal(e.code, -32601);
      assert.equal(e.isLocal, false);
      return true;
    });
  });

  it("routes progress notifications to the request's onprogress", async () => {
    const progress: JsonObject[] = [];
    const result = await client.request(
      "tools/call",
      { name: "trigger-long-running-operation", arguments: { duration: 0.3, steps: 3 } },
      { onprogress: (p) => progress.push(p) },
    );
    assert.match(String((result.content as JsonObject[])[0]?.text), /completed/);
    assert.deepEqual(
      progress.map((p) => [p.progress, p.total]),
      [
        [1, 3],
        [2, 3],
        [3, 3],
      ],
    );
  });

  it("cancels through an AbortSignal and the server keeps serving", async () => {
    const controller = new AbortController();
    const call = client.request(
      "tools/call",
      { name: "trigger-long-running-operation", arguments: { duration: 5, steps: 5 } },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort("user gave up"), 100);
    await assert.rejects(call, (e: unknown) => e instanceof JsonRpcError && e.code === LocalCode.Aborted);
    const ping = await client.request("ping");
    assert.deepEqual(ping, {});
  });

  it("times out with a local timeout error", async () => {
    await assert.rejects(
      client.request(
        "tools/call",
        { name: "trigger-long-running-operation", arguments: { duration: 5, steps: 5 } },
        { timeoutMs: 100 },
      ),
      (e: unknown) => e instanceof JsonRpcError && e.code === LocalCode.Timeout,
    );
  });

  it("answers the server's sampling request", async () => {
    const result = await client.request("tools/call", {
      name: "trigger-sampling-request",
      arguments: { prompt: "hi", maxTokens: 7 },
    });
    assert.match(String((result.content as JsonObject[])[0]?.text), /sampled 7/);
  });

  it("falls back from server/discover to initialize", async () => {
    const other = new McpClient({ clientInfo: { name: "protomcp-test", version: "0.0.0" } });
    try {
      await other.connect(everything(), { revision: "2026-07-28" });
      assert.equal(other.revision, "2025-11-25");
      const result = await other.request("tools/call", { name: "echo", arguments: { message: "x" } });
      assert.deepEqual(result.content, [{ type: "text", text: "Echo: x" }]);
    } finally {
      await other.close();
    }
  });

  it("fails pending requests when the server process dies, reporting the signal", async () => {
    const other = new McpClient({ clientInfo: { name: "protomcp-test", version: "0.0.0" } });
    const t = everything();
    const closed = new Promise<CloseInfo>((resolve) => {
      other.onclose = resolve;
    });
    await other.connect(t);
    const call = other.request("tools/call", {
      name: "trigger-long-running-operation",
      arguments: { duration: 5, steps: 5 },
    });
    process.kill(t.pid!, "SIGKILL");
    await assert.rejects(
      call,
      (e: unknown) =>
        e instanceof JsonRpcError && e.code === LocalCode.ConnectionClosed && /SIGKILL/.test(e.message),
    );
    assert.equal((await closed).signal, "SIGKILL");
  });

  it("reports a command that cannot be spawned", async () => {
    const other = new McpClient({ clientInfo: { name: "protomcp-test", version: "0.0.0" } });
    await assert.rejects(
      other.connect(new StdioClientTransport({ command: "/nonexistent/protomcp-no-such-binary" })),
      (e: unknown) => e instanceof JsonRpcError && /cannot spawn/.test(e.message),
    );
  });
});
