/**
 * Issue 20: an oversized message through `protomcp mcp --stdio` in front of a gateway is refused
 * before it is sent (-32602, naming the limit), and the face's HTTP/2 session to the gateway keeps
 * serving the calls after it. Should a session still be broken (nghttp2's ENHANCE_YOUR_CALM once
 * a session holds more unsent data than `maxSessionMemory`), the face opens a new one and the call
 * that found it broken goes through.
 */
import * as assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createClient } from "@connectrpc/connect";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { MessageStreamCodec } from "../../src/server/message-stream-codec.js";
import { createUpstreamTransport } from "../../src/server/upstream-transport.js";
import { type GatewayProcess, spawnGateway } from "./gateway-process.js";

const CLI = fileURLToPath(new URL("../../bin/protomcp.js", import.meta.url));
const everything = fileURLToPath(
  new URL("../../node_modules/@modelcontextprotocol/server-everything/dist/index.js", import.meta.url),
);
const BIG = 20_000_000;

interface Reply {
  id: number;
  result?: { tools?: unknown[]; content?: unknown[] };
  error?: { code: number; message: string; data?: { limit?: number } };
}

/** `protomcp mcp --stdio` as a child, spoken to in newline-delimited JSON-RPC. */
function startFace(upstream: string): {
  child: ChildProcess;
  request: (method: string, params: object) => Promise<Reply>;
} {
  const child = spawn(process.execPath, [CLI, "mcp", "--upstream", upstream, "--stdio"], {
    stdio: ["pipe", "pipe", "ignore"],
  });
  const waiting = new Map<number, (reply: Reply) => void>();
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let end = buffered.indexOf("\n"); end !== -1; end = buffered.indexOf("\n")) {
      const reply = JSON.parse(buffered.slice(0, end)) as Reply;
      buffered = buffered.slice(end + 1);
      waiting.get(reply.id)?.(reply);
    }
  });
  let id = 0;
  const request = (method: string, params: object): Promise<Reply> =>
    new Promise((resolve) => {
      const n = ++id;
      waiting.set(n, resolve);
      child.stdin!.write(`${JSON.stringify({ jsonrpc: "2.0", id: n, method, params })}\n`);
    });
  return { child, request };
}

describe("hardening: an oversized message does not break the MCP face's session (issue 20)", function () {
  this.timeout(60_000);
  let gateway: GatewayProcess;

  before(async () => {
    gateway = await spawnGateway(["--upstream", `stdio:${process.execPath} ${everything} stdio`]);
  });
  after(async () => {
    await gateway?.kill();
  });

  it("refuses a 20 MB string argument and a 20 MB key with -32602 naming the limit; the next calls answer", async () => {
    const face = startFace(gateway.url);
    try {
      const init = await face.request("initialize", {
        protocolVersion: "2025-11-25",
        capabilities: {},
        clientInfo: { name: "oversized", version: "1" },
      });
      assert.ok(init.result, JSON.stringify(init.error));
      face.child.stdin!.write(`${JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })}\n`);
      const big = "x".repeat(BIG);
      for (const args of [{ message: big }, { [big]: 1 }]) {
        const refused = await face.request("tools/call", { name: "echo", arguments: args });
        assert.equal(refused.error?.code, -32602, JSON.stringify(refused).slice(0, 300));
        assert.match(refused.error?.message ?? "", /larger than .*limit.* of 16777216 bytes/);
        for (let i = 0; i < 2; i++) {
          const list = await face.request("tools/list", {});
          assert.ok((list.result?.tools?.length ?? 0) > 0, JSON.stringify(list).slice(0, 300));
        }
      }
      const echo = await face.request("tools/call", { name: "echo", arguments: { message: "still here" } });
      assert.match(JSON.stringify(echo.result), /still here/);
    } finally {
      face.child.kill();
    }
  });

  it("replaces a session nghttp2 refuses streams on (ENHANCE_YOUR_CALM) and retries the refused call", async () => {
    // A limit above the gateway's and Node's default session memory: the 20 MB message is sent,
    // the gateway refuses it, and the session is left refusing every new stream.
    const transport = createUpstreamTransport({
      baseUrl: gateway.url,
      maxMessageBytes: 64 * 1024 * 1024,
      maxSessionMemory: 10,
    });
    const client = createClient(McpService, transport);
    assert.ok((await client.listTools({})).tools.length > 0);
    const codec = new MessageStreamCodec();
    async function* input() {
      yield codec.encode({
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: { name: "echo", arguments: { message: "x".repeat(BIG) } },
      });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    await assert.rejects(async () => {
      for await (const _ of client.exchange(input())) break;
    }, /readMaxBytes|ENHANCE_YOUR_CALM/);
    for (let i = 0; i < 3; i++) assert.ok((await client.listTools({})).tools.length > 0);
  });
});
