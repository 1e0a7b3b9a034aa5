import * as assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { McpClient } from "../../src/jsonrpc/client.js";
import { JsonRpcError, LocalCode } from "../../src/jsonrpc/errors.js";
import { StreamableHttpClientTransport } from "../../src/jsonrpc/http-client.js";
import type { JsonObject } from "../../src/jsonrpc/messages.js";
import { everythingEntry, freePort } from "./helpers.js";

describe("jsonrpc: HTTP client against server-everything (streamableHttp)", function () {
  this.timeout(20_000);
  let child: ChildProcess;
  let url: string;
  const clients: McpClient[] = [];

  async function connect(
    revision?: "2025-11-25" | "2026-07-28",
  ): Promise<[McpClient, StreamableHttpClientTransport]> {
    const client = new McpClient({
      clientInfo: { name: "protomcp-test", version: "0.0.0" },
      capabilities: { sampling: {} },
    });
    client.setRequestHandler("sampling/createMessage", async () => ({
      role: "assistant",
      content: { type: "text", text: "sampled over http" },
      model: "m",
    }));
    const transport = new StreamableHttpClientTransport({ url, headers: { authorization: "Bearer test" } });
    clients.push(client);
    await client.connect(transport, revision === undefined ? {} : { revision });
    return [client, transport];
  }

  before(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}/mcp`;
    child = spawn(process.execPath, [everythingEntry, "streamableHttp"], {
      env: { ...process.env, PORT: String(port) },
      stdio: ["ignore", "ignore", "pipe"],
    });
    await new Promise<void>((resolve, reject) => {
      let text = "";
      child.stderr!.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes("listening on port")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`server-everything exited with ${code}: ${text}`)));
    });
  });

  after(async () => {
    for (const client of clients) await client.close().catch(() => {});
    child.kill("SIGKILL");
  });

  it("initializes with a session and calls tools", async () => {
    const [client, transport] = await connect();
    assert.equal(client.revision, "2025-11-25");
    assert.equal(typeof transport.sessionId, "string");
    const list = await client.request("tools/list");
    assert.ok((list.tools as JsonObject[]).some((t) => t.name === "echo"));
    const echo = await client.request("tools/call", { name: "echo", arguments: { message: "über" } });
    assert.deepEqual(echo.content, [{ type: "text", text: "Echo: über" }]);
  });

  it("reads progress from an SSE response", async () => {
    const [client] = await connect();
    const seen: unknown[] = [];
    const result = await client.request(
      "tools/call",
      { name: "trigger-long-running-operation", arguments: { duration: 0.2, steps: 2 } },
      { onprogress: (p) => seen.push(p.progress) },
    );
    assert.match(String((result.content as JsonObject[])[0]?.text), /completed/);
    assert.deepEqual(seen, [1, 2]);
  });

  it("answers a server request that arrives on the POST's SSE stream", async () => {
    const [client] = await connect();
    const result = await client.request("tools/call", {
      name: "trigger-sampling-request",
      arguments: { prompt: "p" },
    });
    assert.match(String((result.content as JsonObject[])[0]?.text), /sampled over http/);
  });

  it("cancels a request", async () => {
    const [client] = await connect();
    const controller = new AbortController();
    const call = client.request(
      "tools/call",
      { name: "trigger-long-running-operation", arguments: { duration: 5, steps: 5 } },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(call, (e: unknown) => e instanceof JsonRpcError && e.code === LocalCode.Aborted);
    assert.deepEqual(await client.request("ping"), {});
  });

  it("falls back from server/discover to initialize", async () => {
    const [client] = await connect("2026-07-28");
    assert.equal(client.revision, "2025-11-25");
    assert.deepEqual(await client.request("ping"), {});
  });

  it("ends the session with DELETE on close", async () => {
    const [client, transport] = await connect();
    const session = transport.sessionId!;
    await client.close();
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-session-id": session,
        "mcp-protocol-version": "2025-11-25",
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
    });
    await response.body?.cancel();
    assert.notEqual(response.status, 200);
  });
});
