/**
 * The server side of the MCP stdio transport: reads messages from stdin and writes
 * them to stdout, one per line. Only protocol goes to stdout; log to stderr.
 *
 * @module
 */
import type { Readable, Writable } from "node:stream";
import { JsonRpcError, LocalCode } from "./errors.js";
import { readLines, writeLine } from "./line-framing.js";
import type { JsonRpcMessage } from "./messages.js";
import type { CloseInfo, MessageInfo, Transport } from "./transport.js";

/** Streams and limits for {@link StdioServerTransport}. */
export interface StdioServerOptions {
  /** Where messages come from. Default `process.stdin`. */
  stdin?: Readable;
  /** Where messages go. Default `process.stdout`. */
  stdout?: Writable;
  /** Longest accepted line from the client, in bytes. */
  maxLineBytes?: number;
}

/**
 * Serves one MCP client over a pair of byte streams. The transport closes when the
 * input ends (the client closed our stdin, which the spec names as the shutdown
 * signal) or when {@link close} is called. It never ends the process.
 */
export class StdioServerTransport implements Transport {
  private readonly stdin: Readable;
  private readonly stdout: Writable;
  private detach: (() => void) | undefined;
  private started = false;
  private closed = false;
  onmessage?: ((message: JsonRpcMessage, info?: MessageInfo) => void) | undefined;
  onclose?: ((info: CloseInfo) => void) | undefined;
  onerror?: ((error: JsonRpcError) => void) | undefined;

  constructor(private readonly options: StdioServerOptions = {}) {
    this.stdin = options.stdin ?? process.stdin;
    this.stdout = options.stdout ?? process.stdout;
  }

  async start(): Promise<void> {
    if (this.started)
      throw new JsonRpcError(LocalCode.ConnectionClosed, "cannot start transport: already started");
    this.started = true;
    this.detach = readLines(this.stdin, {
      ...(this.options.maxLineBytes === undefined ? {} : { maxLineBytes: this.options.maxLineBytes }),
      onmessage: (message) => this.onmessage?.(message),
      onerror: (error) => this.rejectLine(error),
      onend: (error) => this.finish(error === undefined ? {} : { error }),
    });
  }

  send(message: JsonRpcMessage): Promise<void> {
    if (this.closed) {
      return Promise.reject(
        new JsonRpcError(LocalCode.ConnectionClosed, "cannot send message: transport is closed"),
      );
    }
    return writeLine(this.stdout, message);
  }

  /**
   * A line that is no message (invalid JSON or UTF-8: -32700; not JSON-RPC or too long: -32600)
   * is answered with an error response whose id is null, as JSON-RPC 2.0 section 5 asks when the
   * id cannot be known, so the client learns of it instead of waiting for an answer that never
   * comes; `onerror` hears of it too.
   */
  private rejectLine(error: JsonRpcError): void {
    if (!this.closed) this.send({ ...error.toResponse(undefined), id: null }).catch(() => {});
    this.onerror?.(error);
  }

  async close(): Promise<void> {
    this.finish({});
  }

  private finish(info: CloseInfo): void {
    if (this.closed) return;
    this.closed = true;
    this.detach?.();
    // Stop reading so an idle stdin does not keep the process alive.
    if (this.stdin === process.stdin) this.stdin.pause();
    this.onclose?.(info);
  }
}
