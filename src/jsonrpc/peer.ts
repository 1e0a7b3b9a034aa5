/**
 * A JSON-RPC peer: both ends of MCP are peers that send and answer requests.
 *
 * The peer adds to a {@link Transport} what every MCP endpoint needs and nothing MCP
 * method-specific: request ids, matching responses, timeouts, cancellation
 * (`notifications/cancelled`), progress routing (`notifications/progress`), dispatch
 * of incoming requests and notifications, and a clean failure of everything pending
 * when the transport closes.
 *
 * @module
 */
import { reportUnexpected } from "../observe/contain.js";
import { JsonRpcError, LocalCode } from "./errors.js";
import {
  ErrorCode,
  isErrorResponse,
  isNotification,
  isRequest,
  type JsonObject,
  type JsonRpcMessage,
  type JsonRpcNotification,
  type JsonRpcRequest,
  type RequestId,
} from "./messages.js";
import { MetaKey, SUPPORTED_REVISIONS } from "./revision.js";
import type { CloseInfo, MessageInfo, SendOptions, Transport } from "./transport.js";

/** Default time a request waits for its response: 60 s, as the official SDK. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** Options for one outgoing request. */
export interface RequestOptions {
  /** Aborting sends `notifications/cancelled` and rejects with {@link LocalCode.Aborted}. */
  signal?: AbortSignal;
  /** Time to wait for the response; 0 waits forever. Default: the peer's `timeoutMs`. */
  timeoutMs?: number;
  /**
   * Receives the params of each `notifications/progress` for this request. Setting it
   * adds `_meta.progressToken` to a copy of the request params.
   */
  onprogress?: (params: JsonObject) => void;
  /** Restart the timeout on each progress notification. Default false. */
  resetTimeoutOnProgress?: boolean;
  /** The incoming request this request is made for (HTTP servers route by it). */
  relatedRequestId?: RequestId;
}

/** What a request handler gets besides the request. */
export interface RequestContext {
  /** The id of the request being handled. */
  requestId: RequestId;
  /** Aborted when the peer cancels the request or the transport closes. */
  signal: AbortSignal;
  /** Transport details of the message (HTTP headers), if any. */
  info: MessageInfo | undefined;
  /** Sends a notification tied to this request (progress, logging). */
  sendNotification(method: string, params?: JsonObject): Promise<void>;
  /** Sends a request tied to this request (sampling, elicitation, roots). */
  sendRequest(method: string, params?: JsonObject, options?: RequestOptions): Promise<JsonObject>;
}

/**
 * Answers one request. Return the result object; throw to answer with an error
 * (a {@link JsonRpcError} keeps its code, anything else becomes -32603).
 */
export type RequestHandler = (request: JsonRpcRequest, context: RequestContext) => Promise<JsonObject>;

/** Handles one notification. A thrown error goes to `onerror`. */
export type NotificationHandler = (
  notification: JsonRpcNotification,
  info?: MessageInfo,
) => void | Promise<void>;

/** Options for {@link Peer}. */
export interface PeerOptions {
  /** Default timeout for outgoing requests. Default {@link DEFAULT_REQUEST_TIMEOUT_MS}. */
  timeoutMs?: number;
}

interface Pending {
  method: string;
  resolve: (result: JsonObject) => void;
  reject: (error: JsonRpcError) => void;
  onprogress: ((params: JsonObject) => void) | undefined;
  restartTimer: (() => void) | undefined;
}

/**
 * A JSON-RPC peer over any transport. Set handlers, then {@link start}.
 *
 * `ping` is answered with `{}` unless a handler for it is set (MCP basic/utilities/ping).
 */
export class Peer {
  private readonly pending = new Map<RequestId, Pending>();
  private readonly progressTokens = new Map<string | number, RequestId>();
  private readonly inflight = new Map<RequestId, AbortController>();
  private readonly requestHandlers = new Map<string, RequestHandler>();
  private readonly notificationHandlers = new Map<string, NotificationHandler>();
  private nextId = 0;
  private isClosed = false;
  private readonly timeoutMs: number;
  /** Handles requests whose method has no handler; without it they get -32601. */
  fallbackRequestHandler: RequestHandler | undefined;
  /** Handles notifications whose method has no handler; without it they are dropped. */
  fallbackNotificationHandler: NotificationHandler | undefined;
  /** Called once when the transport has closed, after all pending requests failed. */
  onclose: ((info: CloseInfo) => void) | undefined;
  /** Called for failures that concern no pending request (bad input, unmatched responses). */
  onerror: ((error: JsonRpcError) => void) | undefined;

  constructor(
    readonly transport: Transport,
    options: PeerOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.requestHandlers.set("ping", async () => ({}));
    // Whatever one message's handling throws stays with that message: a throw here would reach
    // the transport's reader (a stream's data event) and end the process.
    transport.onmessage = (message, info) => {
      try {
        this.receive(message, info);
      } catch (error) {
        reportUnexpected("jsonrpc.peer.receive", error, undefined, { method: message.method });
        this.onerror?.(JsonRpcError.from(error));
      }
    };
    transport.onerror = (error) => this.onerror?.(error);
    transport.onclose = (info) => this.closed(info);
  }

  /** True once the transport has closed. */
  get isOpen(): boolean {
    return !this.isClosed;
  }

  /** Starts the transport. */
  start(): Promise<void> {
    return this.transport.start();
  }

  /** Closes the transport; pending requests reject with {@link LocalCode.ConnectionClosed}. */
  async close(): Promise<void> {
    await this.transport.close();
    this.closed({});
  }

  /** Sets (or with `undefined` removes) the handler for requests of `method`. */
  setRequestHandler(method: string, handler: RequestHandler | undefined): void {
    if (handler === undefined) this.requestHandlers.delete(method);
    else this.requestHandlers.set(method, handler);
  }

  /** Sets (or with `undefined` removes) the handler for notifications of `method`. */
  setNotificationHandler(method: string, handler: NotificationHandler | undefined): void {
    if (handler === undefined) this.notificationHandlers.delete(method);
    else this.notificationHandlers.set(method, handler);
  }

  /** Sends a notification. */
  notify(method: string, params?: JsonObject, options: SendOptions = {}): Promise<void> {
    const message: JsonRpcNotification = { jsonrpc: "2.0", method };
    if (params !== undefined) message.params = params;
    return this.transport.send(message, options);
  }

  /**
   * Sends a request and resolves with its `result` object, unchanged. Rejects with a
   * {@link JsonRpcError}: the peer's wire error, or a local timeout, abort or close.
   */
  request(method: string, params?: JsonObject, options: RequestOptions = {}): Promise<JsonObject> {
    const id = this.nextId++;
    const { signal, onprogress } = options;
    if (this.isClosed) {
      return Promise.reject(
        new JsonRpcError(LocalCode.ConnectionClosed, `cannot send ${method}: connection is closed`),
      );
    }
    if (signal?.aborted) {
      return Promise.reject(new JsonRpcError(LocalCode.Aborted, `cannot send ${method}: aborted`));
    }
    const message: JsonRpcRequest = { jsonrpc: "2.0", id, method };
    if (onprogress !== undefined) {
      // Copy, never mutate the caller's params; keep every other _meta key.
      const meta = (params?._meta ?? {}) as JsonObject;
      message.params = { ...params, _meta: { ...meta, progressToken: id } };
      this.progressTokens.set(id, id);
    } else if (params !== undefined) {
      message.params = params;
    }
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    return new Promise<JsonObject>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        this.pending.delete(id);
        this.progressTokens.delete(id);
      };
      const cancel = (code: typeof LocalCode.Timeout | typeof LocalCode.Aborted, reason: string) => {
        if (!this.pending.has(id)) return;
        cleanup();
        // The spec forbids cancelling initialize (basic/utilities/cancellation).
        if (method !== "initialize" && !this.isClosed) {
          this.notify("notifications/cancelled", { requestId: id, reason }, this.sendOptions(options)).catch(
            () => {},
          );
        }
        reject(new JsonRpcError(code, `cannot complete ${method} (id ${id}): ${reason}`));
      };
      const startTimer = () => {
        clearTimeout(timer);
        if (timeoutMs > 0) {
          timer = setTimeout(() => cancel(LocalCode.Timeout, `timed out after ${timeoutMs} ms`), timeoutMs);
        }
      };
      const onAbort = () => cancel(LocalCode.Aborted, `aborted: ${String(signal?.reason ?? "no reason")}`);
      this.pending.set(id, {
        method,
        resolve: (result) => {
          cleanup();
          resolve(result);
        },
        reject: (error) => {
          cleanup();
          reject(error);
        },
        onprogress,
        restartTimer: options.resetTimeoutOnProgress ? startTimer : undefined,
      });
      signal?.addEventListener("abort", onAbort, { once: true });
      startTimer();
      this.transport.send(message, this.sendOptions(options)).catch((cause) => {
        this.pending.get(id)?.reject(JsonRpcError.from(cause));
      });
    });
  }

  private sendOptions(options: RequestOptions): SendOptions {
    return options.relatedRequestId === undefined ? {} : { relatedRequestId: options.relatedRequestId };
  }

  private receive(message: JsonRpcMessage, info: MessageInfo | undefined): void {
    if (isRequest(message)) this.handleRequest(message, info);
    else if (isNotification(message)) this.handleNotification(message, info);
    else this.handleResponse(message);
  }

  private handleResponse(message: JsonRpcMessage): void {
    const id = message.id as RequestId | null | undefined;
    const pending = id === undefined || id === null ? undefined : this.pending.get(id);
    if (pending === undefined) {
      const error = isErrorResponse(message) ? `: ${message.error.message}` : "";
      this.onerror?.(
        new JsonRpcError(
          ErrorCode.InvalidRequest,
          `cannot match response: no pending request has id ${id}${error}`,
        ),
      );
      return;
    }
    if (isErrorResponse(message)) pending.reject(JsonRpcError.fromErrorObject(message.error));
    else pending.resolve(message.result as JsonObject);
  }

  private handleNotification(message: JsonRpcNotification, info: MessageInfo | undefined): void {
    const params = message.params;
    if (message.method === "notifications/cancelled" && params !== undefined) {
      const id = params.requestId;
      if (typeof id === "string" || typeof id === "number") {
        this.inflight
          .get(id)
          ?.abort(
            new JsonRpcError(LocalCode.Aborted, `cannot complete request: ${params.reason ?? "cancelled"}`),
          );
      }
    } else if (message.method === "notifications/progress" && params !== undefined) {
      const token = params.progressToken;
      const id =
        typeof token === "string" || typeof token === "number" ? this.progressTokens.get(token) : undefined;
      const pending = id === undefined ? undefined : this.pending.get(id);
      if (pending !== undefined) {
        pending.restartTimer?.();
        try {
          pending.onprogress?.(params);
        } catch (error) {
          // One progress update the listener could not take (say, not convertible) is dropped;
          // the request goes on.
          reportUnexpected("jsonrpc.peer.progress", error, undefined, { method: pending.method });
        }
        return;
      }
    }
    const handler = this.notificationHandlers.get(message.method) ?? this.fallbackNotificationHandler;
    if (handler === undefined) return;
    try {
      Promise.resolve(handler(message, info)).catch((e) => this.onerror?.(JsonRpcError.from(e)));
    } catch (e) {
      this.onerror?.(JsonRpcError.from(e));
    }
  }

  private handleRequest(request: JsonRpcRequest, info: MessageInfo | undefined): void {
    const { id, method } = request;
    const handler = this.requestHandlers.get(method) ?? this.fallbackRequestHandler;
    const related: SendOptions = { relatedRequestId: id };
    const unsupported = unsupportedRevision(request);
    if (unsupported !== undefined) {
      // The same answer on every transport (HTTP also checks the header before this).
      this.reply(unsupported.toResponse(id), { ...related, httpStatus: 400 });
      return;
    }
    // An unknown method (no handler of its own) is HTTP 404 on a 2026-07-28 POST.
    const unknown = { ...related, httpStatus: 404 };
    if (handler === undefined) {
      const error = new JsonRpcError(ErrorCode.MethodNotFound, `cannot handle ${method}: method not found`);
      this.reply(error.toResponse(id), unknown);
      return;
    }
    const own = this.requestHandlers.has(method);
    const controller = new AbortController();
    this.inflight.set(id, controller);
    const context: RequestContext = {
      requestId: id,
      signal: controller.signal,
      info,
      sendNotification: (m, p) => this.notify(m, p, related),
      sendRequest: (m, p, o) => this.request(m, p, { ...o, relatedRequestId: id }),
    };
    Promise.resolve()
      .then(() => handler(request, context))
      .then(
        (result) => ({ jsonrpc: "2.0" as const, id, result }),
        (e) => JsonRpcError.from(e).toResponse(id),
      )
      .then((response) => {
        if (this.inflight.get(id) === controller) this.inflight.delete(id);
        // A cancelled request gets no response (basic/utilities/cancellation).
        const notFound = !own && "error" in response && response.error.code === ErrorCode.MethodNotFound;
        if (!controller.signal.aborted) this.reply(response, notFound ? unknown : related);
      })
      .catch((error: unknown) => reportUnexpected("jsonrpc.peer.reply", error, undefined, { method }));
  }

  private reply(response: JsonRpcMessage, options: SendOptions): void {
    if (this.isClosed) return;
    // `send` is a promise, but a transport may still throw before it makes one.
    try {
      this.transport.send(response, options).catch((e) => this.onerror?.(JsonRpcError.from(e)));
    } catch (e) {
      this.onerror?.(JsonRpcError.from(e));
    }
  }

  private closed(info: CloseInfo): void {
    if (this.isClosed) return;
    this.isClosed = true;
    const why = info.error?.message ?? describeExit(info);
    for (const [id, pending] of [...this.pending]) {
      pending.reject(
        new JsonRpcError(LocalCode.ConnectionClosed, `cannot complete ${pending.method} (id ${id}): ${why}`, {
          cause: info.error,
        }),
      );
    }
    for (const controller of this.inflight.values()) {
      controller.abort(new JsonRpcError(LocalCode.ConnectionClosed, `cannot complete request: ${why}`));
    }
    this.inflight.clear();
    this.onclose?.(info);
  }
}

function describeExit(info: CloseInfo): string {
  if (info.signal) return `connection closed: process killed by ${info.signal}`;
  if (info.exitCode !== undefined && info.exitCode !== null) {
    return `connection closed: process exited with code ${info.exitCode}`;
  }
  return "connection closed";
}

/**
 * The -32022 error for a request whose `_meta` names a protocol revision this layer does not
 * speak (MCP 2026-07-28 `UnsupportedProtocolVersionError`); undefined when it names none or a
 * supported one.
 */
function unsupportedRevision(request: JsonRpcRequest): JsonRpcError | undefined {
  const meta = request.params?._meta;
  if (meta === null || typeof meta !== "object" || Array.isArray(meta)) return undefined;
  const requested = (meta as JsonObject)[MetaKey.ProtocolVersion];
  if (requested === undefined || (typeof requested === "string" && SUPPORTED_REVISIONS.includes(requested)))
    return undefined;
  return new JsonRpcError(
    ErrorCode.UnsupportedProtocolVersion,
    `cannot accept request: unsupported protocol version ${String(requested)}`,
    { data: { requested: String(requested), supported: [...SUPPORTED_REVISIONS] } },
  );
}
