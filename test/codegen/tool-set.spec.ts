import * as assert from "node:assert/strict";
import { type InventoryServer, startInventoryServer } from "../../examples/inventory/server.js";
import { CodegenError } from "../../src/codegen/codegen-error.js";
import { createServiceTransport } from "../../src/codegen/tools/service-transport.js";
import { createToolSet, type ToolSet } from "../../src/codegen/tools/tool-set.js";
import { inventoryRegistry } from "./fixtures.js";
import { text } from "./mcp-results.js";

describe("createToolSet (in process, real server on loopback)", () => {
  let server: InventoryServer;
  let toolSet: ToolSet;
  before(async () => {
    server = await startInventoryServer({ token: "t" });
    toolSet = createToolSet(await inventoryRegistry(), {
      transport: createServiceTransport({ target: server.url, protocol: "connect" }),
      services: ["inventory.v1.InventoryService"],
      methods: ["GetItem", "InventoryService.WatchStock"],
      naming: "method",
      headers: { authorization: "Bearer wrong" },
    });
  });
  after(async () => {
    await server.close();
  });

  it("filters services and methods", () => {
    assert.deepEqual(
      toolSet.tools.map((t) => t.name),
      ["GetItem", "WatchStock"],
    );
  });

  it("lets per-call headers override the set's headers", async () => {
    const denied = await toolSet.call("GetItem", { sku: "HAM-001" });
    assert.match(text(denied), /^UNAUTHENTICATED/);
    const allowed = await toolSet.call(
      "GetItem",
      { sku: "HAM-001" },
      { headers: { authorization: "Bearer t" } },
    );
    assert.equal(allowed.isError, undefined, text(allowed));
  });

  it("reports each streamed message and enforces the deadline", async () => {
    const seen: number[] = [];
    const result = await toolSet.call(
      "WatchStock",
      { interval: "0.5s" },
      { headers: { authorization: "Bearer t" }, timeoutMs: 300, onMessage: (n) => seen.push(n) },
    );
    assert.equal(result.isError, true);
    assert.match(text(result), /^DEADLINE_EXCEEDED/);
    assert.deepEqual(seen, [1]);
  });

  it("cancels a call through its signal", async () => {
    const controller = new AbortController();
    const pending = toolSet.call(
      "WatchStock",
      { interval: "1s" },
      {
        headers: { authorization: "Bearer t" },
        signal: controller.signal,
        onMessage: () => controller.abort(),
      },
    );
    assert.match(text(await pending), /^CANCELED/);
  });

  it("throws a not_found CodegenError for an unknown tool", async () => {
    await assert.rejects(
      toolSet.call("Nope", {}),
      (e) => e instanceof CodegenError && e.code === "not_found",
    );
  });

  it("refuses two tools of the same name", async () => {
    const registry = await inventoryRegistry();
    const service = registry.getService("inventory.v1.InventoryService")!;
    const transport = createServiceTransport({ target: server.url });
    assert.throws(() => createToolSet([service, service], { transport }), /cannot name two tools/);
  });
});
