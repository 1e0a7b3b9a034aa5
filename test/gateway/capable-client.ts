/**
 * An official SDK client with every client capability the gateway declares upstream, so that
 * server-everything registers the same tools for it as for the gateway.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";

/** An SDK client that answers sampling, elicitation and roots, recording what it was asked. */
export function capableClient(name: string, asked: string[] = []): Client {
  const client = new Client(
    { name, version: "1.0.0" },
    { capabilities: { sampling: {}, elicitation: { form: {}, url: {} }, roots: {} } },
  );
  client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
    asked.push(request.method);
    const first = request.params.messages[0]?.content;
    const text = first !== undefined && "text" in first ? String(first.text) : "";
    return {
      role: "assistant",
      content: { type: "text", text: `sampled: ${text}` },
      model: "test-model",
      stopReason: "endTurn",
    };
  });
  client.setRequestHandler(ElicitRequestSchema, async (request) => {
    asked.push(request.method);
    return { action: "accept", content: { name: "Ada", check: true, email: "ada@example.com" } };
  });
  client.setRequestHandler(ListRootsRequestSchema, async (request) => {
    asked.push(request.method);
    return { roots: [{ uri: "file:///tmp/protomcp-root", name: "the test root" }] };
  });
  return client;
}

/**
 * server-everything's tools that ask their client something while they run: a unary `CallTool` has
 * no stream to ask on, so only `Exchange` (and the MCP face, which uses it) can call them.
 */
export const ASKS_THE_CLIENT = new Set([
  "trigger-sampling-request",
  "trigger-sampling-request-async",
  "trigger-elicitation-request",
  "trigger-elicitation-request-async",
  "trigger-url-elicitation",
  "get-roots-list",
]);
