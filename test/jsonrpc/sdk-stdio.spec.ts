import * as assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { progressOnTheWire } from "../helpers/progress-on-the-wire.js";

const fixture = fileURLToPath(new URL("../fixtures/jsonrpc/stdio-fixture-server.ts", import.meta.url));

describe("jsonrpc: official SDK stdio client against our StdioServerTransport", function () {
  this.timeout(15_000);
  let client: Client;

  before(async () => {
    client = new Client({ name: "sdk-client", version: "1.0.0" });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: ["--import", "tsx", fixture],
        stderr: "ignore",
      }),
    );
  });

  after(async () => {
    await client.close();
  });

  it("initializes", () => {
    assert.equal(client.getServerVersion()?.name, "protomcp-fixture");
    assert.ok(client.getServerCapabilities()?.tools);
  });

  it("lists and calls tools", async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(
      tools.map((t) => t.name),
      ["echo", "progress"],
    );
    const result = await client.callTool({ name: "echo", arguments: { message: "hi" } });
    assert.deepEqual(result.content, [{ type: "text", text: "Echo: hi" }]);
  });

  it("receives progress", async () => {
    const progressFor = progressOnTheWire(client.transport as Transport);
    await client.callTool({ name: "progress", arguments: {}, _meta: { progressToken: "stdio" } });
    assert.deepEqual(progressFor("stdio"), [1, 2]);
  });
});
