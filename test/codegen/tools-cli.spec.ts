import * as assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type InventoryServer, startInventoryServer } from "../../examples/inventory/server.js";
import { progressOnTheWire } from "../helpers/progress-on-the-wire.js";
import { inventoryDir, root } from "./fixtures.js";
import { type CallResult, text } from "./mcp-results.js";

const bin = `${root}bin/protomcp.js`;
const tool = (method: string) => `inventory_v1_InventoryService_${method}`;

describe("protomcp tools (SDK client over stdio)", () => {
  let server: InventoryServer;
  let client: Client;
  let progressFor: (token: string | number) => number[];
  before(async () => {
    server = await startInventoryServer({ token: "s3cret" });
    client = new Client({ name: "test", version: "1.0.0" });
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [
        bin,
        "tools",
        "--proto",
        `${inventoryDir}proto`,
        "--target",
        server.url,
        "--protocol",
        "grpc",
        "--header",
        "authorization: Bearer s3cret",
        "--stdio",
      ],
      cwd: root,
      stderr: "pipe",
    });
    await client.connect(transport);
    progressFor = progressOnTheWire(transport);
  });
  after(async () => {
    await client.close();
    await server.close();
  });

  it("lists one tool per unary and server-streaming RPC, with comments and hints", async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(
      tools.map((t) => t.name),
      ["GetItem", "ListItems", "CreateItem", "UpdateItem", "AdjustStock", "WatchStock"].map(tool),
    );
    const getItem = tools[0]!;
    assert.equal(getItem.description, "Looks up one item by its SKU.");
    assert.equal(getItem.annotations?.readOnlyHint, true);
    assert.equal(tools[3]!.annotations?.idempotentHint, true);
    assert.equal(getItem.inputSchema.type, "object");
  });

  it("calls a unary method and returns structured content", async () => {
    const result = (await client.callTool({
      name: tool("GetItem"),
      arguments: { sku: "HAM-001" },
    })) as CallResult;
    assert.equal(result.isError, undefined);
    const item = (result.structuredContent as { item: Record<string, unknown> }).item;
    assert.equal(item.name, "Claw hammer");
    assert.equal(item.quantity, "42");
    assert.equal(item.category, "CATEGORY_HARDWARE");
    assert.equal(item.updateTime, "2023-11-14T22:13:20Z");
    assert.deepEqual(JSON.parse(text(result)), result.structuredContent);
  });

  it("converts a oneof member and a map, and returns the new state", async () => {
    const result = (await client.callTool({
      name: tool("AdjustStock"),
      arguments: { sku: "BOOK-042", delta: 3, reason: "delivery", shelfCounts: { "4": "10" } },
    })) as CallResult;
    assert.equal(result.isError, undefined, text(result));
    assert.deepEqual(result.structuredContent, {
      item: (result.structuredContent as { item: object }).item,
      previousQuantity: "7",
    });
    assert.equal((result.structuredContent as { item: { quantity: string } }).item.quantity, "10");
  });

  it("returns a gRPC error as an isError result with code and message", async () => {
    const result = (await client.callTool({
      name: tool("GetItem"),
      arguments: { sku: "NOPE" },
    })) as CallResult;
    assert.equal(result.isError, true);
    assert.equal(text(result), 'NOT_FOUND: item "NOPE" not found');
  });

  it("rejects invalid arguments before calling, listing each problem", async () => {
    const result = (await client.callTool({
      name: tool("ListItems"),
      arguments: { category: "TOYS", pageSize: "many", colour: "red" },
    })) as CallResult;
    assert.equal(result.isError, true);
    const message = text(result);
    assert.match(message, /invalid arguments/);
    assert.match(message, /unknown property "colour"/);
    assert.match(message, /category: must be one of/);
    assert.match(message, /pageSize: must be integer/);
  });

  it("reports a oneof set twice as the service's JSON decoder does", async () => {
    const result = (await client.callTool({
      name: tool("AdjustStock"),
      arguments: { sku: "HAM-001", delta: "1", setTo: "2" },
    })) as CallResult;
    assert.equal(result.isError, true);
    assert.match(text(result), /oneof/);
  });

  it("collects all messages of a server stream and reports progress per message", async () => {
    const result = (await client.callTool({
      name: tool("WatchStock"),
      arguments: { interval: "0.01s" },
      _meta: { progressToken: "watch" },
    })) as CallResult;
    assert.equal(result.isError, undefined, text(result));
    const messages = (result.structuredContent as { messages: { sku: string }[] }).messages;
    assert.deepEqual(
      messages.map((m) => m.sku),
      ["BOOK-042", "HAM-001", "KIT-007"],
    );
    assert.deepEqual(progressFor("watch"), [1, 2, 3]);
  });

  it("fails a call without the configured header", async () => {
    const other = new Client({ name: "test", version: "1.0.0" });
    await other.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [
          bin,
          "tools",
          "--proto",
          `${inventoryDir}proto/inventory/v1/inventory.proto`,
          "--target",
          server.url,
          "--protocol",
          "connect",
          "--method",
          "GetItem",
          "--stdio",
        ],
        cwd: root,
        stderr: "pipe",
      }),
    );
    try {
      const { tools } = await other.listTools();
      assert.deepEqual(
        tools.map((t) => t.name),
        [tool("GetItem")],
      );
      const result = (await other.callTool({
        name: tool("GetItem"),
        arguments: { sku: "HAM-001" },
      })) as CallResult;
      assert.equal(result.isError, true);
      assert.match(text(result), /^UNAUTHENTICATED: /);
    } finally {
      await other.close();
    }
  });
});

describe("protomcp tools (SDK client over Streamable HTTP)", () => {
  let server: InventoryServer;
  let child: ChildProcess;
  let url: string;
  let dir: string;
  before(async () => {
    server = await startInventoryServer({ token: "fwd" });
    // The face checks the same bearer token the service wants, then forwards it.
    dir = mkdtempSync(join(tmpdir(), "protomcp-tools-"));
    const rules = join(dir, "rules.json");
    writeFileSync(rules, JSON.stringify({ rules: [{ identity: "*", deny: ["inv_AdjustStock"] }] }));
    child = spawn(
      process.execPath,
      [
        bin,
        "tools",
        "--proto",
        `${inventoryDir}proto`,
        "--target",
        server.url,
        "--protocol",
        "grpcweb",
        "--prefix",
        "inv_",
        "--naming",
        "method",
        "--forward-header",
        "authorization",
        "--auth-token-env",
        "PROTOMCP_TEST_TOKENS",
        "--auth-rules",
        rules,
        "--listen",
        "127.0.0.1:0",
      ],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, PROTOMCP_TEST_TOKENS: "fwd" },
      },
    );
    url = await new Promise<string>((resolve, reject) => {
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /listening on (\S+)/.exec(stderr);
        if (match !== null) {
          resolve(match[1]!);
        }
      });
      child.once("exit", () => reject(new Error(`protomcp tools exited: ${stderr}`)));
    });
  });
  after(async () => {
    child.kill("SIGTERM");
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("forwards the MCP client's authorization header to the service", async () => {
    const client = new Client({ name: "test", version: "1.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), {
        requestInit: { headers: { authorization: "Bearer fwd" } },
      }),
    );
    try {
      const { tools } = await client.listTools();
      assert.ok(tools.some((t) => t.name === "inv_GetItem"));
      const result = (await client.callTool({
        name: "inv_ListItems",
        arguments: { tags: ["tools"] },
      })) as CallResult;
      assert.equal(result.isError, undefined, text(result));
      const content = result.structuredContent as { items: { sku: string }[]; stockByWarehouse: object };
      assert.deepEqual(
        content.items.map((i) => i.sku),
        ["HAM-001", "KIT-007"],
      );
      assert.deepEqual(content.stockByWarehouse, { "BER-1": "45" });
    } finally {
      await client.close();
    }
  });

  it("applies --auth-token-env and --auth-rules: 401 without a token, 403 for a denied tool", async () => {
    const post = (headers: Record<string, string>, body: object) =>
      fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          ...headers,
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, ...body }),
      });
    const initialize = {
      method: "initialize",
      params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
    };
    assert.equal((await post({}, initialize)).status, 401);
    assert.equal((await post({ authorization: "Bearer wrong" }, initialize)).status, 401);
    const denied = await post(
      { authorization: "Bearer fwd" },
      { method: "tools/call", params: { name: "inv_AdjustStock", arguments: { sku: "HAM-001", delta: 1 } } },
    );
    assert.equal(denied.status, 403);
  });
});
