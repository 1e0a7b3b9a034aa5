import * as assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import { createDemoServer, README_URI } from "../../examples/demo/server.js";
import { type Listening, type McpFace, serveMcpFace } from "../../src/server/index.js";
import { progressOnTheWire } from "../helpers/progress-on-the-wire.js";

const bin = fileURLToPath(new URL("../../bin/protomcp.js", import.meta.url));

/** The same checks, whichever way the SDK client reaches the face. */
function behavesLikeTheDemo(connect: () => Promise<Client>): void {
  let client: Client;
  let progressFor: (token: string | number) => number[];

  before(async () => {
    client = await connect();
    if (client.transport === undefined) throw new Error("not connected");
    progressFor = progressOnTheWire(client.transport);
  });

  after(async () => {
    await client.close();
  });

  it("initializes with the upstream's server info", () => {
    assert.deepEqual(client.getServerVersion(), { name: "protomcp-demo", version: "0.1.0" });
    assert.ok(client.getServerCapabilities()?.tools);
    assert.match(client.getInstructions() ?? "", /demo/);
  });

  it("lists the demo tools with generated schemas", async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(
      tools.map((t) => t.name),
      ["echo", "add", "now", "count", "swatch", "primes"],
    );
    const add = tools.find((t) => t.name === "add");
    assert.equal(add?.inputSchema.type, "object");
    assert.ok(add?.outputSchema);
  });

  it("calls tools and gets text, structured content and images", async () => {
    const echo = await client.callTool({ name: "echo", arguments: { text: "hi" } });
    assert.deepEqual(echo.structuredContent, { text: "hi" });
    const add = await client.callTool({ name: "add", arguments: { a: 1.5, b: 2 } });
    assert.deepEqual(add.structuredContent, { sum: 3.5 });
    const swatch = await client.callTool({ name: "swatch", arguments: { color: "#ff8800", size: 4 } });
    const image = (swatch.content as { type: string; mimeType?: string; data?: string }[])[0];
    assert.equal(image?.type, "image");
    assert.equal(image?.mimeType, "image/png");
    assert.equal(
      Buffer.from(image?.data ?? "", "base64")
        .subarray(1, 4)
        .toString(),
      "PNG",
    );
    const bad = await client.callTool({ name: "swatch", arguments: { color: "orange" } });
    assert.equal(bad.isError, true);
  });

  it("relays progress from the Call stream", async () => {
    const result = await client.callTool({
      name: "count",
      arguments: { steps: 3 },
      _meta: { progressToken: "count" },
    });
    assert.deepEqual(result.content, [{ type: "text", text: "counted to 3" }]);
    assert.deepEqual(progressFor("count"), [1, 2, 3]);
  });

  it("answers an unknown tool and invalid arguments with -32602", async () => {
    await assert.rejects(
      client.callTool({ name: "nope", arguments: {} }),
      (e: unknown) => e instanceof McpError && e.code === -32602 && /unknown tool 'nope'/.test(e.message),
    );
    await assert.rejects(
      client.callTool({ name: "add", arguments: { a: "not a number" } }),
      (e: unknown) => e instanceof McpError && e.code === -32602 && /invalid arguments/.test(e.message),
    );
  });

  it("reads resources and gets prompts; unknown resources are -32002", async () => {
    const { resources } = await client.listResources();
    assert.deepEqual(
      resources.map((r) => r.uri),
      [README_URI],
    );
    const read = await client.readResource({ uri: README_URI });
    assert.match(String((read.contents[0] as { text?: string }).text), /protomcp demo/);
    await assert.rejects(
      client.readResource({ uri: "demo://missing" }),
      (e: unknown) => e instanceof McpError && e.code === -32002,
    );
    const prompt = await client.getPrompt({ name: "greet", arguments: { name: "Ada" } });
    assert.deepEqual(prompt.messages[0]?.content, { type: "text", text: "Say hello to Ada." });
  });
}

describe("server: MCP face in front of the typed demo server", function () {
  this.timeout(20_000);
  let binary: Listening;

  before(async () => {
    binary = await createDemoServer().listen();
  });

  after(async () => {
    await binary.close();
  });

  describe("over Streamable HTTP (SDK client)", () => {
    let face: McpFace;
    after(async () => {
      await face.close();
    });
    behavesLikeTheDemo(async () => {
      face = await serveMcpFace({ upstream: binary.url, listen: {} });
      const client = new Client({ name: "test", version: "1.0.0" });
      await client.connect(new StreamableHTTPClientTransport(new URL(face.url ?? "")));
      return client;
    });
  });

  describe("over stdio (SDK client spawning protomcp mcp --stdio)", () => {
    behavesLikeTheDemo(async () => {
      const client = new Client({ name: "test", version: "1.0.0" });
      await client.connect(
        new StdioClientTransport({
          command: process.execPath,
          args: [bin, "mcp", "--upstream", binary.url, "--stdio"],
          stderr: "pipe",
        }),
      );
      return client;
    });
  });
});
