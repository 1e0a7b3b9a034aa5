/**
 * MCP as the world speaks it: JSON-RPC 2.0 over stdio and Streamable HTTP, in the
 * client role and the server role.
 *
 * - Messages and errors: {@link classifyMessage}, {@link JsonRpcError}.
 * - Transports: {@link StdioClientTransport}, {@link StdioServerTransport},
 *   {@link StreamableHttpClientTransport}, {@link StreamableHttpHandler} (server),
 *   {@link createInMemoryPair} (tests).
 * - Protocol: {@link Peer} (any role), {@link McpClient} (client handshake).
 *
 * @module
 */
export { type ConnectOptions, McpClient, type McpClientOptions } from "./client.js";
export {
  type Code,
  JsonRpcError,
  type JsonRpcErrorOptions,
  LocalCode,
  type LocalCodeValue,
} from "./errors.js";
export { encodeHeaderValue, type HttpClientOptions, StreamableHttpClientTransport } from "./http-client.js";
export { type HttpServerOptions, StreamableHttpHandler } from "./http-server.js";
export type { HttpServerConnection } from "./http-server-connection.js";
export { createInMemoryPair } from "./in-memory.js";
export { DEFAULT_BODY_TIMEOUT_MS, type RequestBody, readRequestBody } from "./request-body.js";
export { DEFAULT_MAX_LINE_BYTES, encodeLine, LineDecoder, type LineDecoderOptions } from "./line-framing.js";
export {
  classifyMessage,
  ErrorCode,
  type ErrorCodeValue,
  isErrorResponse,
  isNotification,
  isRequest,
  isResultResponse,
  type JsonObject,
  type JsonRpcErrorObject,
  type JsonRpcErrorResponse,
  type JsonRpcMessage,
  type JsonRpcNotification,
  type JsonRpcRequest,
  type JsonRpcResponse,
  type JsonRpcResultResponse,
  type MessageKind,
  parseMessage,
  parseMessageBytes,
  type RequestId,
  toMessage,
} from "./messages.js";
export {
  DEFAULT_REQUEST_TIMEOUT_MS,
  type NotificationHandler,
  Peer,
  type PeerOptions,
  type RequestContext,
  type RequestHandler,
  type RequestOptions,
} from "./peer.js";
export {
  INITIALIZE_REVISIONS,
  MetaKey,
  STATEFUL_REVISION,
  STATELESS_REVISION,
  SUPPORTED_REVISIONS,
} from "./revision.js";
export { type StdioClientOptions, StdioClientTransport } from "./stdio-client.js";
export { type StdioServerOptions, StdioServerTransport } from "./stdio-server.js";
export type { CloseInfo, MessageInfo, SendOptions, Transport } from "./transport.js";
