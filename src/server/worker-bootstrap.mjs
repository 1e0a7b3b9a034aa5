// The entry of every worker of a `WorkerPool` (src/server/worker-pool.ts). Plain JavaScript on
// purpose, copied as it is into dist/: a worker thread does not inherit module hooks registered at
// run time in the main thread (tsx's `register()`), so a `.ts` entry would not load in a checkout.
// Plain `.js`/`.mjs` handler modules need nothing. For a TypeScript one, tsx is registered in this
// worker the first time one is asked for, where tsx can be found (a checkout, or an app that has it);
// elsewhere the module loads with what the worker inherited from the process: `--import <loader>`
// flags, or Node's own type stripping (Node 22.18+, 23.6+).
//
// Messages in:  { type: "call", id, module, exportName, input, meta, headers, trace }
// Messages out: { type: "result", id, value } | { type: "error", id, message, code? }
//               | { type: "progress", id, progress, total?, message? } | { type: "log", id, level, data, logger? }
// One call runs at a time: the pool sends the next only after a result or an error.
import { parentPort } from "node:worker_threads";

const TYPESCRIPT = /\.(c|m)?tsx?$/;
let tsxRegistered;

async function registerTsx() {
  try {
    const { register } = await import("tsx/esm/api");
    register();
  } catch (error) {
    if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
  }
}

async function load(moduleHref, exportName) {
  if (TYPESCRIPT.test(new URL(moduleHref).pathname)) {
    tsxRegistered ??= registerTsx();
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
