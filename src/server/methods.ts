/**
 * Which `McpService` RPC serves which MCP method, and where its result sits in a
 * `JSONRPCResultResponse`. Shared by the typed server (RPCs in) and the MCP face (RPCs out).
 *
 * @module
 */
import type { DescMessage } from "@bufbuild/protobuf";
import type { JSONRPCResultResponse } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";

/** One unary RPC of `McpService` that answers an MCP request. */
export interface UnaryMethod {
  /** The MCP method, e.g. `tools/call`. */
  method: string;
  /** The RPC's local name, e.g. `callTool`. */
  rpc: UnaryRpcName;
  /** The params message and its spec definition name. */
  input: DescMessage;
  /** The result message and its spec definition name. */
  output: DescMessage;
  /** The `JSONRPCResultResponse.result` case that carries this result. */
  resultCase: Exclude<JSONRPCResultResponse["result"]["case"], undefined>;
}

/** The unary RPCs the bridge maps; tasks and subscriptions are not among them. */
export type UnaryRpcName =
  | "callTool"
  | "complete"
  | "discover"
  | "getPrompt"
  | "initialize"
  | "listPrompts"
  | "listResources"
  | "listResourceTemplates"
  | "listTools"
  | "ping"
  | "readResource"
  | "setLevel"
  | "subscribe"
  | "unsubscribe";

const table: [string, UnaryRpcName, UnaryMethod["resultCase"]][] = [
  ["tools/call", "callTool", "callToolResult"],
  ["completion/complete", "complete", "completeResult"],
  ["server/discover", "discover", "discoverResult"],
  ["prompts/get", "getPrompt", "getPromptResult"],
  ["initialize", "initialize", "initializeResult"],
  ["prompts/list", "listPrompts", "listPromptsResult"],
  ["resources/list", "listResources", "listResourcesResult"],
  ["resources/templates/list", "listResourceTemplates", "listResourceTemplatesResult"],
  ["tools/list", "listTools", "listToolsResult"],
  ["ping", "ping", "emptyResult"],
  ["resources/read", "readResource", "readResourceResult"],
  ["logging/setLevel", "setLevel", "emptyResult"],
  ["resources/subscribe", "subscribe", "emptyResult"],
  ["resources/unsubscribe", "unsubscribe", "emptyResult"],
];

/** The mapped RPCs by MCP method. */
export const unaryMethods: ReadonlyMap<string, UnaryMethod> = new Map(
  table.map(([method, rpc, resultCase]) => {
    const desc = McpService.method[rpc];
    return [method, { method, rpc, input: desc.input, output: desc.output, resultCase }];
  }),
);

/** The spec definition name of a message (the transcoder's type name), e.g. `CallToolResult`. */
export function typeNameOf(desc: DescMessage): string {
  return desc.typeName.slice("mcp.v1.".length);
}
