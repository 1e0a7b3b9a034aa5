/**
 * JSON-RPC 2.0 messages as MCP exchanges them, typed as parsed JSON values.
 *
 * Every message type carries an index signature: a message read from the wire keeps
 * every property it arrived with, known or not, so that a bridge (gateway, MCP face)
 * can forward it without loss. Nothing in this layer strips or rewrites properties.
 *
 * @module
 */
import { JsonRpcError } from "./errors.js";

/** A JSON object as parsed from the wire. Property values stay `unknown` until checked. */
export type JsonObject = { [key: string]: unknown };

/** A request id. JSON-RPC allows strings and numbers; MCP forbids `null` (spec `RequestId`). */
export type RequestId = string | number;

/** A request: expects exactly one response with the same `id`. */
export interface JsonRpcRequest {
  jsonrpc: "2.0";
  id: RequestId;
  method: string;
  params?: JsonObject;
  [key: string]: unknown;
}

/** A notification: a request without `id`, never answered. */
export interface JsonRpcNotification {
  jsonrpc: "2.0";
  method: string;
  params?: JsonObject;
  [key: string]: unknown;
}

/** A successful response. MCP results are always objects (spec `Result`). */
export interface JsonRpcResultResponse {
  jsonrpc: "2.0";
  id: RequestId;
  result: JsonObject;
  [key: string]: unknown;
}

/** The `error` member of an error response (spec `Error`). */
export interface JsonRpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
  [key: string]: unknown;
}

/**
 * An error response. `id` may be missing (or `null` from non-MCP peers) when the
 * request it answers could not be read, e.g. a parse error.
 */
export interface JsonRpcErrorResponse {
  jsonrpc: "2.0";
  id?: RequestId | null;
  error: JsonRpcErrorObject;
  [key: string]: unknown;
}

/** Any response. */
export type JsonRpcResponse = JsonRpcResultResponse | JsonRpcErrorResponse;

/** Any single JSON-RPC message (spec `JSONRPCMessage`; batches were removed in 2025-06-18). */
export type JsonRpcMessage =
  | JsonRpcRequest
  | JsonRpcNotification
  | JsonRpcResultResponse
  | JsonRpcErrorResponse;

/** What {@link classifyMessage} found. */
export type MessageKind = "request" | "notification" | "result" | "error";

/**
 * Wire error codes: JSON-RPC 2.0's reserved codes and the ones MCP defines.
 * Peers may send other integers (JSON-RPC leaves -32000..-32099 to servers); those are
 * kept verbatim in {@link JsonRpcError.code}, never folded into one of these.
 */
export const ErrorCode = {
  /** Invalid JSON was received (JSON-RPC). */
  ParseError: -32700,
  /** The JSON is not a valid request object (JSON-RPC). */
  InvalidRequest: -32600,
  /** The method does not exist or is not available (JSON-RPC). */
  MethodNotFound: -32601,
  /** Invalid method parameters (JSON-RPC). */
  InvalidParams: -32602,
  /** Internal error on the receiver (JSON-RPC). */
  InternalError: -32603,
  /** `resources/read` of an unknown URI (MCP 2025-11-25, server/resources "Error Handling"). */
  ResourceNotFound: -32002,
  /** HTTP headers do not match the body (MCP 2026-07-28 `HeaderMismatchError`). */
  HeaderMismatch: -32020,
  /** The request needs a client capability that was not declared (MCP 2026-07-28). */
  MissingRequiredClientCapability: -32021,
  /** The requested protocol version is not supported (MCP 2026-07-28). */
  UnsupportedProtocolVersion: -32022,
  /** The server needs a URL-mode elicitation first (MCP 2025-11-25 `URLElicitationRequiredError`). */
  UrlElicitationRequired: -32042,
} as const;

/** One of the named wire codes in {@link ErrorCode}. */
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isRequestId(value: unknown): value is RequestId {
  return typeof value === "string" || (typeof value === "number" && Number.isInteger(value));
}

function invalid(reason: string): JsonRpcError {
  return new JsonRpcError(ErrorCode.InvalidRequest, `cannot read message: ${reason}`);
}

/**
 * Checks the shape of a parsed JSON value and says which kind of message it is.
 *
 * The check is cheap and shallow: `jsonrpc`, `id`, `method`, and the presence and type
 * of `params`, `result` and `error`. It does not validate params against the MCP schema
 * (that is the handler's job) and it never copies or changes the value.
 *
 * @returns the kind, or a {@link JsonRpcError} with code -32600 (Invalid Request)
 *   whose message names what is wrong.
 */
export function classifyMessage(value: unknown): MessageKind | JsonRpcError {
  if (!isObject(value)) {
    return invalid(Array.isArray(value) ? "batches are not supported" : "not a JSON object");
  }
  if (value.jsonrpc !== "2.0") {
    return invalid('"jsonrpc" must be "2.0"');
  }
  const hasId = "id" in value && value.id !== undefined;
  if (typeof value.method === "string") {
    if ("params" in value && value.params !== undefined && !isObject(value.params)) {
      return invalid(`"params" of ${value.method} must be an object`);
    }
    if (!hasId) return "notification";
    if (!isRequestId(value.id)) return invalid(`"id" of ${value.method} must be a string or an integer`);
    return "request";
  }
  if ("method" in value) {
    return invalid('"method" must be a string');
  }
  if ("result" in value) {
    if ("error" in value) return invalid('a response cannot carry both "result" and "error"');
    if (!isRequestId(value.id)) return invalid('"id" of a result must be a string or an integer');
    if (!isObject(value.result)) return invalid('"result" must be an object');
    return "result";
  }
  if ("error" in value) {
    const error = value.error;
    if (!isObject(error) || typeof error.code !== "number" || typeof error.message !== "string") {
      return invalid('"error" must be an object with a numeric "code" and a string "message"');
    }
    if (hasId && value.id !== null && !isRequestId(value.id)) {
      return invalid('"id" of an error must be a string or an integer');
    }
    return "error";
  }
  return invalid('expected "method", "result" or "error"');
}

/**
 * Narrows a parsed value to a {@link JsonRpcMessage}, or returns the -32600 error
 * from {@link classifyMessage}.
 */
export function toMessage(value: unknown): JsonRpcMessage | JsonRpcError {
  const kind = classifyMessage(value);
  return kind instanceof JsonRpcError ? kind : (value as JsonRpcMessage);
}

/**
 * Parses one JSON text into a message.
 *
 * @returns the message, or a {@link JsonRpcError}: -32700 for invalid JSON, -32600 for
 *   valid JSON that is not a JSON-RPC message.
 */
export function parseMessage(text: string): JsonRpcMessage | JsonRpcError {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new JsonRpcError(ErrorCode.ParseError, `cannot parse message: ${reason}`, { cause });
  }
  return toMessage(value);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Parses one message from its bytes. JSON text exchanged between systems must be UTF-8 (RFC 8259
 * section 8.1): a message with invalid UTF-8 is a parse error (-32700), not text with U+FFFD in
 * place of the bad bytes, which would change a tool's arguments without anyone knowing.
 */
export function parseMessageBytes(bytes: Uint8Array): JsonRpcMessage | JsonRpcError {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch (cause) {
    return new JsonRpcError(ErrorCode.ParseError, "cannot parse message: invalid UTF-8", { cause });
  }
  return parseMessage(text);
}

/** True for a request (has `method` and `id`). */
export function isRequest(message: JsonRpcMessage): message is JsonRpcRequest {
  return typeof message.method === "string" && message.id !== undefined;
}

/** True for a notification (has `method`, no `id`). */
export function isNotification(message: JsonRpcMessage): message is JsonRpcNotification {
  return typeof message.method === "string" && message.id === undefined;
}

/** True for a successful response. */
export function isResultResponse(message: JsonRpcMessage): message is JsonRpcResultResponse {
  return "result" in message;
}

/** True for an error response. */
export function isErrorResponse(message: JsonRpcMessage): message is JsonRpcErrorResponse {
  return "error" in message && !("method" in message);
}
