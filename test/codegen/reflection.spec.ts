import * as assert from "node:assert/strict";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { type InventoryServer, startInventoryServer } from "../../examples/inventory/server.js";
import { reflectRegistry } from "../../src/codegen/reflection/reflect-registry.js";
import { root } from "./fixtures.js";
import { type CallResult, text } from "./mcp-results.js";

describe("gRPC server reflection", () => {
  let server: InventoryServer;
  before(async () => {
    server = await startInventoryServer();
  });
  after(async () => {
    await server.close();
  });

  it("loads the services and their imports", async () => {
    const registry = await reflectRegistry({ target: server.url });
    const service = registry.getService("inventory.v1.InventoryService");
    assert.ok(service);
    assert.equal(service.methods.length, 6);
    assert.ok(registry.getFile("google/protobuf/timestamp.proto"));
    assert.equal(registry.getService("grpc.reflection.v1.ServerReflection"), undefined);
  });

  it("fails with a reflection error when the server has none", async () => {
    const bare = await startInventoryServer({ reflection: false });
    try {
      await assert.rejects(reflectRegistry({ target: bare.url }), /cannot load services of .* by reflection/);
    } finally {
      await bare.close();
    }
  });

  it("serves tools without --proto through protomcp tools", async () => {
    const client = new Client({ name: "test", version: "1.0.0" });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [`${root}bin/protomcp.js`, "tools", "--target", server.url, "--naming", "method", "--stdio"],
        cwd: root,
        stderr: "pipe",
      }),
    );
    try {
      const { tools } = await client.listTools();
      assert.deepEqual(
        tools.map((t) => t.name),
        ["GetItem", "ListItems", "CreateItem", "UpdateItem", "AdjustStock", "WatchStock"],
      );
      const result = (await client.callTool({
        name: "GetItem",
        arguments: { sku: "KIT-007" },
      })) as CallResult;
      assert.equal(result.isError, undefined, text(result));
      assert.equal((result.structuredContent as { item: { name: string } }).item.name, "Starter tool kit");
    } finally {
      await client.close();
    }
  });
});
