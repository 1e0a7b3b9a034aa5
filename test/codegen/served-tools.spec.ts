import * as assert from "node:assert/strict";
import { create } from "@bufbuild/protobuf";
import { createClient, createRouterTransport } from "@connectrpc/connect";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { CallToolRequestParamsSchema } from "../../gen/es/mcp/v1/tools_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { InventoryServiceTools } from "../../examples/inventory/gen/inventory/v1/inventory_mcp.js";
import { GetItemRequestSchema } from "../../examples/inventory/gen/inventory/v1/inventory_pb.js";
import { type InventoryServer, startInventoryServer } from "../../examples/inventory/server.js";
import { addToolSet, type ServedTools, serveTools } from "../../src/codegen/serve/index.js";
import { createServiceTransport } from "../../src/codegen/tools/service-transport.js";
import { createToolSet, type ToolSet } from "../../src/codegen/tools/tool-set.js";
import { createMcpServer } from "../../src/server/index.js";
import { type CallResult, text } from "./mcp-results.js";

const STATELESS = "2026-07-28";
const getItem = "inventory_v1_InventoryService_GetItem";

/** A raw Streamable HTTP POST of one request, as a 2026-07-28 (stateless) client sends it. */
function statelessPost(url: string, method: string, params: object, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": STATELESS,
      "mcp-method": method,
      ...("name" in params && typeof params.name === "string" ? { "mcp-name": params.name } : {}),
      ...headers,
    },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method,
      params: {
        ...params,
        _meta: {
          "io.modelcontextprotocol/protocolVersion": STATELESS,
          "io.modelcontextprotocol/clientCapabilities": {},
          "io.modelcontextprotocol/clientInfo": { name: "raw", version: "1" },
        },
      },
    }),
  });
}

describe("codegen/serve: RPC tools served through protomcp's MCP face", () => {
  let inventory: InventoryServer;
  let toolSet: ToolSet;
  before(async () => {
    inventory = await startInventoryServer({ token: "svc" });
    toolSet = createToolSet(InventoryServiceTools, {
      transport: createServiceTransport({ target: inventory.url, protocol: "grpc" }),
      timeoutMs: 5000,
    });
  });
  after(() => inventory.close());

  describe("the face's own features apply", () => {
    let served: ServedTools;
    let open: ServedTools;
    before(async () => {
      open = await serveTools(toolSet, { listen: "127.0.0.1:0", forwardHeaders: ["authorization"] });
      served = await serveTools(toolSet, {
        listen: "127.0.0.1:0",
        forwardHeaders: ["authorization"],
        auth: {
          credentials: [
            { identity: "alice", token: "key-a" },
            { identity: "bob", token: "key-b" },
          ],
          rules: [{ identity: "bob", deny: ["*AdjustStock", "*CreateItem"] }],
        },
      });
    });
    after(async () => {
      await served.close();
      await open.close();
    });

    it("calls a tool statelessly (2026-07-28) with resultType, forwarding authorization", async () => {
      const response = await statelessPost(
        open.url!,
        "tools/call",
        { name: getItem, arguments: { sku: "HAM-001" } },
        { authorization: "Bearer svc" },
      );
      assert.equal(response.status, 200);
      const body = await response.text();
      assert.match(body, /"resultType":"complete"/);
      assert.match(body, /"name":"Claw hammer"/);
    });

    it("answers server/discover (2026-07-28) with the tools capability", async () => {
      const response = await statelessPost(served.url!, "server/discover", {}, { "x-api-key": "key-a" });
      const body = (await response.json()) as { result: { capabilities: Record<string, unknown> } };
      assert.ok(body.result.capabilities.tools);
    });

    it("refuses a client without a token (401) and a tool the rules deny (403)", async () => {
      const anonymous = await statelessPost(served.url!, "tools/list", {});
      assert.equal(anonymous.status, 401);
      const denied = await statelessPost(
        served.url!,
        "tools/call",
        { name: "inventory_v1_InventoryService_AdjustStock", arguments: { sku: "HAM-001", delta: 1 } },
        { "x-api-key": "key-b" },
      );
      assert.equal(denied.status, 403);
      assert.match(await denied.text(), /may not call tool 'inventory_v1_InventoryService_AdjustStock'/);
    });

    it("refuses a foreign Origin (DNS rebinding protection)", async () => {
      const response = await statelessPost(
        served.url!,
        "tools/list",
        {},
        { "x-api-key": "key-a", origin: "http://evil.example" },
      );
      assert.equal(response.status, 403);
    });

    it("serves the SDK client over the stateful revision, without the service's token failing the call", async () => {
      const client = new Client({ name: "test", version: "1.0.0" });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(served.url!), {
          requestInit: { headers: { "x-api-key": "key-b" } },
        }),
      );
      try {
        // bob's rules deny AdjustStock and CreateItem: the list leaves them out.
        const { tools } = await client.listTools();
        assert.deepEqual(
          tools.map((t) => t.name.replace("inventory_v1_InventoryService_", "")),
          ["GetItem", "ListItems", "UpdateItem", "WatchStock"],
        );
        const result = (await client.callTool({
          name: getItem,
          arguments: { sku: "HAM-001" },
        })) as CallResult;
        assert.equal(result.isError, true);
        assert.match(text(result), /^UNAUTHENTICATED: /);
      } finally {
        await client.close();
      }
    });
  });

  describe("addToolSet on a typed server", () => {
    it("serves RPC tools beside a hand-written tool over mcp.v1.McpService, with listed schemas", async () => {
      const server = createMcpServer({ name: "mixed", version: "1.0.0" });
      server.tool({
        name: "hello",
        input: GetItemRequestSchema,
        handler: async ({ sku }) => ({ content: [{ type: "text", text: `hello ${sku}` }] }),
      });
      addToolSet(server, toolSet, { forwardHeaders: ["authorization"] });
      const client = createClient(McpService, createRouterTransport(server.routes()));
      const { tools } = await client.listTools({});
      assert.equal(tools.length, 7);
      const listed = tools.find((t) => t.name === getItem);
      const defined = InventoryServiceTools.tools.find((t) => t.method === "GetItem")!;
      assert.equal(listed?.description, defined.description);
      // The schemas built from descriptors, not those of the Struct the arguments are parsed into.
      assert.deepEqual(JSON.parse(listed?.inputSchema ?? "null"), defined.inputSchema);
      assert.deepEqual(JSON.parse(listed?.outputSchema ?? "null"), defined.outputSchema);
      assert.deepEqual(listed?.annotations?.readOnlyHint, true);
      const result = await client.callTool(
        create(CallToolRequestParamsSchema, { name: getItem, arguments: JSON.stringify({ sku: "KIT-007" }) }),
        { headers: { authorization: "Bearer svc" } },
      );
      assert.notEqual(result.isError, true, JSON.stringify(result.content));
      assert.equal(JSON.parse(result.structuredContent ?? "{}").item.sku, "KIT-007");
    });
  });
});
