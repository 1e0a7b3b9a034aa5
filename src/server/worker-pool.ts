/**
 * A pool of `node:worker_threads` for CPU-bound tool handlers, so that a long computation never
 * blocks the event loop that answers every other request (the executor pattern of the MCP guides).
 *
 * Each worker runs one call at a time. Calls beyond the busy workers wait in one FIFO queue of at
 * most `maxQueue` calls; past that a call fails at once with `ResourceExhausted` (an MCP client sees
 * JSON-RPC error -32603 whose `data.reason` is `"resource_exhausted"`), so a flood of slow calls
 * cannot grow memory without bound. A queued call whose client cancels leaves the queue; a running
 * call whose client cancels ends its worker (CPU-bound code cannot be interrupted any other way),
 * and a fresh worker is started when a call needs one. A worker that crashes fails its call with
 * `Internal` and is replaced the same way.
 *
 * @module
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import { ErrorSchema } from "../../gen/es/mcp/v1/errors_pb.js";
import { contained, type TraceContext } from "../observe/index.js";
import type { JsonRecord, JsonValue } from "./codec.js";
import type { LoggingLevel } from "./types.js";

/** Options for {@link createWorkerPool}. */
export interface WorkerPoolOptions {
  /** How many worker threads at most (started on demand). Default: `os.availableParallelism()`. */
  size?: number;
  /** How many calls may wait for a free worker. Default: 64 per worker. */
  maxQueue?: number;
}

/** One call for a worker: which module's function to run on what. */
export interface WorkerCall {
  /** The handler module (`.ts` under tsx, or `.js`/`.mjs`), as a `file:` URL. */
  module: URL | string;
  /** The module's export to call. Default: `default`. */
  exportName?: string;
  /** The argument; it crosses threads by structured clone (protobuf-es messages do). */
  input: unknown;
  /** Passed to the handler as `context.meta`. */
  meta?: JsonRecord | undefined;
  /** Passed to the handler as `context.headers`. */
  headers?: [string, string][] | undefined;
  /** Passed to the handler as `context.traceparent` / `context.tracestate`. */
  trace?: TraceContext | undefined;
  /** Cancels the call: a queued call leaves the queue, a running one ends its worker. */
  signal?: AbortSignal;
  /** Receives the handler's `context.progress(...)` reports. */
  onProgress?: (progress: number, total?: number, message?: string) => void;
  /** Receives the handler's `context.log(...)` messages. */
  onLog?: (level: LoggingLevel, data: JsonValue, logger?: string) => void;
}

interface Job extends WorkerCall {
  id: number;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
}

type WorkerReply =
  | { type: "result"; id: number; value: unknown }
  | { type: "error"; id: number; message: string; code?: number }
  | { type: "progress"; id: number; progress: number; total?: number; message?: string }
  | { type: "log"; id: number; level: LoggingLevel; data: JsonValue; logger?: string };

const BOOTSTRAP = new URL("./worker-bootstrap.mjs", import.meta.url);

/** Runs handler modules on worker threads with a bounded queue. Make one with {@link createWorkerPool}. */
export class WorkerPool {
  /** The most workers this pool runs. */
  readonly size: number;
  /** The most calls that wait for a worker. */
  readonly maxQueue: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;

  constructor(options: WorkerPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.maxQueue = Math.max(0, options.maxQueue ?? 64 * this.size);
  }

  /** Calls waiting for a worker now. */
  get queued(): number {
    return this.queue.length;
  }

  /** Workers running a call now. */
  get busy(): number {
    return this.slots.filter((slot) => slot.job !== undefined).length;
  }

  /** Runs one call on a worker and resolves to what its handler returned. */
  run(call: WorkerCall): Promise<unknown> {
    if (this.closed)
      return Promise.reject(new ConnectError("cannot run call: worker pool closed", Code.Unavailable));
    if (call.signal?.aborted === true) return Promise.reject(cancelled());
    return new Promise((resolve, reject) => {
      const job: Job = { ...call, id: this.nextId++, resolve, reject };
      const idle = this.idleSlot();
      if (idle !== undefined) {
        this.start(idle, job);
        return;
      }
      if (this.queue.length >= this.maxQueue) {
        reject(queueFull(this.queue.length, this.size));
        return;
      }
      this.queue.push(job);
      call.signal?.addEventListener("abort", () => this.cancelQueued(job), { once: true });
    });
  }

  /** Ends every worker; running and queued calls fail with `Unavailable`. */
  async close(): Promise<void> {
    this.closed = true;
    const gone = new ConnectError("cannot finish call: worker pool closed", Code.Unavailable);
    for (const job of this.queue.splice(0)) job.reject(gone);
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        slot.job?.reject(gone);
        return slot.worker.terminate();
      }),
    );
  }

  private idleSlot(): Slot | undefined {
    const idle = this.slots.find((slot) => slot.job === undefined);
    if (idle !== undefined || this.slots.length >= this.size) return idle;
    const slot: Slot = { worker: this.spawn(), job: undefined };
    this.slots.push(slot);
    this.watch(slot);
    return slot;
  }

  private spawn(): Worker {
    const worker = new Worker(BOOTSTRAP);
    // An idle pool must not keep the process alive; a running call is awaited by someone anyway.
    worker.unref();
    return worker;
  }

  private watch(slot: Slot): void {
    const worker = slot.worker;
    worker.on("message", (reply: WorkerReply) =>
      contained("server.worker.message", () => this.onReply(slot, reply)),
    );
    worker.on("error", (error) => this.replace(slot, worker, crashed(error)));
    worker.on("exit", (code) =>
      this.replace(slot, worker, crashed(new Error(`worker exited with code ${code}`))),
    );
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    if (job.signal !== undefined) {
      const onAbort = () => {
        if (slot.job === job) this.replace(slot, slot.worker, cancelled());
      };
      job.signal.addEventListener("abort", onAbort, { once: true });
    }
    const module = job.module instanceof URL ? job.module.href : job.module;
    try {
      slot.worker.postMessage({
        type: "call",
        id: job.id,
        module,
        exportName: job.exportName ?? "default",
        input: job.input,
        meta: job.meta,
        headers: job.headers,
        trace: job.trace,
      });
    } catch (error) {
      // The input could not be cloned; the worker never saw it and stays usable.
      slot.job = undefined;
      job.reject(new ConnectError(`cannot send call to worker: ${messageOf(error)}`, Code.InvalidArgument));
      this.next(slot);
    }
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    const job = slot.job;
    if (job === undefined || job.id !== reply.id) return;
    switch (reply.type) {
      // A worker's message event runs outside any handler: what its listener throws stays here.
      case "progress":
        contained("server.worker.progress", () =>
          job.onProgress?.(reply.progress, reply.total, reply.message),
        );
        return;
      case "log":
        contained("server.worker.log", () => job.onLog?.(reply.level, reply.data, reply.logger));
        return;
      case "result":
        slot.job = undefined;
        job.resolve(reply.value);
        break;
      case "error":
        slot.job = undefined;
        // A ConnectError thrown in the worker keeps its code; anything else is a tool failure.
        job.reject(
          reply.code === undefined ? new Error(reply.message) : new ConnectError(reply.message, reply.code),
        );
        break;
    }
    this.next(slot);
  }

  /**
   * Ends `worker` (if `slot` still holds it) and fails its call with `reason`. A fresh worker is
   * started only for a waiting call, so a worker that dies at once cannot respawn in a loop.
   */
  private replace(slot: Slot, worker: Worker, reason: ConnectError): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || slot.worker !== worker) return;
    this.slots.splice(index, 1);
    const job = slot.job;
    slot.job = undefined;
    worker.removeAllListeners();
    void worker.terminate();
    job?.reject(reason);
    if (this.closed || this.queue.length === 0) return;
    const fresh = this.idleSlot();
    if (fresh !== undefined) this.next(fresh);
  }

  private next(slot: Slot): void {
    const job = this.queue.shift();
    if (job !== undefined) this.start(slot, job);
  }

  private cancelQueued(job: Job): void {
    const index = this.queue.indexOf(job);
    if (index < 0) return;
    this.queue.splice(index, 1);
    job.reject(cancelled());
  }
}

/** Makes a worker pool; see {@link WorkerPool} for how it queues, cancels and recovers. */
export function createWorkerPool(options: WorkerPoolOptions = {}): WorkerPool {
  return new WorkerPool(options);
}

let shared: WorkerPool | undefined;

/** The process-wide pool that `inWorker` uses when given none, made on first use with the defaults. */
export function defaultWorkerPool(): WorkerPool {
  shared ??= new WorkerPool();
  return shared;
}

function queueFull(queued: number, size: number): ConnectError {
  const message = `cannot run tool: all ${size} worker threads are busy and ${queued} calls already wait; retry later`;
  const detail = create(ErrorSchema, {
    code: -32603n,
    message,
    data: JSON.stringify({ reason: "resource_exhausted", queued, workers: size }),
  });
  return new ConnectError(message, Code.ResourceExhausted, undefined, [{ desc: ErrorSchema, value: detail }]);
}

function cancelled(): ConnectError {
  return new ConnectError("call cancelled", Code.Canceled);
}

function crashed(error: unknown): ConnectError {
  return new ConnectError(
    `cannot finish call: the worker thread crashed: ${messageOf(error)}`,
    Code.Internal,
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
