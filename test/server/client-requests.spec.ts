import * as assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  McpError,
} from "@modelcontextprotocol/sdk/types.js";
import { createConformanceServer } from "../../examples/conformance/server.js";
import type { Listening } from "../../src/server/index.js";

const bin = fileURLToPath(new URL("../../bin/protomcp.js", import.meta.url));

describe("server: server-to-client requests over Exchange (SDK client, protomcp mcp --stdio)", function () {
  this.timeout(20_000);
  let binary: Listening;
  let client: Client;
  const sampled: unknown[] = [];

  before(async () => {
    binary = await createConformanceServer().listen();
    client = new Client(
      { name: "test", version: "1.0.0" },
      { capabilities: { sampling: {}, elicitation: {} } },
    );
    client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
      sampled.push(request.params.messages);
      return {
        role: "assistant",
        content: { type: "text", text: "forty-two" },
        model: "m",
        stopReason: "endTurn",
      };
    });
    client.setRequestHandler(ElicitRequestSchema, async (request) => {
      if (request.params.message === "refuse") throw new McpError(-32001, "user went away");
      return { action: "decline" };
    });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [bin, "mcp", "--upstream", binary.url, "--stdio"],
        stderr: "pipe",
      }),
    );
  });

  after(async () => {
    await client?.close();
    await binary?.close();
  });

  it("relays sampling/createMessage to the client and its answer back to the tool", async () => {
    const result = await client.callTool({ name: "test_sampling", arguments: { prompt: "the answer?" } });
    assert.deepEqual(result.content, [{ type: "text", text: "LLM response: forty-two" }]);
    assert.deepEqual(sampled, [[{ role: "user", content: { type: "text", text: "the answer?" } }]]);
  });

  it("relays elicitation/create and the user's decision", async () => {
    const result = await client.callTool({
      name: "test_elicitation",
      arguments: { message: "who are you?" },
    });
    assert.deepEqual(result.content, [
      { type: "text", text: "User response: action=decline, content=undefined" },
    ]);
  });

  it("turns the client's error answer into an error of the tool call", async () => {
    await assert.rejects(
      client.callTool({ name: "test_elicitation", arguments: { message: "refuse" } }),
      (error: unknown) => error instanceof McpError && /user went away/.test(error.message),
    );
  });
});
