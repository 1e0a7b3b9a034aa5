/**
 * MCP tools from gRPC/Connect services: one tool per RPC, called through a Connect client.
 */
export type { CallToolResult } from "./call-tool-result.js";
export { codeName, errorResult, rpcErrorResult } from "./error-result.js";
export {
  createServiceTransport,
  type ServiceProtocol,
  type ServiceTransportOptions,
} from "./service-transport.js";
export {
  matchesMethod,
  matchesService,
  type MethodTool,
  STREAMED_MESSAGES,
  type ToolAnnotations,
  type ToolDefinition,
  type ToolDefinitionOptions,
  type ToolFilter,
  toolDefinition,
  WRAPPED_VALUE,
} from "./tool-definition.js";
export {
  createToolSet,
  type GeneratedServiceTools,
  type GeneratedTool,
  type HeaderValues,
  type ToolCallOptions,
  type ToolSet,
  type ToolSetOptions,
  type ToolSource,
} from "./tool-set.js";
