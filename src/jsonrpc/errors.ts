/**
 * The one error class of the JSON-RPC layer.
 *
 * Two families of failure are kept apart:
 * - **wire errors** carry a numeric JSON-RPC code (see {@link ErrorCode}) and were either
 *   received from the peer or are meant to be sent to it;
 * - **local failures** ({@link LocalCode}: timeout, connection closed, aborted) happened
 *   on this side and never came over the wire. They map to -32603 if they must be sent.
 *
 * @module
 */
import type { JsonRpcErrorObject, JsonRpcErrorResponse, RequestId } from "./messages.js";

/** Local failures: they never arrive from a peer and carry no wire code. */
export const LocalCode = {
  /** The request got no response within its timeout. */
  Timeout: "timeout",
  /** The transport closed (or was never open) before the exchange finished. */
  ConnectionClosed: "connection_closed",
  /** The caller aborted the request through its `AbortSignal`. */
  Aborted: "aborted",
} as const;

/** One of the {@link LocalCode} values. */
export type LocalCodeValue = (typeof LocalCode)[keyof typeof LocalCode];

/**
 * The code of a {@link JsonRpcError}: a wire code (any integer; the named ones are in
 * `ErrorCode`, others are kept verbatim so a bridge loses nothing) or a local code.
 */
export type Code = number | LocalCodeValue;

/** Options for {@link JsonRpcError}. */
export interface JsonRpcErrorOptions {
  /** The `data` member of the wire error, kept unchanged. */
  data?: unknown;
  /** The underlying error, for diagnostics. */
  cause?: unknown;
}

const internalErrorCode = -32603;

/**
 * An error of the JSON-RPC layer. Messages read "cannot ⟨verb⟩ ⟨thing⟩: reason".
 *
 * @example
 * ```ts
 * try { await client.request("tools/call", params); }
 * catch (e) {
 *   const err = JsonRpcError.from(e);
 *   if (err.code === LocalCode.Timeout) retry();
 *   else if (err.code === ErrorCode.InvalidParams) fix(err.data);
 * }
 * ```
 */
export class JsonRpcError extends Error {
  override name = "JsonRpcError";
  /** A wire code (number) or a {@link LocalCode} (string). */
  readonly code: Code;
  /** The wire error's `data` member, unchanged. */
  readonly data: unknown;

  constructor(code: Code, message: string, options: JsonRpcErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.data = options.data;
  }

  /** True when the failure happened locally and has no wire code. */
  get isLocal(): boolean {
    return typeof this.code === "string";
  }

  /**
   * The wire `error` member for this error. Local failures become -32603 (Internal
   * Error) because JSON-RPC has no codes for them; the message says what happened.
   */
  toErrorObject(): JsonRpcErrorObject {
    const code = typeof this.code === "number" ? this.code : internalErrorCode;
    const object: JsonRpcErrorObject = { code, message: this.message };
    if (this.data !== undefined) object.data = this.data;
    return object;
  }

  /** An error response answering `id` (omitted when the request id is unknown). */
  toResponse(id: RequestId | undefined): JsonRpcErrorResponse {
    const response: JsonRpcErrorResponse = { jsonrpc: "2.0", error: this.toErrorObject() };
    if (id !== undefined) response.id = id;
    return response;
  }

  /** Builds an error from the `error` member of a received error response. */
  static fromErrorObject(error: JsonRpcErrorObject): JsonRpcError {
    return new JsonRpcError(error.code, error.message, { data: error.data });
  }

  /**
   * Turns anything thrown into a {@link JsonRpcError}. A `JsonRpcError` is returned as
   * is; an object shaped like a wire error (`code` integer, `message` string; e.g. the
   * official SDK's `McpError`) keeps its code and data; an `AbortError` becomes
   * {@link LocalCode.Aborted}; anything else becomes -32603 with the original as cause.
   */
  static from(reason: unknown): JsonRpcError {
    if (reason instanceof JsonRpcError) return reason;
    if (typeof reason === "object" && reason !== null) {
      const r = reason as { code?: unknown; message?: unknown; data?: unknown; name?: unknown };
      // Checked before `code`: a DOMException has a numeric legacy `code` (20) too.
      if (r.name === "AbortError" || r.name === "TimeoutError") {
        const code = r.name === "AbortError" ? LocalCode.Aborted : LocalCode.Timeout;
        return new JsonRpcError(code, `cannot complete request: ${String(r.message)}`, { cause: reason });
      }
      if (typeof r.code === "number" && Number.isInteger(r.code) && typeof r.message === "string") {
        return new JsonRpcError(r.code, r.message, { data: r.data, cause: reason });
      }
    }
    const text = reason instanceof Error ? reason.message : String(reason);
    return new JsonRpcError(internalErrorCode, text, { cause: reason });
  }
}
