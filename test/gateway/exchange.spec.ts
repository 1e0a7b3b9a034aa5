/**
 * `McpService/Exchange` on the gateway, spoken directly by a binary (gRPC) client: the upstream's
 * sampling request arrives on the stream while the tool runs, the client's answer goes back up,
 * and the tool's result ends the stream. Also what a caller without a stream gets.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { connect } from "node:http2";
import type { AddressInfo } from "node:net";
import { Code, createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { CreateMessageResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { type JSONRPCMessage, JSONRPCMessageSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { JsonRpcTranscoder } from "../../src/transcode/index.js";

const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");

type Json = Record<string, unknown>;

/** The caller's half of one stream: what it sends, in order, as it decides to send it. */
class Outbox implements AsyncIterable<JSONRPCMessage> {
  private readonly items: JSONRPCMessage[] = [];
  private wake: (() => void) | undefined;
  private done = false;
  push(message: JSONRPCMessage): void {
    this.items.push(message);
    this.wake?.();
  }
  end(): void {
    this.done = true;
    this.wake?.();
  }
  async *[Symbol.asyncIterator]() {
    for (;;) {
      const next = this.items.shift();
      if (next !== undefined) yield next;
      else if (this.done) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

describe("gateway Exchange: a binary client answers the upstream's requests on the stream", function () {
  this.timeout(30_000);
  let gateway: Gateway;

  before(async () => {
    gateway = await startGateway({
      upstreams: new Map([["everything", { command: process.execPath, args: [everything, "stdio"] }]]),
      logger: createLogger({ level: "error" }),
    });
  });
  after(() => gateway?.close());

  it("delivers sampling/createMessage, takes the answer, and ends with the tool's result", async () => {
    const client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
    const transcoder = new JsonRpcTranscoder({ revision: "2025-11-25", requireFields: false });
    const encode = (json: Json) =>
      fromBinary(JSONRPCMessageSchema, transcoder.toBinary(JSON.stringify({ jsonrpc: "2.0", ...json })));
    const decode = (message: JSONRPCMessage) =>
      JSON.parse(Buffer.from(transcoder.toJson(toBinary(JSONRPCMessageSchema, message))).toString()) as Json;
    const outbox = new Outbox();
    outbox.push(
      encode({
        id: 7,
        method: "tools/call",
        params: { name: "trigger-sampling-request", arguments: { prompt: "binary hello", maxTokens: 5 } },
      }),
    );
    const seen: Json[] = [];
    for await (const message of client.exchange(outbox)) {
      const json = decode(message);
      seen.push(json);
      if (json.method === "sampling/createMessage") {
        outbox.push(
          encode({
            id: json.id,
            result: {
              role: "assistant",
              content: { type: "text", text: "from the binary side" },
              model: "grpc-model",
            },
          }),
        );
      } else if (json.method === "roots/list") {
        // server-everything asks for roots when it first gets the chance; a client answers.
        outbox.push(encode({ id: json.id, result: { roots: [] } }));
      }
    }
    outbox.end();
    const order = seen.map((m) => m.method ?? `response ${String(m.id)}`).filter((m) => m !== "roots/list");
    assert.deepEqual(order, ["sampling/createMessage", "response 7"]);
    const sampling = seen.find((m) => m.method === "sampling/createMessage")!;
    const request = sampling.params as { messages: Array<{ content: { text: string } }>; maxTokens: number };
    assert.equal(request.maxTokens, 5);
    assert.match(request.messages[0]!.content.text, /binary hello/);
    const result = seen.at(-1)!.result as { content: Array<{ text: string }> };
    assert.match(result.content[0]!.text, /from the binary side/);
    assert.match(result.content[0]!.text, /grpc-model/);
  });

  it("cancels the upstream request when the caller sends notifications/cancelled", async () => {
    const client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
    const transcoder = new JsonRpcTranscoder({ revision: "2025-11-25", requireFields: false });
    const encode = (json: Json) =>
      fromBinary(JSONRPCMessageSchema, transcoder.toBinary(JSON.stringify({ jsonrpc: "2.0", ...json })));
    const outbox = new Outbox();
    outbox.push(
      encode({
        id: 8,
        method: "tools/call",
        params: { name: "trigger-long-running-operation", arguments: { duration: 10, steps: 10 } },
      }),
    );
    const started = performance.now();
    const cancel = setTimeout(
      () => outbox.push(encode({ method: "notifications/cancelled", params: { requestId: 8 } })),
      500,
    );
    let last: Json | undefined;
    try {
      for await (const message of client.exchange(outbox)) {
        last = JSON.parse(
          Buffer.from(transcoder.toJson(toBinary(JSONRPCMessageSchema, message))).toString(),
        ) as Json;
      }
    } finally {
      clearTimeout(cancel);
      outbox.end();
    }
    assert.ok(performance.now() - started < 5_000, "ended long before the tool would have");
    assert.equal(last?.id, 8);
    assert.ok(last?.error !== undefined, JSON.stringify(last));
  });

  it("refuses a stream whose first message is not a request", async () => {
    const client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
    const transcoder = new JsonRpcTranscoder({ revision: "2025-11-25", requireFields: false });
    const outbox = new Outbox();
    outbox.push(
      fromBinary(
        JSONRPCMessageSchema,
        transcoder.toBinary(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })),
      ),
    );
    outbox.end();
    await assert.rejects(async () => {
      for await (const _ of client.exchange(outbox));
    }, /first message must be a request/);
  });

  it("answers an unparseable first message with invalid_argument", async () => {
    const session = connect(gateway.url);
    try {
      const garbage = Buffer.from("\xff\xff\xff garbage", "latin1");
      const frame = Buffer.alloc(5 + garbage.length);
      frame.writeUInt32BE(garbage.length, 1);
      garbage.copy(frame, 5);
      const stream = session.request({
        ":method": "POST",
        ":path": "/mcp.v1.McpService/Exchange",
        "content-type": "application/grpc",
        te: "trailers",
      });
      const status = new Promise<string>((resolve) => {
        stream.on("trailers", (trailers) => resolve(String(trailers["grpc-status"])));
        stream.on("response", (headers) => {
          if (headers["grpc-status"] !== undefined) resolve(String(headers["grpc-status"]));
        });
      });
      stream.end(frame);
      stream.resume();
      assert.equal(await status, String(Code.InvalidArgument));
    } finally {
      session.close();
    }
  });

  it("tells a unary caller that nobody can answer the upstream's request", async () => {
    const client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
    const outcome = await client
      .callTool({
        name: "trigger-sampling-request",
        arguments: JSON.stringify({ prompt: "x", maxTokens: 5 }),
      })
      .then(
        (result) => JSON.stringify(result.content),
        (error: unknown) => String(error),
      );
    assert.match(outcome, /no binary caller is on an McpService\/Exchange stream/);
  });

  it("tells the caller when the upstream gives up on its request (notifications/cancelled)", async () => {
    const impatient = await startImpatientServer();
    const own = await startGateway({
      upstreams: new Map([["impatient", { url: impatient.url }]]),
      logger: createLogger({ level: "error" }),
    });
    try {
      const client = createClient(McpService, createGrpcTransport({ baseUrl: own.url }));
      const transcoder = new JsonRpcTranscoder({ revision: "2025-11-25", requireFields: false });
      const outbox = new Outbox();
      outbox.push(
        fromBinary(
          JSONRPCMessageSchema,
          transcoder.toBinary(
            JSON.stringify({
              jsonrpc: "2.0",
              id: 9,
              method: "tools/call",
              params: { name: "ask", arguments: {} },
            }),
          ),
        ),
      );
      const seen: Json[] = [];
      // The caller never answers the sampling request.
      for await (const message of client.exchange(outbox))
        seen.push(
          JSON.parse(
            Buffer.from(transcoder.toJson(toBinary(JSONRPCMessageSchema, message))).toString(),
          ) as Json,
        );
      outbox.end();
      const asked = seen.find((m) => m.method === "sampling/createMessage");
      assert.ok(asked !== undefined, JSON.stringify(seen));
      const cancelled = seen.find((m) => m.method === "notifications/cancelled");
      assert.deepEqual((cancelled?.params as Json | undefined)?.requestId, asked.id);
      const last = seen.at(-1)!;
      assert.equal(last.id, 9);
      assert.match(JSON.stringify(last), /timed out/i);
    } finally {
      await own.close();
      await impatient.close();
    }
  });
});

/** A Streamable HTTP server (official SDK) whose `ask` tool waits 300 ms for a sampling answer. */
async function startImpatientServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const http = createServer(async (req, res) => {
    const id = req.headers["mcp-session-id"];
    const known = typeof id === "string" ? sessions.get(id) : undefined;
    if (known !== undefined) return known.handleRequest(req, res);
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sid): void => {
        sessions.set(sid, transport);
      },
    });
    const server = new McpServer({ name: "impatient", version: "1.0.0" });
    server.registerTool("ask", { description: "Asks its client, briefly." }, async (extra) => {
      try {
        await extra.sendRequest(
          {
            method: "sampling/createMessage",
            params: { messages: [{ role: "user", content: { type: "text", text: "?" } }], maxTokens: 1 },
          },
          CreateMessageResultSchema,
          { timeout: 300 },
        );
        return { content: [{ type: "text", text: "answered" }] };
      } catch (error) {
        return { content: [{ type: "text", text: String(error) }], isError: true };
      }
    });
    await server.connect(transport);
    await transport.handleRequest(req, res);
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`,
    close: async () => {
      for (const transport of sessions.values()) await transport.close();
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}
