import * as assert from "node:assert/strict";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { InventoryServiceTools } from "../../examples/inventory/gen/inventory/v1/inventory_mcp.js";
import { type InventoryServer, startInventoryServer } from "../../examples/inventory/server.js";
import { type ServedTools, serveTools } from "../../src/codegen/serve/index.js";
import { createServiceTransport } from "../../src/codegen/tools/service-transport.js";
import { createToolSet } from "../../src/codegen/tools/tool-set.js";
import { toolDefinition } from "../../src/codegen/tools/tool-definition.js";
import { inventoryRegistry } from "./fixtures.js";
import { type CallResult, text } from "./mcp-results.js";

describe("protoc-gen-mcp output served with serveTools (SDK client over Streamable HTTP)", () => {
  let server: InventoryServer;
  let served: ServedTools;
  let client: Client;
  before(async () => {
    server = await startInventoryServer();
    const toolSet = createToolSet(InventoryServiceTools, {
      transport: createServiceTransport({ target: server.url, protocol: "connect" }),
      timeoutMs: 5000,
    });
    served = await serveTools(toolSet, { listen: "127.0.0.1:0" });
    client = new Client({ name: "test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(served.url!)));
  });
  after(async () => {
    await client.close();
    await served.close();
    await server.close();
  });

  it("embeds the same definitions the runtime builds from compiled protos", async () => {
    const service = (await inventoryRegistry()).getService("inventory.v1.InventoryService")!;
    const runtime = service.methods.map((m) => ({ method: m.name, ...toolDefinition(m) }));
    assert.deepEqual(JSON.parse(JSON.stringify(InventoryServiceTools.tools)), runtime);
  });

  it("lists the generated tools with descriptions from proto comments", async () => {
    const { tools } = await client.listTools();
    assert.equal(tools.length, 6);
    const watch = tools.find((t) => t.name === "inventory_v1_InventoryService_WatchStock");
    assert.match(String(watch?.description), /^Streams the current stock level/);
    assert.equal(watch?.outputSchema?.type, "object");
  });

  it("creates an item and reads it back", async () => {
    const created = (await client.callTool({
      name: "inventory_v1_InventoryService_CreateItem",
      arguments: {
        item: {
          sku: "TEA-1",
          name: "Green tea",
          category: "CATEGORY_GROCERY",
          quantity: "12",
          price: { currencyCode: "EUR", units: "4", nanos: 500000000 },
          attributes: { origin: "Japan" },
          thumbnail: "aGVsbG8=",
        },
      },
    })) as CallResult;
    assert.equal(created.isError, undefined, text(created));
    const got = (await client.callTool({
      name: "inventory_v1_InventoryService_GetItem",
      arguments: { sku: "TEA-1" },
    })) as CallResult;
    const item = (got.structuredContent as { item: Record<string, unknown> }).item;
    assert.equal(item.category, "CATEGORY_GROCERY");
    assert.deepEqual(item.attributes, { origin: "Japan" });
    assert.equal(item.thumbnail, "aGVsbG8=");
    assert.match(String(item.updateTime), /^\d{4}-\d{2}-\d{2}T/);
  });

  it("updates through a field mask and reports a second create as ALREADY_EXISTS", async () => {
    const updated = (await client.callTool({
      name: "inventory_v1_InventoryService_UpdateItem",
      arguments: { item: { sku: "HAM-001", name: "Framing hammer" }, updateMask: "name" },
    })) as CallResult;
    assert.equal((updated.structuredContent as { item: { name: string } }).item.name, "Framing hammer");
    const again = (await client.callTool({
      name: "inventory_v1_InventoryService_CreateItem",
      arguments: { item: { sku: "HAM-001" } },
    })) as CallResult;
    assert.equal(again.isError, true);
    assert.equal(text(again), 'ALREADY_EXISTS: item "HAM-001" already exists');
  });

  it("answers an unknown tool with a protocol error", async () => {
    // MCP's spec: an unknown tool is a protocol error, -32602 (Invalid params), not a tool result.
    await assert.rejects(client.callTool({ name: "nope", arguments: {} }), (error: unknown) => {
      assert.ok(error instanceof McpError);
      assert.equal(error.code, ErrorCode.InvalidParams);
      assert.match(error.message, /unknown tool 'nope'/);
      return true;
    });
  });
});
