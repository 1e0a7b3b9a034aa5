/** The `mcp.v1` schema: which message serves which MCP definition, method and revision. */
export {
  defaultRevision,
  findMessage,
  type McpRevision,
  mcpFiles,
  mcpPackage,
  mcpRegistry,
  mcpRevisions,
  revisionOf,
} from "./registry.js";
