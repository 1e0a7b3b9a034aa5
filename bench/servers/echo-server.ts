import { readFileSync } from "node:fs";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  ListToolsRequestSchema,
  type Tool,
} from "@modelcontextprotocol/sdk/types.js";
import { Prng } from "../corpus/prng.js";

const capturedEverything = new URL("../fixtures/captured/everything.json", import.meta.url);

/** The tool list the bench servers return: server-everything's, as captured. */
export function benchTools(): Tool[] {
  const fixtures = JSON.parse(readFileSync(capturedEverything, "utf8")) as { name: string; json: string }[];
  const list = fixtures.find((f) => f.name === "everything-tools-list");
  if (!list) throw new Error("cannot load bench tools: everything-tools-list fixture missing");
  const tools = (JSON.parse(list.json) as { result: { tools: Tool[] } }).result.tools;
  return [
    ...tools,
    {
      name: "bench-image",
      description: "Returns an image of `bytes` pseudo-random bytes (memory cases).",
      inputSchema: { type: "object", properties: { bytes: { type: "integer" } }, required: ["bytes"] },
    },
  ];
}

const images = new Map<number, string>();

/** Base64 of `bytes` deterministic pseudo-random bytes, cached per size. */
export function benchImage(bytes: number): string {
  let data = images.get(bytes);
  if (data === undefined) {
    data = Buffer.from(new Prng(bytes).bytes(bytes)).toString("base64");
    images.set(bytes, data);
  }
  return data;
}

/**
 * The SDK server every SDK transport case talks to. It uses the low-level
 * `Server` with fixed handlers so that the figures are protocol and transport
 * cost, not tool work or argument validation: `echo` returns its message,
 * `tools/list` returns server-everything's captured list (13 tools, ~7.7 KB).
 */
export function createEchoServer(): Server {
  const tools = benchTools();
  const server = new Server({ name: "protomcp-bench", version: "0.1.0" }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
  server.setRequestHandler(CallToolRequestSchema, (request): CallToolResult => {
    const args = request.params.arguments ?? {};
    if (request.params.name === "echo") {
      return { content: [{ type: "text", text: `Echo: ${String(args.message)}` }] };
    }
    if (request.params.name === "bench-image") {
      return { content: [{ type: "image", data: benchImage(Number(args.bytes)), mimeType: "image/png" }] };
    }
    return { content: [{ type: "text", text: `unknown tool ${request.params.name}` }], isError: true };
  });
  return server;
}
