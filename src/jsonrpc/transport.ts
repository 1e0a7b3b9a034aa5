/**
 * The transport contract: moves whole JSON-RPC messages between two peers.
 *
 * A transport knows nothing of methods or ids beyond what it needs for routing (the
 * HTTP server sends a response on the stream of the request it answers). It never
 * changes a message. Modelled on the official SDK's `Transport`, kept smaller.
 *
 * @module
 */
import type { JsonRpcError } from "./errors.js";
import type { JsonRpcMessage, RequestId } from "./messages.js";

/** Options for {@link Transport.send}. */
export interface SendOptions {
  /**
   * The id of the incoming request this message belongs to (a response, or a
   * notification or request sent while handling it). Streamable HTTP servers use it
   * to pick the response stream; other transports ignore it.
   */
  relatedRequestId?: RequestId;
  /**
   * The HTTP status of an error response that is the whole answer to a 2026-07-28 (stateless)
   * POST, e.g. 404 for an unknown method or 400 for an unsupported protocol version (the spec's
   * status codes). Only the Streamable HTTP server uses it, and only while no SSE stream is open.
   */
  httpStatus?: number;
}

/** Where a received message came from, when the transport knows. */
export interface MessageInfo {
  /** HTTP request headers of the POST that carried the message (Streamable HTTP server). */
  headers?: Readonly<Record<string, string | string[] | undefined>>;
}

/** Why a transport closed. */
export interface CloseInfo {
  /** Exit code of a child process (stdio client), `null` when killed by a signal. */
  exitCode?: number | null;
  /** Signal that ended a child process (stdio client). */
  signal?: string | null;
  /** The failure that closed the transport, if it did not close cleanly. */
  error?: JsonRpcError;
}

/**
 * A bidirectional message channel.
 *
 * Lifecycle: set the callbacks, call {@link start} once, {@link send} any number of
 * times, {@link close} once. `onclose` fires exactly once, whichever side closed.
 * Errors that do not close the transport (a malformed line, a failed POST of a
 * notification) go to `onerror`; the transport stays usable.
 */
export interface Transport {
  /** Opens the channel (spawns the process, attaches to streams). Resolves when ready. */
  start(): Promise<void>;
  /**
   * Sends one message. Resolves when the message is handed over (written to the pipe,
   * accepted by the HTTP server); rejects with a {@link JsonRpcError} when it cannot be.
   */
  send(message: JsonRpcMessage, options?: SendOptions): Promise<void>;
  /** Closes the channel; idempotent. */
  close(): Promise<void>;
  /** Called for every message received, in order. */
  onmessage?: ((message: JsonRpcMessage, info?: MessageInfo) => void) | undefined;
  /** Called once when the channel has closed. */
  onclose?: ((info: CloseInfo) => void) | undefined;
  /** Called for failures that do not close the channel. */
  onerror?: ((error: JsonRpcError) => void) | undefined;
  /** The session id, for transports with sessions (Streamable HTTP, 2025-11-25). */
  readonly sessionId?: string | undefined;
  /**
   * Tells the transport the negotiated protocol revision; HTTP transports send it in
   * the `MCP-Protocol-Version` header of every later request; `undefined` stops sending it.
   */
  setProtocolVersion?(version: string | undefined): void;
}
