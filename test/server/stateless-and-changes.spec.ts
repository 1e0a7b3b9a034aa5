import * as assert from "node:assert/strict";
import { create } from "@bufbuild/protobuf";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { SubscriptionsListenRequestParamsSchema } from "../../gen/es/mcp/v1/subscriptions_pb.js";
import { createDemoServer } from "../../examples/demo/server.js";
import { type Listening, type McpFace, type McpServer, serveMcpFace } from "../../src/server/index.js";

describe("server: stateless MCP and list changes", function () {
  this.timeout(10_000);
  let server: McpServer;
  let binary: Listening;
  let face: McpFace;

  before(async () => {
    server = createDemoServer();
    binary = await server.listen();
    face = await serveMcpFace({ upstream: binary.url, listen: {} });
  });

  after(async () => {
    await face.close();
    await binary.close();
  });

  function post(method: string, params: Record<string, unknown>): Promise<Response> {
    return fetch(face.url ?? "", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-protocol-version": "2026-07-28",
        "mcp-method": method,
        ...(typeof params.name === "string" ? { "mcp-name": params.name } : {}),
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method,
        params: {
          ...params,
          _meta: {
            "io.modelcontextprotocol/protocolVersion": "2026-07-28",
            "io.modelcontextprotocol/clientCapabilities": {},
            "io.modelcontextprotocol/clientInfo": { name: "raw", version: "1" },
          },
        },
      }),
    });
  }

  it("answers server/discover (2026-07-28) from the upstream's Discover RPC", async () => {
    const response = await post("server/discover", {});
    assert.equal(response.status, 200);
    const body = (await response.json()) as { result: Record<string, unknown> };
    assert.equal(body.result.resultType, "complete");
    assert.ok((body.result.supportedVersions as string[]).includes("2026-07-28"));
    assert.deepEqual((body.result._meta as Record<string, unknown>)["io.modelcontextprotocol/serverInfo"], {
      name: "protomcp-demo",
      version: "0.1.0",
    });
  });

  it("calls a tool statelessly", async () => {
    const response = await post("tools/call", { name: "add", arguments: { a: 2, b: 3 } });
    const text = await response.text();
    assert.match(text, /"structuredContent":\{"sum":5\}/);
    assert.match(text, /"resultType":"complete"/);
  });

  it("announces removeTool on SubscriptionsListen and drops the tool", async () => {
    const client = createClient(McpService, createGrpcTransport({ baseUrl: binary.url }));
    const abort = new AbortController();
    const stream = client.subscriptionsListen(create(SubscriptionsListenRequestParamsSchema), {
      signal: abort.signal,
    });
    const iterator = stream[Symbol.asyncIterator]();
    const first = iterator.next();
    // The stream is open once the server has the request; give it a moment before changing.
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(server.removeTool("now"), true);
    const { value } = await first;
    assert.equal(value?.method, "notifications/tools/list_changed");
    abort.abort();
    await iterator.return?.();
    const { tools } = await client.listTools({});
    assert.ok(!tools.some((t) => t.name === "now"));
  });
});
