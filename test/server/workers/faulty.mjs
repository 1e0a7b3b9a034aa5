// Worker handlers in plain JavaScript (no tsx needed) for test/server/worker-pool.spec.ts.

/** Echoes the text back, and the trace context the handler was given. */
export async function echo(input, context) {
  return { content: [{ type: "text", text: `${input.text} ${context.traceparent ?? "no-trace"}` }] };
}

/** Ends the worker thread abruptly, as a native crash or an out-of-memory kill would. */
export async function exit() {
  process.exit(3);
}

/** Throws outside the call's promise, which takes the whole worker down. */
export async function uncaught() {
  setTimeout(() => {
    throw new Error("boom outside the handler");
  }, 0);
  return new Promise(() => {});
}

/** A handler failure: the call gets an `isError` result and the worker lives on. */
export async function fails(input) {
  throw new Error(`cannot echo '${input.text}': refused`);
}
