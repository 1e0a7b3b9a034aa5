import * as assert from "node:assert/strict";
import { create } from "@bufbuild/protobuf";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { EchoRequestSchema } from "../../examples/demo/gen/demo/v1/demo_pb.js";
import { ReadResourceRequestParamsSchema } from "../../gen/es/mcp/v1/resources_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import {
  createMcpServer,
  type HandlerContext,
  type JsonRecord,
  type Listening,
  type McpFace,
  serveMcpFace,
} from "../../src/server/index.js";

// W3C trace context across the MCP face: `_meta.traceparent`/`tracestate` of an MCP request also
// travel as gRPC metadata to the binary endpoint, and the typed server hands them to handlers.

const TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
const TRACESTATE = "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7";
const OTHER = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

/** What a handler saw: the trace context it was given, the RPC's headers and the `_meta`. */
function seen(context: HandlerContext): JsonRecord {
  return {
    traceparent: context.traceparent ?? null,
    tracestate: context.tracestate ?? null,
    header: context.headers.get("traceparent"),
    headerState: context.headers.get("tracestate"),
    meta: context.meta?.traceparent ?? null,
  };
}

describe("server: W3C trace context through the MCP face to the typed server", function () {
  this.timeout(20_000);
  let binary: Listening;
  let face: McpFace;

  before(async () => {
    const server = createMcpServer({ name: "traced", version: "1.0.0" });
    server.tool({
      name: "trace",
      input: EchoRequestSchema,
      handler: async (_, context) => ({
        content: [{ type: "text", text: "seen" }],
        structuredContent: seen(context),
      }),
    });
    server.resource({
      uri: "trace://seen",
      name: "seen",
      read: async (_, context) => JSON.stringify(seen(context)),
    });
    binary = await server.listen();
    face = await serveMcpFace({ upstream: binary.url, listen: {} });
  });

  after(async () => {
    await face.close();
    await binary.close();
  });

  async function connect(headers: Record<string, string> = {}): Promise<Client> {
    const client = new Client({ name: "test", version: "1.0.0" });
    const url = new URL(face.url ?? "");
    await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
    return client;
  }

  it("sends _meta's traceparent and tracestate as RPC headers on tools/call and keeps the _meta", async () => {
    const client = await connect();
    try {
      const result = await client.callTool({
        name: "trace",
        arguments: {},
        _meta: { traceparent: TRACEPARENT, tracestate: TRACESTATE },
      });
      assert.deepEqual(result.structuredContent, {
        traceparent: TRACEPARENT,
        tracestate: TRACESTATE,
        header: TRACEPARENT,
        headerState: TRACESTATE,
        meta: TRACEPARENT,
      });
      const untraced = await client.callTool({ name: "trace", arguments: {} });
      assert.deepEqual(untraced.structuredContent, {
        traceparent: null,
        tracestate: null,
        header: null,
        headerState: null,
        meta: null,
      });
    } finally {
      await client.close();
    }
  });

  it("does the same on the unary RPCs (resources/read)", async () => {
    const client = await connect();
    try {
      const read = await client.readResource({ uri: "trace://seen", _meta: { traceparent: TRACEPARENT } });
      assert.deepEqual(JSON.parse(String((read.contents[0] as { text?: string }).text)), {
        traceparent: TRACEPARENT,
        tracestate: null,
        header: TRACEPARENT,
        headerState: null,
        meta: TRACEPARENT,
      });
    } finally {
      await client.close();
    }
  });

  it("falls back to the HTTP request's traceparent header; _meta wins over it", async () => {
    const client = await connect({ traceparent: OTHER });
    try {
      const fromHttp = await client.callTool({ name: "trace", arguments: {} });
      assert.deepEqual(fromHttp.structuredContent, {
        traceparent: OTHER,
        tracestate: null,
        header: OTHER,
        headerState: null,
        meta: null,
      });
      const fromMeta = await client.callTool({
        name: "trace",
        arguments: {},
        _meta: { traceparent: TRACEPARENT },
      });
      assert.equal((fromMeta.structuredContent as { header: string }).header, TRACEPARENT);
    } finally {
      await client.close();
    }
  });

  it("gives handlers the trace context of a gRPC caller's headers, and ignores an invalid one", async () => {
    const client = createClient(McpService, createGrpcTransport({ baseUrl: binary.url }));
    const request = create(ReadResourceRequestParamsSchema, { uri: "trace://seen" });
    const read = await client.readResource(request, { headers: { traceparent: OTHER, tracestate: "a=b" } });
    const text =
      read.contents[0]?.value.case === "textResourceContents" ? read.contents[0].value.value.text : "";
    assert.deepEqual(JSON.parse(text ?? ""), {
      traceparent: OTHER,
      tracestate: "a=b",
      header: OTHER,
      headerState: "a=b",
      meta: null,
    });
    const invalid = await client.readResource(request, { headers: { traceparent: "00-0-0-01" } });
    const invalidText =
      invalid.contents[0]?.value.case === "textResourceContents" ? invalid.contents[0].value.value.text : "";
    assert.equal(JSON.parse(invalidText ?? "").traceparent, null);
  });
});
