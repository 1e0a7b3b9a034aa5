// The entry of every worker of a `WorkerPool` (src/server/worker-pool.ts). Plain JavaScript on
// purpose: a worker thread does not inherit the main thread's module hooks, so under tsx a `.ts`
// entry would not load. TypeScript handler modules are loaded by registering tsx in this worker,
// once, the first time one is asked for; plain `.js`/`.mjs` modules need nothing.
//
// Messages in:  { type: "call", id, module, exportName, input, meta, headers, trace }
// Messages out: { type: "result", id, value } | { type: "error", id, message, code? }
//               | { type: "progress", id, progress, total?, message? } | { type: "log", id, level, data, logger? }
// One call runs at a time: the pool sends the next only after a result or an error.
import { parentPort } from "node:worker_threads";

const TYPESCRIPT = /\.(c|m)?tsx?$/;
let tsxRegistered;

async function load(moduleHref, exportName) {
  if (TYPESCRIPT.test(new URL(moduleHref).pathname)) {
    tsxRegistered ??= import("tsx/esm/api").then(({ register }) => register());
    await tsxRegistered;
  }
  const module = await import(moduleHref);
  const handler = module[exportName];
  if (typeof handler !== "function") {
    throw new Error(`cannot run worker handler: ${moduleHref} exports no function '${exportName}'`);
  }
  return handler;
}

parentPort.on("message", async (message) => {
  if (message.type !== "call") return;
  const { id } = message;
  const context = {
    // Cancelling a running call ends this worker, so the signal only ever reports "not aborted";
    // it is here so that handlers written for the main thread run unchanged.
    signal: new AbortController().signal,
    meta: message.meta,
    headers: new Headers(message.headers),
    traceparent: message.trace?.traceparent,
    tracestate: message.trace?.tracestate,
    progress: async (progress, total, text) =>
      parentPort.postMessage({ type: "progress", id, progress, total, message: text }),
    log: async (level, data, logger) => parentPort.postMessage({ type: "log", id, level, data, logger }),
    request: async (method) => {
      throw new Error(`cannot send ${method} from a worker thread`);
    },
  };
  try {
    const handler = await load(message.module, message.exportName);
    const value = await handler(message.input, context);
    parentPort.postMessage({ type: "result", id, value });
  } catch (error) {
    const code = typeof error?.code === "number" ? error.code : undefined;
    const text = error instanceof Error ? (error.rawMessage ?? error.message) : String(error);
    parentPort.postMessage({ type: "error", id, message: text, code });
  }
});
