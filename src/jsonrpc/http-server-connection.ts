/**
 * One client connection of the Streamable HTTP server, seen as a {@link Transport}:
 * a 2025-11-25 session, or a single 2026-07-28 stateless request.
 *
 * It routes each outgoing message to an HTTP response: a response goes to the POST
 * of its request (as JSON, or as the last SSE event when the stream was already
 * opened); a notification or request sent with `relatedRequestId` opens or reuses that
 * POST's SSE stream; anything else goes to the session's GET stream.
 *
 * @module
 */
import type { ServerResponse } from "node:http";
import { JsonRpcError, LocalCode } from "./errors.js";
import type { JsonRpcMessage, RequestId } from "./messages.js";
import { encodeSseEvent } from "./sse.js";
import type { CloseInfo, MessageInfo, SendOptions, Transport } from "./transport.js";

interface Stream {
  res: ServerResponse;
  sse: boolean;
}

/** Headers of every SSE response; `X-Accel-Buffering` stops proxies from buffering (2026-07-28 transports). */
const SSE_HEADERS = {
  "content-type": "text/event-stream",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  "x-accel-buffering": "no",
} as const;

/** A connection of {@link StreamableHttpHandler}, handed to `onsession`. */
export class HttpServerConnection implements Transport {
  private readonly streams = new Map<RequestId, Stream>();
  private getStream: ServerResponse | undefined;
  private closed = false;
  onmessage?: ((message: JsonRpcMessage, info?: MessageInfo) => void) | undefined;
  onclose?: ((info: CloseInfo) => void) | undefined;
  onerror?: ((error: JsonRpcError) => void) | undefined;

  /**
   * @param sessionId the `Mcp-Session-Id`, or undefined for a stateless connection,
   *   which closes itself once its one request is answered.
   * @param ondone called once on close, so the handler forgets the connection.
   */
  constructor(
    readonly sessionId: string | undefined,
    private readonly ondone: (connection: HttpServerConnection) => void,
  ) {}

  async start(): Promise<void> {}

  /** True once closed. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** True while a GET stream is open. */
  get hasGetStream(): boolean {
    return this.getStream !== undefined;
  }

  /** Hands an incoming message to the peer. @internal */
  receive(message: JsonRpcMessage, info: MessageInfo): void {
    this.onmessage?.(message, info);
  }

  /** Registers the POST that carried request `id`; its answer goes there. @internal */
  openRequest(id: RequestId, res: ServerResponse, oncancel: () => void): boolean {
    if (this.streams.has(id)) return false;
    this.streams.set(id, { res, sse: false });
    res.once("close", () => {
      if (this.streams.get(id)?.res !== res) return;
      this.streams.delete(id);
      oncancel();
    });
    return true;
  }

  /** Attaches the GET stream. @internal */
  openGetStream(res: ServerResponse): void {
    this.getStream = res;
    res.writeHead(200, this.headers(SSE_HEADERS));
    res.flushHeaders();
    res.once("close", () => {
      if (this.getStream === res) this.getStream = undefined;
    });
  }

  async send(message: JsonRpcMessage, options: SendOptions = {}): Promise<void> {
    if (this.closed)
      throw new JsonRpcError(LocalCode.ConnectionClosed, "cannot send message: connection is closed");
    const text = JSON.stringify(message);
    if (typeof message.method !== "string") {
      const id = message.id as RequestId;
      const stream = this.streams.get(id);
      if (stream === undefined) {
        throw new JsonRpcError(
          LocalCode.ConnectionClosed,
          `cannot send response ${id}: its HTTP request is gone`,
        );
      }
      this.streams.delete(id);
      if (stream.sse) {
        stream.res.end(encodeSseEvent(text, { event: "message" }));
      } else {
        // A 2026-07-28 POST answered with nothing but an error may carry the spec's status.
        const status = this.sessionId === undefined ? (options.httpStatus ?? 200) : 200;
        stream.res.writeHead(status, this.headers({ "content-type": "application/json" }));
        stream.res.end(text);
      }
      if (this.sessionId === undefined && this.streams.size === 0) await this.close();
      return;
    }
    const related =
      options.relatedRequestId === undefined ? undefined : this.streams.get(options.relatedRequestId);
    if (related !== undefined) {
      if (!related.sse) {
        related.sse = true;
        related.res.writeHead(200, this.headers(SSE_HEADERS));
      }
      related.res.write(encodeSseEvent(text, { event: "message" }));
      return;
    }
    if (this.getStream !== undefined) {
      this.getStream.write(encodeSseEvent(text, { event: "message" }));
      return;
    }
    throw new JsonRpcError(
      LocalCode.ConnectionClosed,
      `cannot send ${message.method}: no stream to the client is open (no related request, no GET stream)`,
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const stream of this.streams.values()) {
      if (!stream.res.headersSent) stream.res.writeHead(503, this.headers({}));
      stream.res.end();
    }
    this.streams.clear();
    this.getStream?.end();
    this.getStream = undefined;
    this.ondone(this);
    this.onclose?.({});
  }

  private headers(base: Record<string, string>): Record<string, string> {
    return this.sessionId === undefined ? { ...base } : { ...base, "mcp-session-id": this.sessionId };
  }
}
