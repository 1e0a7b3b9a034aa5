import type { JsonObject } from "@bufbuild/protobuf";

/**
 * The result of a `tools/call`, as MCP defines it, limited to what RPC tools produce: one text
 * block with the JSON, and the same JSON as structured content on success.
 */
export interface CallToolResult {
  content: { type: "text"; text: string }[];
  structuredContent?: JsonObject;
  isError?: boolean;
}
