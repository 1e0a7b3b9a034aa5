import * as assert from "node:assert/strict";
import { create } from "@bufbuild/protobuf";
import { type Client, Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { CallToolRequestParamsSchema } from "../../gen/es/mcp/v1/tools_pb.js";
import { JSONRPCRequestSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { createDemoServer } from "../../examples/demo/server.js";
import type { Listening } from "../../src/server/index.js";
import { messageFromValue, valueFromMessage } from "../../src/server/codec.js";
import { JSONRPCMessageSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";

describe("server: typed server over gRPC", () => {
  let listening: Listening;
  let client: Client<typeof McpService>;

  before(async () => {
    listening = await createDemoServer().listen();
    client = createClient(McpService, createGrpcTransport({ baseUrl: listening.url }));
  });

  after(async () => {
    await listening.close();
  });

  it("lists tools with schemas generated from their messages", async () => {
    const result = await client.listTools({});
    const names = result.tools.map((t) => t.name);
    assert.deepEqual(names, ["echo", "add", "now", "count", "swatch", "primes"]);
    const add = result.tools[1];
    const schema = JSON.parse(add?.inputSchema ?? "{}");
    assert.equal(schema.type, "object");
    assert.deepEqual(Object.keys(schema.properties), ["a", "b"]);
    assert.ok(add?.outputSchema);
  });

  it("calls a tool with typed arguments and returns structured content", async () => {
    const result = await client.callTool(
      create(CallToolRequestParamsSchema, { name: "add", arguments: JSON.stringify({ a: 2, b: 40 }) }),
    );
    assert.deepEqual(JSON.parse(result.structuredContent ?? "null"), { sum: 42 });
    assert.notEqual(result.isError, true);
  });

  it("refuses an unknown tool and bad arguments with InvalidArgument", async () => {
    await assert.rejects(
      client.callTool(create(CallToolRequestParamsSchema, { name: "nope", arguments: "{}" })),
      (e: unknown) =>
        e instanceof ConnectError && e.code === Code.InvalidArgument && /unknown tool/.test(e.message),
    );
    await assert.rejects(
      client.callTool(create(CallToolRequestParamsSchema, { name: "add", arguments: '{"a":"x"}' })),
      (e: unknown) => e instanceof ConnectError && e.code === Code.InvalidArgument,
    );
  });

  it("streams progress and logs on Call, then the response", async () => {
    const request = messageFromValue(JSONRPCRequestSchema, "JSONRPCRequest", {
      jsonrpc: "2.0",
      id: 7,
      method: "tools/call",
      params: { name: "count", arguments: { steps: 2 }, _meta: { progressToken: "p" } },
    });
    const seen: Record<string, unknown>[] = [];
    for await (const message of client.call(request)) {
      seen.push(valueFromMessage(JSONRPCMessageSchema, "JSONRPCMessage", message));
    }
    const methods = seen.map((m) => m.method ?? "response");
    assert.deepEqual(methods, [
      "notifications/message",
      "notifications/progress",
      "notifications/message",
      "notifications/progress",
      "response",
    ]);
    assert.deepEqual(seen[4], {
      jsonrpc: "2.0",
      id: 7,
      result: { content: [{ type: "text", text: "counted to 2" }] },
    });
  });
});
