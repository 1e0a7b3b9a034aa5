/**
 * The typed server API (protobuf-first MCP servers served as `mcp.v1.McpService`) and the MCP face
 * (an MCP server whose handlers are clients of any `mcp.v1` endpoint).
 *
 * @module
 */
export type { JsonRecord, JsonValue } from "./codec.js";
export { jsonRpcErrorFrom } from "./error-codes.js";
export { type Listening, type ListenOptions, listenBinary } from "./listen.js";
export { createMcpServer, type ListKind, McpServer, type RequestScope } from "./mcp-server.js";
export {
  CACHEABLE_METHODS,
  type CacheableMethod,
  type CacheHint,
  type ContentJson,
  type HandlerContext,
  LOGGING_LEVELS,
  type LoggingLevel,
  type McpServerOptions,
  type PromptArgument,
  type PromptDefinition,
  type PromptMessageJson,
  type ResourceDefinition,
  type ResourceTemplateDefinition,
  type ToolDefinition,
  type ToolResultJson,
} from "./types.js";
export { type McpFace, type McpFaceOptions, serveMcpFace } from "./mcp-face.js";
export {
  createWorkerPool,
  defaultWorkerPool,
  type WorkerCall,
  WorkerPool,
  type WorkerPoolOptions,
} from "./worker-pool.js";
export {
  type InWorkerOptions,
  inWorker,
  type WorkerHandler,
  type WorkerHandlerContext,
  type WorkerToolHandler,
} from "./in-worker.js";
