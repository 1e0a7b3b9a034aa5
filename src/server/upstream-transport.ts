/**
 * The MCP face's gRPC transport to its `mcp.v1` upstream: one HTTP/2 session that a bad message
 * cannot break for the calls after it.
 *
 * - A message larger than `maxMessageBytes` (by default the gateway's own `readMaxBytes`, 16 MiB)
 *   is refused before a byte of it is sent (connect's `writeMaxBytes`).
 * - The session may hold more than Node's default 10 MB of unsent data (`maxSessionMemory`): past
 *   that, nghttp2 refuses every new stream of the session with `ENHANCE_YOUR_CALM` while the
 *   session itself stays open, so connect-node's session manager never replaces it.
 * - Should a stream still be refused that way (or with `REFUSED_STREAM`), the session is dropped,
 *   the next call opens a new one, and the refused call is sent again once on the new session (a
 *   refused stream never reached the upstream's handler).
 *
 * @module
 */
import type { DescMessage, DescMethodStreaming, DescMethodUnary, MessageInitShape } from "@bufbuild/protobuf";
import { ConnectError, type Interceptor, type StreamResponse, type Transport } from "@connectrpc/connect";
import { createGrpcTransport, Http2SessionManager } from "@connectrpc/connect-node";

/** The gateway's default `readMaxBytes`: the largest message the face sends upstream by default. */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Options for {@link createUpstreamTransport}. */
export interface UpstreamTransportOptions {
  baseUrl: string;
  interceptors?: Interceptor[];
  /** Largest message sent upstream, in bytes. Default {@link DEFAULT_MAX_MESSAGE_BYTES}. */
  maxMessageBytes?: number;
  /** The session's `maxSessionMemory`, in megabytes. Default: room for four largest messages. */
  maxSessionMemory?: number;
}

/** Stream errors that mean the session, not the call, is at fault. */
const BROKEN_SESSION =
  /NGHTTP2_(ENHANCE_YOUR_CALM|REFUSED_STREAM)|ERR_HTTP2_(INVALID_SESSION|GOAWAY_SESSION)/;

/** True when `error` says the HTTP/2 session is unusable (the upstream never saw the call). */
export function isBrokenSession(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const cause = (error as { cause?: unknown }).cause;
  const code = (error as { code?: unknown }).code;
  return (
    BROKEN_SESSION.test(error.message) ||
    (typeof code === "string" && BROKEN_SESSION.test(code)) ||
    (cause !== undefined && cause !== error && isBrokenSession(cause))
  );
}

/** A gRPC transport to `baseUrl` that refuses oversized messages and replaces a broken session. */
export function createUpstreamTransport(options: UpstreamTransportOptions): Transport {
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  // Room for a few largest messages in flight at once (maxSessionMemory is in megabytes).
  const maxSessionMemory =
    options.maxSessionMemory ?? Math.max(10, Math.ceil((4 * maxMessageBytes) / (1024 * 1024)));
  const sessions = new Http2SessionManager(options.baseUrl, undefined, { maxSessionMemory });
  const grpc = createGrpcTransport({
    baseUrl: options.baseUrl,
    sessionManager: sessions,
    writeMaxBytes: maxMessageBytes,
    ...(options.interceptors === undefined ? {} : { interceptors: options.interceptors }),
  });
  const renew = (): void => sessions.abort();
  return {
    async unary<I extends DescMessage, O extends DescMessage>(
      method: DescMethodUnary<I, O>,
      signal: AbortSignal | undefined,
      timeoutMs: number | undefined,
      header: Parameters<Transport["unary"]>[3],
      input: MessageInitShape<I>,
      contextValues?: Parameters<Transport["unary"]>[5],
    ) {
      try {
        return await grpc.unary(method, signal, timeoutMs, header, input, contextValues);
      } catch (error) {
        if (!isBrokenSession(error) || signal?.aborted === true) throw error;
        renew();
        return await grpc.unary(method, signal, timeoutMs, header, input, contextValues);
      }
    },
    async stream<I extends DescMessage, O extends DescMessage>(
      method: DescMethodStreaming<I, O>,
      signal: AbortSignal | undefined,
      timeoutMs: number | undefined,
      header: Parameters<Transport["unary"]>[3],
      input: AsyncIterable<MessageInitShape<I>>,
      contextValues?: Parameters<Transport["stream"]>[5],
    ) {
      const replay = new Replayable(input);
      let response: StreamResponse<I, O>;
      try {
        response = await grpc.stream(method, signal, timeoutMs, header, replay.first(), contextValues);
      } catch (error) {
        if (!isBrokenSession(error) || signal?.aborted === true) throw error;
        renew();
        response = await grpc.stream(method, signal, timeoutMs, header, replay.again(), contextValues);
      }
      replay.settle();
      // A refusal seen only once the stream is read cannot be retried (messages may have gone
      // both ways), but the next call gets a new session.
      const messages = response.message;
      return {
        ...response,
        message: (async function* () {
          try {
            yield* messages;
          } catch (error) {
            if (isBrokenSession(error)) renew();
            throw ConnectError.from(error);
          }
        })(),
      } as StreamResponse<I, O>;
    },
  };
}

/**
 * An async iterable that can be read again from the start, continuing the same source. Reads go
 * through one shared pull, so a superseded reader waiting on the source does not take a message
 * from the reader that replaced it.
 */
class Replayable<T> {
  private buffer: T[] = [];
  /** The index (in the source) of `buffer[0]`. */
  private base = 0;
  private recording = true;
  private done = false;
  private pending: Promise<void> | undefined;
  private generation = 0;
  private readonly source: AsyncIterator<T>;

  constructor(input: AsyncIterable<T>) {
    this.source = input[Symbol.asyncIterator]();
  }

  first(): AsyncIterable<T> {
    return this.read();
  }

  again(): AsyncIterable<T> {
    return this.read();
  }

  /** No replay will be asked for: stop keeping what was read. */
  settle(): void {
    this.recording = false;
  }

  private pull(): Promise<void> {
    this.pending ??= this.source.next().then((next) => {
      this.pending = undefined;
      if (next.done === true) this.done = true;
      else this.buffer.push(next.value);
    });
    return this.pending;
  }

  private read(): AsyncIterable<T> {
    const self = this;
    const generation = ++this.generation;
    return {
      async *[Symbol.asyncIterator]() {
        let cursor = self.base;
        for (;;) {
          if (generation !== self.generation) return;
          if (cursor < self.base + self.buffer.length) {
            const value = self.buffer[cursor - self.base] as T;
            cursor++;
            if (!self.recording) {
              self.buffer = self.buffer.slice(cursor - self.base);
              self.base = cursor;
            }
            yield value;
          } else if (self.done) {
            return;
          } else {
            await self.pull();
          }
        }
      },
    };
  }
}
