/**
 * A POST body, read once per request: the access guard reads it to decide on the very message the
 * Streamable HTTP handler then serves, and both get the same bytes (or the same refusal) from here.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import type { IncomingMessage } from "node:http";

/** What reading a body came to: its bytes, `undefined` past the limit, `"timeout"` when it stalled. */
export type RequestBody = Buffer | undefined | "timeout";

/** How long a body may go without a byte arriving, by default, before it is given up. */
export const DEFAULT_BODY_TIMEOUT_MS = 5000;

const bodies = new WeakMap<IncomingMessage, Promise<RequestBody>>();

/**
 * The body of `req`, read at most once whoever asks first: undefined when it passes `limit` bytes,
 * `"timeout"` when no byte came for `idleMs`. The first reader's limits apply to every reader.
 */
export function readRequestBody(req: IncomingMessage, limit: number, idleMs: number): Promise<RequestBody> {
  let body = bodies.get(req);
  if (body === undefined) {
    body = readBody(req, limit, idleMs);
    bodies.set(req, body);
  }
  return body;
}

/**
 * Reads the body's bytes; undefined when it passes `limit` bytes, `"timeout"` when no byte came for
 * `idleMs`. A body left unread is drained in the background.
 */
function readBody(req: IncomingMessage, limit: number, idleMs: number): Promise<RequestBody> {
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (declared > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = (result: RequestBody | Error): void => {
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
      if (result instanceof Error) reject(result);
      else {
        if (!req.complete) req.resume();
        resolve(result);
      }
    };
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => finish("timeout"), idleMs);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) return finish(undefined);
      chunks.push(chunk);
      arm();
    };
    const onEnd = (): void => finish(Buffer.concat(chunks, size));
    const onError = (error: Error): void => finish(error);
    const onClose = (): void => finish(new Error("the client went away before the request body ended"));
    req.on("data", onData);
    req.once("close", onClose);
    req.once("end", onEnd);
    req.once("error", onError);
    arm();
  });
}
