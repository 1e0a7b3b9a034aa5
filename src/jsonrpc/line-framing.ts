/**
 * Newline-delimited JSON framing, as the MCP stdio transport defines it: one message
 * per line, UTF-8, no embedded newlines.
 *
 * Lines are split on the byte 0x0A before any text decoding. UTF-8 never uses 0x0A
 * inside a multi-byte sequence, so a character split across two chunks is decoded
 * whole, and the decoder never sees half a character. A line that is not valid UTF-8
 * is a parse error (-32700).
 *
 * @module
 */
import { Buffer } from "node:buffer";
import type { Readable, Writable } from "node:stream";
import { JsonRpcError, LocalCode } from "./errors.js";
import { ErrorCode, type JsonRpcMessage, parseMessageBytes } from "./messages.js";

/** Default limit for one line: 64 MiB, far above any sane message, far below memory limits. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;

/** Callbacks and limits for {@link LineDecoder}. */
export interface LineDecoderOptions {
  /** Longest accepted line in bytes, without the newline. Default {@link DEFAULT_MAX_LINE_BYTES}. */
  maxLineBytes?: number;
  /** Called with each message, in order. */
  onmessage: (message: JsonRpcMessage) => void;
  /** Called for a line that is not a message (-32700, -32600) or is too long (-32600). */
  onerror: (error: JsonRpcError) => void;
}

/**
 * Turns a byte stream, fed in chunks of any size, into messages. A bad line is
 * reported and skipped; the decoder keeps going with the next line.
 */
export class LineDecoder {
  private readonly maxLineBytes: number;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** True while discarding the rest of an oversized line. */
  private skipping = false;

  constructor(private readonly options: LineDecoderOptions) {
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  }

  /** Feeds one chunk. */
  push(chunk: Uint8Array): void {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(LF, start);
      if (newline === -1) {
        this.keep(chunk.subarray(start));
        return;
      }
      const piece = chunk.subarray(start, newline);
      start = newline + 1;
      if (this.skipping) {
        this.skipping = false;
        continue;
      }
      if (this.pendingBytes + piece.length > this.maxLineBytes) {
        this.reset();
        this.tooLong();
        continue;
      }
      const line = this.pendingBytes === 0 ? piece : this.join(piece);
      this.reset();
      this.emit(line);
    }
  }

  /** Signals the end of input: a last line without newline is still decoded. */
  end(): void {
    if (this.pendingBytes > 0 && !this.skipping) this.emit(this.join(new Uint8Array(0)));
    this.reset();
    this.skipping = false;
  }

  private keep(bytes: Uint8Array): void {
    if (this.skipping || bytes.length === 0) return;
    if (this.pendingBytes + bytes.length > this.maxLineBytes) {
      // Report as soon as the limit is passed instead of buffering an unbounded line.
      this.reset();
      this.skipping = true;
      this.tooLong();
      return;
    }
    // Copy: the caller may reuse the chunk's memory.
    this.pending.push(bytes.slice());
    this.pendingBytes += bytes.length;
  }

  private join(last: Uint8Array): Uint8Array {
    const out = new Uint8Array(this.pendingBytes + last.length);
    let offset = 0;
    for (const part of this.pending) {
      out.set(part, offset);
      offset += part.length;
    }
    out.set(last, offset);
    return out;
  }

  private reset(): void {
    this.pending = [];
    this.pendingBytes = 0;
  }

  private tooLong(): void {
    this.options.onerror(
      new JsonRpcError(
        ErrorCode.InvalidRequest,
        `cannot read line: longer than the limit of ${this.maxLineBytes} bytes`,
      ),
    );
  }

  private emit(line: Uint8Array): void {
    // Tolerate CRLF line ends (Windows peers).
    const end = line.length > 0 && line[line.length - 1] === CR ? line.length - 1 : line.length;
    const bytes = line.subarray(0, end);
    if (isBlank(bytes)) return;
    const message = parseMessageBytes(bytes);
    if (message instanceof JsonRpcError) this.options.onerror(message);
    else this.options.onmessage(message);
  }
}

/** True for a line of JSON whitespace only (space, tab, CR), which carries no message. */
function isBlank(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 0x20 || b === 0x09 || b === CR);
}

/** Encodes one message as a line. `JSON.stringify` escapes newlines inside strings. */
export function encodeLine(message: JsonRpcMessage): string {
  return `${JSON.stringify(message)}\n`;
}

/**
 * Reads messages from a byte stream until it ends. Returns a function that detaches
 * the reader. `onend` fires when the stream ends or fails.
 */
export function readLines(
  stream: Readable,
  options: LineDecoderOptions & { onend?: (error?: JsonRpcError) => void },
): () => void {
  const decoder = new LineDecoder(options);
  const onData = (chunk: Buffer | string) => {
    decoder.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk);
  };
  const onEnd = () => {
    decoder.end();
    detach();
    options.onend?.();
  };
  const onError = (cause: Error) => {
    detach();
    options.onend?.(
      new JsonRpcError(LocalCode.ConnectionClosed, `cannot read stream: ${cause.message}`, { cause }),
    );
  };
  const detach = () => {
    stream.off("data", onData);
    stream.off("end", onEnd);
    stream.off("error", onError);
  };
  stream.on("data", onData);
  stream.on("end", onEnd);
  stream.on("error", onError);
  return detach;
}

/**
 * Writes one message as a line, waiting for `drain` when the stream buffers, so a
 * fast sender cannot grow the buffer without bound.
 */
export function writeLine(stream: Writable, message: JsonRpcMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.destroyed || stream.writableEnded) {
      reject(new JsonRpcError(LocalCode.ConnectionClosed, "cannot send message: stream is closed"));
      return;
    }
    const ok = stream.write(encodeLine(message), (error) => {
      if (error) {
        reject(
          new JsonRpcError(LocalCode.ConnectionClosed, `cannot send message: ${error.message}`, {
            cause: error,
          }),
        );
      } else if (ok) {
        resolve();
      }
    });
    if (!ok) drained(stream).then(resolve);
  });
}

/** The next `drain` of each stream, shared by every write waiting for it. */
const drains = new WeakMap<Writable, Promise<void>>();

/**
 * Resolves at the stream's next `drain`. Concurrent writers share one listener: a listener per
 * waiting write passed the default limit of 10 under load (MaxListenersExceededWarning).
 */
function drained(stream: Writable): Promise<void> {
  let next = drains.get(stream);
  if (next === undefined) {
    next = new Promise((resolve) =>
      stream.once("drain", () => {
        drains.delete(stream);
        resolve();
      }),
    );
    drains.set(stream, next);
  }
  return next;
}
