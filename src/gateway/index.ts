/** The gateway: a gRPC / Connect / gRPC-Web face for any MCP server (stdio or Streamable HTTP). */
export { type Gateway, type GatewayOptions, startGateway, UPSTREAM_HEADER } from "./gateway.js";
export {
  createMcpServiceImpl,
  type Forward,
  type McpServiceOptions,
  type UpstreamPicker,
} from "./mcp-service.js";
export { Upstream } from "./upstream.js";
export { type CallSlotLimits, CallSlots, DEFAULT_CALL_SLOT_LIMITS } from "./call-slots.js";
export { DEFAULT_QUEUE_LIMITS, MessageQueue, type QueueLimits } from "./message-queue.js";
export {
  type HttpUpstream,
  parseUpstream,
  readMcpServersFile,
  splitCommandLine,
  type StdioUpstream,
  type UpstreamConfig,
} from "./upstream-config.js";
