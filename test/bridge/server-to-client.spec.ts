/**
 * Server-to-client requests cross both bridges: server-everything's sampling, elicitation and roots
 * requests, made while a tool runs, reach the official SDK client at the far end through
 * `protomcp mcp` (the MCP face, which calls tools on `Exchange`) and `protomcp gateway` (which relays
 * them on that stream), and the client's answers get back to server-everything.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";
import { type McpFace, serveMcpFace } from "../../src/server/index.js";
import { capableClient } from "../gateway/capable-client.js";

const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");

function textOf(result: unknown): string {
  const content = (result as { content?: Array<{ type: string; text?: string }> }).content ?? [];
  return content.map((c) => c.text ?? "").join("\n");
}

describe("server-to-client requests: SDK client -> MCP face -> Exchange -> gateway -> server-everything", function () {
  this.timeout(60_000);
  let gateway: Gateway;
  let face: McpFace;
  let client: Client;
  const asked: string[] = [];

  before(async () => {
    gateway = await startGateway({
      upstreams: new Map([["everything", { command: process.execPath, args: [everything, "stdio"] }]]),
      logger: createLogger({ level: "error" }),
    });
    face = await serveMcpFace({
      upstream: gateway.url,
      listen: { host: "127.0.0.1", port: 0 },
      logger: createLogger({ level: "error" }),
    });
    client = capableClient("sdk-capable", asked);
    await client.connect(new StreamableHTTPClientTransport(new URL(face.url!)));
  });

  after(async () => {
    await client?.close();
    await face?.close();
    await gateway?.close();
  });

  beforeEach(() => {
    asked.length = 0;
  });

  it("offers the tools server-everything registers only for a sampling/elicitation/roots client", async () => {
    const names = (await client.listTools()).tools.map((t) => t.name);
    for (const tool of ["trigger-sampling-request", "trigger-elicitation-request", "get-roots-list"])
      assert.ok(names.includes(tool), `${tool} missing from ${names.join(", ")}`);
  });

  it("relays sampling/createMessage to the client and its answer back", async () => {
    const result = await client.callTool({
      name: "trigger-sampling-request",
      arguments: { prompt: "hello across two bridges", maxTokens: 10 },
    });
    assert.deepEqual(asked, ["sampling/createMessage"]);
    const text = textOf(result);
    assert.match(text, /sampled: Resource trigger-sampling-request context: hello across two bridges/);
    assert.match(text, /"model": "test-model"/);
  });

  it("relays elicitation/create to the client and its answer back", async () => {
    const result = await client.callTool({ name: "trigger-elicitation-request", arguments: {} });
    assert.deepEqual(asked, ["elicitation/create"]);
    const text = textOf(result);
    assert.match(text, /Ada/);
    assert.match(text, /ada@example\.com/);
  });

  it("relays roots/list to the client and its answer back", async () => {
    const result = await client.callTool({ name: "get-roots-list", arguments: {} });
    assert.ok(asked.includes("roots/list"), `asked: ${asked.join(", ")}`);
    assert.match(textOf(result), /file:\/\/\/tmp\/protomcp-root/);
  });

  it("returns the client's refusal to the upstream as an error of the tool", async () => {
    const refusing = new Client({ name: "sdk-refusing", version: "1.0.0" }, { capabilities: {} });
    await refusing.connect(new StreamableHTTPClientTransport(new URL(face.url!)));
    try {
      const outcome = await refusing
        .callTool({ name: "trigger-sampling-request", arguments: { prompt: "no", maxTokens: 5 } })
        .then(
          (result) => ({ result }),
          (error: unknown) => ({ error }),
        );
      if ("result" in outcome) assert.equal(outcome.result.isError, true, textOf(outcome.result));
      else assert.ok(outcome.error instanceof Error);
    } finally {
      await refusing.close();
    }
  });
});
