/**
 * The server side of `mcp.v1.McpService/Exchange`, the bidirectional stream: the caller's first
 * message is a request; the server answers with its notifications (progress, logs), any requests
 * of its own to the client (`sampling/createMessage`, `elicitation/create`, `roots/list`) whose
 * responses the caller sends back on the stream, and last the response.
 *
 * @module
 */
import { Code, ConnectError, type HandlerContext } from "@connectrpc/connect";
import type { JSONRPCMessage } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { mcpErrorOf } from "../binary/index.js";
import { reportUnexpected } from "../observe/index.js";
import { AsyncQueue } from "./async-queue.js";
import type { JsonRecord, JsonValue } from "./codec.js";
import type { McpServer } from "./mcp-server.js";
import { MessageStreamCodec } from "./message-stream-codec.js";

interface Pending {
  method: string;
  resolve(result: JsonRecord): void;
  reject(error: Error): void;
}

/** Answers one `Exchange` stream. */
export function serveExchange(
  server: McpServer,
  input: AsyncIterable<JSONRPCMessage>,
  context: HandlerContext,
): AsyncIterable<JSONRPCMessage> {
  const output = new AsyncQueue<JSONRPCMessage>();
  const codec = new MessageStreamCodec();
  const pending = new Map<string, Pending>();
  const abort = new AbortController();
  context.signal.addEventListener("abort", () => abort.abort(context.signal.reason));
  const send = (json: JsonRecord): void => output.push(codec.encode({ jsonrpc: "2.0", ...json }));
  let nextId = 0;

  const run = async (): Promise<void> => {
    const iterator = input[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (first.done === true) return;
    const request = codec.decode(first.value);
    const id = request.id;
    if (typeof request.method !== "string" || id === undefined) {
      throw new ConnectError("cannot exchange: the first message must be a request", Code.InvalidArgument);
    }
    // The rest of the stream: responses to the server's requests, and a possible cancellation.
    void (async () => {
      for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
        const message = codec.decode(next.value);
        if (message.method === "notifications/cancelled") abort.abort();
        const waiting = message.id === undefined ? undefined : pending.get(String(message.id));
        if (waiting === undefined) continue;
        pending.delete(String(message.id));
        if (message.error !== undefined) {
          const error = message.error as JsonRecord;
          waiting.reject(
            new ConnectError(`client refused ${waiting.method}: ${String(error.message)}`, Code.Unknown),
          );
        } else {
          waiting.resolve((message.result ?? {}) as JsonRecord);
        }
      }
    })().catch((error: unknown) => {
      // The caller's stream failed, or a message on it has no JSON form: the request stops.
      if (!context.signal.aborted) reportUnexpected("server.exchange.read", error);
      abort.abort();
    });
    const requestClient = (method: string, params: JsonRecord): Promise<JsonRecord> =>
      new Promise((resolve, reject) => {
        const ownId = `s${++nextId}`;
        pending.set(ownId, { method, resolve, reject });
        send({ id: ownId, method, params });
      });
    try {
      const result = await server.dispatch(request.method, (request.params ?? {}) as JsonRecord, {
        signal: abort.signal,
        headers: context.requestHeader,
        notify: async (method, params) => send({ method, params }),
        request: requestClient,
      });
      send({ id, result });
    } catch (error) {
      send({ id, error: mcpErrorOf(ConnectError.from(error)) as unknown as JsonValue });
    }
  };
  run().then(
    () => output.end(),
    (error: unknown) => output.fail(error),
  );
  abort.signal.addEventListener("abort", () => {
    for (const waiting of pending.values())
      waiting.reject(new ConnectError("request cancelled", Code.Canceled));
    pending.clear();
  });
  return output;
}
