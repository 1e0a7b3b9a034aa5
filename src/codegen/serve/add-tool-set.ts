import { type JsonObject, toJson } from "@bufbuild/protobuf";
import { StructSchema } from "@bufbuild/protobuf/wkt";
import type { HandlerContext, JsonRecord, McpServer, ToolResultJson } from "../../server/index.js";
import type { ToolSet } from "../tools/tool-set.js";

/** Options of {@link addToolSet}. */
export interface AddToolSetOptions {
  /**
   * Metadata of the RPC that carried a `tools/call` passed on to the called service, such as
   * `authorization`. With {@link serveTools} these are the MCP client's HTTP headers, which the MCP
   * face forwards as metadata. Names are case-insensitive.
   */
  forwardHeaders?: readonly string[];
}

/**
 * Registers every tool of `toolSet` on a protomcp server, so that RPC tools are served like any
 * typed tool (over `mcp.v1.McpService`, and through the MCP face) and can sit beside hand-written
 * ones.
 *
 * The arguments are taken as a `google.protobuf.Struct` (any JSON object) and the listed
 * `inputSchema` is the one built from the request message: the tool set validates the arguments
 * against it, with the coercions LLMs need, and only then parses them into the request, so that
 * invalid arguments are a tool result the model can read rather than a protocol error.
 */
export function addToolSet(server: McpServer, toolSet: ToolSet, options: AddToolSetOptions = {}): McpServer {
  const forward = (options.forwardHeaders ?? []).map((name) => name.toLowerCase());
  for (const tool of toolSet.tools) {
    server.tool({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      input: StructSchema,
      inputSchema: tool.inputSchema as JsonRecord,
      outputSchema: tool.outputSchema as JsonRecord,
      annotations: { ...tool.annotations },
      handler: async (args, context) =>
        (await toolSet.call(tool.name, toJson(StructSchema, args) as JsonObject, {
          headers: picked(context, forward),
          signal: context.signal,
          onMessage(count) {
            // A server-streaming RPC reports one step per message; the total is unknown.
            void context.progress(count, undefined, `received message ${count}`);
          },
        })) as ToolResultJson,
    });
  }
  return server;
}

function picked(context: HandlerContext, names: readonly string[]): Headers {
  const headers = new Headers();
  for (const name of names) {
    const value = context.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}
