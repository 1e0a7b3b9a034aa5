/**
 * Tool handlers that run on a {@link WorkerPool}: `handler: inWorker(new URL("./primes.ts", import.meta.url))`.
 * The module exports the handler (as `default`, or the export named by `exportName`) with the same
 * signature as an inline one; it receives the parsed input message and a {@link WorkerHandlerContext}.
 *
 * @module
 */
import type { DescMessage, MessageShape } from "@bufbuild/protobuf";
import { defaultWorkerPool, type WorkerPool } from "./worker-pool.js";
import type { HandlerContext, ToolResultJson } from "./types.js";

/** Options for {@link inWorker}. */
export interface InWorkerOptions {
  /** The module's export to call. Default: `default`. */
  exportName?: string;
  /** The pool to run on. Default: {@link defaultWorkerPool}, shared by the whole process. */
  pool?: WorkerPool;
}

/**
 * What a handler on a worker thread gets: the request's `_meta` and trace context, progress and
 * logs (relayed to the caller through the main thread). `signal` never aborts, because cancelling a
 * running call ends its worker; `request` (server-to-client requests) always rejects.
 */
export type WorkerHandlerContext = Omit<HandlerContext, "request">;

/** The type of a handler module's export, for `satisfies` or annotations in the module itself. */
export type WorkerHandler<I extends DescMessage, O extends DescMessage = DescMessage> = (
  input: MessageShape<I>,
  context: WorkerHandlerContext,
) => Promise<MessageShape<O> | ToolResultJson>;

/**
 * A tool handler that stands for any tool's handler: the module's export has the real types (see
 * {@link WorkerHandler}), which no type check can see across the thread boundary.
 */
export type WorkerToolHandler = <R>(input: unknown, context: HandlerContext) => Promise<R>;

/** A tool handler that runs the handler exported by `module` on a worker thread. */
export function inWorker(module: URL | string, options: InWorkerOptions = {}): WorkerToolHandler {
  return async <R>(input: unknown, context: HandlerContext): Promise<R> => {
    const pool = options.pool ?? defaultWorkerPool();
    const trace =
      context.traceparent === undefined
        ? undefined
        : context.tracestate === undefined
          ? { traceparent: context.traceparent }
          : { traceparent: context.traceparent, tracestate: context.tracestate };
    const answer = await pool.run({
      module,
      ...(options.exportName === undefined ? {} : { exportName: options.exportName }),
      input,
      meta: context.meta,
      headers: [...context.headers],
      trace,
      signal: context.signal,
      // A report that cannot be delivered (the client went away) must not fail the call.
      onProgress: (progress, total, message) => {
        context.progress(progress, total, message).catch(() => undefined);
      },
      onLog: (level, data, logger) => {
        context.log(level, data, logger).catch(() => undefined);
      },
    });
    return answer as R;
  };
}
