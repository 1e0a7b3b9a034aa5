/**
 * The client side of the Streamable HTTP transport (MCP 2025-03-26 and later), on
 * Node's global `fetch`.
 *
 * Every message is its own POST. The server answers a request with JSON or with an
 * SSE stream that carries related notifications and requests before the response.
 * Under 2025-11-25 the client may also hold one GET stream open for messages the
 * server sends on its own; 2026-07-28 has no GET stream and no sessions. A request's
 * SSE stream that ends before its response is resumed with `GET` + `Last-Event-ID` after
 * the server's `retry` time (2025-11-25 "Resumability and Redelivery"), a bounded number
 * of times.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { JsonRpcError, LocalCode } from "./errors.js";
import {
  ErrorCode,
  isErrorResponse,
  isRequest,
  type JsonObject,
  type JsonRpcMessage,
  parseMessage,
  parseMessageBytes,
  type RequestId,
  toMessage,
} from "./messages.js";
import { SseDecoder } from "./sse.js";
import type { CloseInfo, MessageInfo, Transport } from "./transport.js";

/** Headers to add to every HTTP request, e.g. `Authorization`. A function is called per request. */
export type HeadersInit =
  | Readonly<Record<string, string>>
  | (() => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>);

/** Options for {@link StreamableHttpClientTransport}. */
export interface HttpClientOptions {
  /** The MCP endpoint, e.g. `http://127.0.0.1:3000/mcp`. */
  url: string | URL;
  /** Extra headers (authentication). They cannot override the protocol headers. */
  headers?: HeadersInit;
  /**
   * Open a GET stream for server-initiated messages once `notifications/initialized`
   * was accepted (2025-11-25). A server without one answers 405. Default true.
   */
  openGetStream?: boolean;
  /** Time `close()` waits for the session DELETE. Default 2000 ms. */
  closeTimeoutMs?: number;
  /**
   * When a request's SSE stream ends before its response, reconnect with `GET` and
   * `Last-Event-ID` (2025-11-25 "Resumability and Redelivery") at most this many times in a row
   * without a message arriving, then fail the request. 0 turns resumption off. Default 5.
   */
  maxReconnectAttempts?: number;
  /** Wait before reconnecting when the server sent no `retry` field. Default 1000 ms. */
  defaultRetryMs?: number;
}

/** What one SSE body brought. */
interface SseOutcome {
  /** The response to the request was among its events. */
  seen: boolean;
  /** It carried at least one message event. */
  messages: boolean;
  /** The last event ID, carried over from earlier streams of the same request. */
  lastEventId: string | undefined;
  /** The server's last `retry` time, likewise carried over. */
  retryMs: number | undefined;
}

/** Methods whose `params.name` or `params.uri` is mirrored into `Mcp-Name` (2026-07-28 "Request Metadata"). */
const NAMED_METHODS: Readonly<Record<string, "name" | "uri">> = {
  "tools/call": "name",
  "prompts/get": "name",
  "resources/read": "uri",
};

/**
 * Encodes a header value by the 2026-07-28 "Value Encoding" rule: plain when it is
 * visible ASCII without surrounding whitespace, else `=?base64?…?=`.
 */
export function encodeHeaderValue(value: string): string {
  const plain = /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(value);
  const looksEncoded = value.startsWith("=?base64?") && value.endsWith("?=");
  return plain && !looksEncoded ? value : `=?base64?${Buffer.from(value, "utf8").toString("base64")}?=`;
}

/** A Streamable HTTP client transport. */
export class StreamableHttpClientTransport implements Transport {
  private readonly url: URL;
  private readonly abort = new AbortController();
  private protocolVersion: string | undefined;
  private session: string | undefined;
  private closed = false;
  onmessage?: ((message: JsonRpcMessage, info?: MessageInfo) => void) | undefined;
  onclose?: ((info: CloseInfo) => void) | undefined;
  onerror?: ((error: JsonRpcError) => void) | undefined;

  constructor(private readonly options: HttpClientOptions) {
    this.url = new URL(options.url);
  }

  /** The `Mcp-Session-Id` the server issued, if any. */
  get sessionId(): string | undefined {
    return this.session;
  }

  setProtocolVersion(version: string | undefined): void {
    this.protocolVersion = version;
  }

  async start(): Promise<void> {}

  /**
   * POSTs one message. For a request, resolves once its response has arrived (JSON
   * body, or the SSE stream, resumed if it ended early); rejects if it never came.
   * An HTTP error whose body is a JSON-RPC error for this request is delivered as
   * that response; other HTTP errors reject with the status and body.
   */
  async send(message: JsonRpcMessage): Promise<void> {
    const method = typeof message.method === "string" ? message.method : "response";
    const headers = await this.headers("application/json, text/event-stream");
    headers["content-type"] = "application/json";
    if (typeof message.method === "string") {
      headers["mcp-method"] = message.method;
      const key = NAMED_METHODS[message.method];
      const name = key === undefined ? undefined : (message.params as JsonObject | undefined)?.[key];
      if (typeof name === "string") headers["mcp-name"] = encodeHeaderValue(name);
    }
    const response = await this.fetch(method, "POST", headers, JSON.stringify(message));
    const requestId = isRequest(message) ? message.id : undefined;
    if (response.status === 202) {
      await response.body?.cancel();
      if (method === "notifications/initialized" && this.options.openGetStream !== false)
        this.openGetStream();
      return;
    }
    if (!response.ok) {
      const text = await response.text().catch(() => "");
      const error = this.httpError(method, response.status, text, requestId);
      if (error !== undefined) throw error;
      return;
    }
    const type = response.headers.get("content-type") ?? "";
    if (type.includes("text/event-stream")) {
      const outcome = await this.readSse(response, requestId);
      if (requestId !== undefined && !outcome.seen && !this.closed)
        await this.resume(method, requestId, outcome);
      return;
    }
    if (type.includes("application/json")) {
      const delivered = this.deliver(new Uint8Array(await response.arrayBuffer()));
      if (requestId !== undefined && delivered instanceof JsonRpcError) {
        // The answer to this request is unreadable and no other will come: fail it now rather
        // than at its timeout. -32603: the server misbehaved, not the caller.
        throw new JsonRpcError(
          ErrorCode.InternalError,
          `cannot read response to ${method}: ${delivered.message}`,
          { cause: delivered },
        );
      }
      return;
    }
    await response.body?.cancel();
    if (requestId !== undefined) {
      throw new JsonRpcError(
        ErrorCode.InternalError,
        `cannot read response to ${method}: unexpected content type "${type}"`,
      );
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort();
    if (this.session !== undefined) {
      // End the session (2025-11-25 "Session Management"); 405 means the server does not allow it.
      const headers = await this.headers(undefined);
      const signal = AbortSignal.timeout(this.options.closeTimeoutMs ?? 2000);
      await fetch(this.url, { method: "DELETE", headers, signal })
        .then((r) => r.body?.cancel())
        .catch(() => {});
    }
    this.onclose?.({});
  }

  private async headers(accept: string | undefined): Promise<Record<string, string>> {
    const init = this.options.headers;
    const custom = typeof init === "function" ? await init() : (init ?? {});
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(custom)) headers[name.toLowerCase()] = value;
    if (accept !== undefined) headers.accept = accept;
    if (this.session !== undefined) headers["mcp-session-id"] = this.session;
    if (this.protocolVersion !== undefined) headers["mcp-protocol-version"] = this.protocolVersion;
    return headers;
  }

  private async fetch(
    what: string,
    method: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<Response> {
    if (this.closed)
      throw new JsonRpcError(LocalCode.ConnectionClosed, `cannot send ${what}: transport is closed`);
    let response: Response;
    try {
      response = await fetch(this.url, {
        method,
        headers,
        signal: this.abort.signal,
        ...(body === undefined ? {} : { body }),
      });
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new JsonRpcError(
        LocalCode.ConnectionClosed,
        `cannot send ${what} to ${this.url.href}: ${reason}`,
        { cause },
      );
    }
    const session = response.headers.get("mcp-session-id");
    if (session !== null && response.ok) this.session = session;
    return response;
  }

  /** Maps a failed POST; returns undefined when the body was the request's JSON-RPC error (delivered). */
  private httpError(
    what: string,
    status: number,
    text: string,
    requestId: RequestId | undefined,
  ): JsonRpcError | undefined {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const message = toMessage(body);
    if (!(message instanceof JsonRpcError) && isErrorResponse(message)) {
      if (requestId !== undefined && message.id === requestId) {
        this.onmessage?.(message);
        return undefined;
      }
      const { code, message: reason, data } = message.error;
      return new JsonRpcError(code, `cannot send ${what}: HTTP ${status}: ${reason}`, { data });
    }
    if (status === 404 && this.session !== undefined) {
      return new JsonRpcError(
        LocalCode.ConnectionClosed,
        `cannot send ${what}: session ${this.session} expired (HTTP 404)`,
      );
    }
    const code = status >= 500 ? ErrorCode.InternalError : ErrorCode.InvalidRequest;
    return new JsonRpcError(
      code,
      `cannot send ${what}: HTTP ${status}${text === "" ? "" : `: ${text.slice(0, 200)}`}`,
    );
  }

  /** Parses and hands on one JSON body; the parse error (also given to `onerror`) if it is none. */
  private deliver(body: Uint8Array): JsonRpcError | undefined {
    const message = parseMessageBytes(body);
    if (message instanceof JsonRpcError) {
      this.onerror?.(message);
      return message;
    }
    this.onmessage?.(message);
    return undefined;
  }

  /**
   * Reads an SSE body to its end (or, with `untilSeen`, until the response to `requestId`), and
   * says what it brought; `before` carries the event ID and `retry` of earlier streams.
   */
  private async readSse(
    response: Response,
    requestId: RequestId | undefined,
    before?: SseOutcome,
    untilSeen = false,
  ): Promise<SseOutcome> {
    let seen = false;
    let messages = false;
    // An event stream is UTF-8 (HTML, server-sent events): invalid bytes end the stream with an
    // error rather than reaching a message as U+FFFD.
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const sse = new SseDecoder((event) => {
      if (event.event !== "message" || event.data === "") return;
      messages = true;
      const message = parseMessage(event.data);
      if (message instanceof JsonRpcError) {
        this.onerror?.(message);
        return;
      }
      if (requestId !== undefined && message.method === undefined && message.id === requestId) seen = true;
      this.onmessage?.(message);
    });
    const outcome = (): SseOutcome => ({
      seen,
      messages,
      lastEventId: sse.lastEventId || before?.lastEventId,
      retryMs: sse.retryMs ?? before?.retryMs,
    });
    const body = response.body;
    if (body === null) return outcome();
    try {
      for await (const chunk of body) {
        sse.push(decoder.decode(chunk, { stream: true }));
        // Leaving the loop cancels the body: a resumed GET stream may stay open after the response.
        if (untilSeen && seen) break;
      }
    } catch (cause) {
      if (!this.closed) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        this.onerror?.(
          new JsonRpcError(LocalCode.ConnectionClosed, `cannot read SSE stream: ${reason}`, { cause }),
        );
      }
    }
    return outcome();
  }

  /**
   * The request's SSE stream ended before its response: reconnect with `GET` and `Last-Event-ID`
   * after the server's `retry` time (2025-11-25 "Resumability and Redelivery"), until the response
   * comes or `maxReconnectAttempts` streams in a row bring no message; then fail the request.
   */
  private async resume(method: string, requestId: RequestId, first: SseOutcome): Promise<void> {
    const limit = this.options.maxReconnectAttempts ?? 5;
    let outcome = first;
    let attempts = 0;
    const failure = (why: string): JsonRpcError =>
      new JsonRpcError(
        LocalCode.ConnectionClosed,
        `cannot complete ${method}: SSE stream ended before the response, ${why}`,
      );
    for (;;) {
      const lastEventId = outcome.lastEventId;
      if (lastEventId === undefined || limit === 0) {
        throw failure(
          limit === 0 ? "and resumption is off" : "and the server sent no event ID to resume from",
        );
      }
      if (attempts >= limit) {
        throw failure(`and ${attempts} reconnection(s) with Last-Event-ID ${lastEventId} did not bring it`);
      }
      attempts++;
      await this.sleep(outcome.retryMs ?? this.options.defaultRetryMs ?? 1000);
      if (this.closed) return;
      const headers = await this.headers("text/event-stream");
      headers["last-event-id"] = lastEventId;
      const response = await this.fetch(`${method} (resuming)`, "GET", headers);
      const type = response.headers.get("content-type") ?? "";
      if (!response.ok || !type.includes("text/event-stream")) {
        await response.body?.cancel();
        throw failure(
          `and the server refused to resume it (GET with Last-Event-ID: HTTP ${response.status})`,
        );
      }
      outcome = await this.readSse(response, requestId, outcome, true);
      if (outcome.seen || this.closed) return;
      // A stream that carried messages was progress: the count is of fruitless attempts in a row.
      if (outcome.messages) attempts = 0;
    }
  }

  /** Waits `ms`, or less if the transport closes. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.abort.signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.abort.signal.addEventListener("abort", done);
    });
  }

  private openGetStream(): void {
    void (async () => {
      const headers = await this.headers("text/event-stream");
      const response = await this.fetch("GET stream", "GET", headers);
      const type = response.headers.get("content-type") ?? "";
      if (!response.ok || !type.includes("text/event-stream")) {
        // 405: the server offers no GET stream (2025-11-25 "Listening for Messages").
        await response.body?.cancel();
        return;
      }
      await this.readSse(response, undefined);
    })().catch((e) => {
      if (!this.closed) this.onerror?.(JsonRpcError.from(e));
    });
  }
}
