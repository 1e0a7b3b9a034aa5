/**
 * The gateway side of `mcp.v1.McpService/Exchange`, the bidirectional stream: the caller's first
 * message is a request, sent upstream; the caller then receives the request's progress, every
 * request the upstream makes of its client meanwhile (`sampling/createMessage`,
 * `elicitation/create`, `roots/list`), and last the response. The caller answers those requests on
 * the same stream, and the answers go back to the upstream.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { Code, ConnectError, type HandlerContext } from "@connectrpc/connect";
import { type JSONRPCMessage, JSONRPCMessageSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { mcpErrorOf } from "../binary/index.js";
import { ErrorCode, type JsonObject, JsonRpcError } from "../jsonrpc/index.js";
import { reportUnexpected } from "../observe/index.js";
import { JsonRpcTranscoder } from "../transcode/index.js";
import { callEnded } from "./call-ended.js";
import type { Forward } from "./mcp-service.js";
import { DEFAULT_QUEUE_LIMITS, MessageQueue, type QueueLimits } from "./message-queue.js";
import { streamOverflow } from "./stream-overflow.js";
import type { Upstream } from "./upstream.js";

interface Waiting {
  resolve(result: JsonObject): void;
  reject(error: Error): void;
}

/** JSON-RPC messages of one stream as protobuf-es messages and back, in the upstream's revision. */
class StreamCodec {
  private readonly transcoder: JsonRpcTranscoder;

  constructor(revision: Upstream["revision"]) {
    this.transcoder = new JsonRpcTranscoder({ revision, requireFields: false });
  }

  /** The message, and its size on the wire (what a queue counts). */
  encode(json: JsonObject): { message: JSONRPCMessage; bytes: number } {
    const bytes = this.transcoder.toBinary(JSON.stringify(json));
    return { message: fromBinary(JSONRPCMessageSchema, bytes), bytes: bytes.byteLength };
  }

  decode(message: JSONRPCMessage): JsonObject {
    const bytes = this.transcoder.toJson(toBinary(JSONRPCMessageSchema, message));
    return JSON.parse(Buffer.from(bytes).toString("utf8")) as JsonObject;
  }
}

/**
 * Serves one `Exchange` stream against `upstream`. What the caller has not read yet is held up to
 * `limits`; past them the upstream request is cancelled and the stream ends `resource_exhausted`.
 */
export async function* exchange(
  upstream: Upstream,
  input: AsyncIterable<JSONRPCMessage>,
  context: HandlerContext,
  forward: Forward,
  limits: QueueLimits = DEFAULT_QUEUE_LIMITS,
): AsyncGenerator<JSONRPCMessage> {
  await upstream.ready(context.timeoutMs());
  const codec = new StreamCodec(upstream.revision);
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next().catch((error: unknown) => {
    throw unparseableIsInvalid(error);
  });
  if (first.done === true) return;
  const request = decodeOrRefuse(codec, first.value);
  const id = request.id;
  if (typeof request.method !== "string" || (typeof id !== "string" && typeof id !== "number")) {
    throw new ConnectError("cannot exchange: the first message must be a request", Code.InvalidArgument);
  }
  const output = new MessageQueue<JSONRPCMessage>(limits);
  const abort = new AbortController();
  const send = (json: JsonObject): void => {
    const encoded = encodeOrAnswer(codec, json, String(request.method));
    if (encoded === undefined) return;
    const { message, bytes } = encoded;
    if (output.push(message, bytes) || abort.signal.aborted) return;
    // Aborting the request sends the upstream `notifications/cancelled`.
    output.fail(streamOverflow(limits, `Exchange ${String(request.method)}`));
    abort.abort();
  };
  const onAbort = () => abort.abort(context.signal.reason);
  context.signal.addEventListener("abort", onAbort, { once: true });
  const waiting = new Map<string, Waiting>();
  let nextId = 0;

  // The upstream's requests of its client, while this call runs, are asked of this caller.
  const stopRelaying = upstream.relayClientRequests(
    (method, params, signal) =>
      new Promise<JsonObject>((resolve, reject) => {
        const ownId = `protomcp-gateway-${++nextId}`;
        waiting.set(ownId, { resolve, reject });
        // A request the caller's binary form cannot hold throws here: the upstream's request is
        // answered with that error (the executor's throw rejects it).
        const stop = () => waiting.delete(ownId);
        signal.addEventListener("abort", () => {
          if (!waiting.delete(ownId)) return;
          reject(new JsonRpcError(ErrorCode.InternalError, "request cancelled by the server"));
          // The caller may be asking a person or a model: tell it to stop.
          send({ method: "notifications/cancelled", params: { requestId: ownId } });
        });
        try {
          send({ id: ownId, method, ...(params === undefined ? {} : { params }) });
        } catch (error) {
          stop();
          throw new JsonRpcError(
            ErrorCode.InternalError,
            `cannot relay ${method} to the binary caller: ${describeError(error)}`,
          );
        }
      }),
  );

  // The rest of the stream: answers to the upstream's requests, and a possible cancellation.
  void (async () => {
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
      let message: JsonObject;
      try {
        message = codec.decode(next.value);
      } catch (error) {
        // The caller's message has no JSON form: the stream ends with that, and the request stops.
        output.fail(
          new ConnectError(
            `cannot read a message of the exchange: ${describeError(error)}`,
            Code.InvalidArgument,
          ),
        );
        abort.abort();
        return;
      }
      if (message.method === "notifications/cancelled") abort.abort();
      const key = message.id === undefined ? undefined : String(message.id);
      const answered = key === undefined ? undefined : waiting.get(key);
      if (answered === undefined || key === undefined) continue;
      waiting.delete(key);
      const error = message.error as JsonObject | undefined;
      if (error !== undefined) {
        answered.reject(new JsonRpcError(Number(error.code), String(error.message), { data: error.data }));
      } else answered.resolve((message.result ?? {}) as JsonObject);
    }
  })().catch(() => abort.abort());

  const params = request.params as JsonObject | undefined;
  const callerToken = (params?._meta as JsonObject | undefined)?.progressToken;
  try {
    // `forward` decides on the request as it goes upstream, and throws (ending the stream
    // `permission_denied`) when the caller's rules refuse it. Later messages never reach the
    // upstream as requests: they only answer its requests, or cancel.
    forward(request.method, params, {
      signal: abort.signal,
      onprogress: (progress) =>
        send({
          method: "notifications/progress",
          params: callerToken === undefined ? progress : { ...progress, progressToken: callerToken },
        }),
    })
      .then(
        (result) => send({ id, result }),
        (error: unknown) => {
          const ended = callEnded(context);
          if (ended !== undefined) output.fail(ended);
          else send({ id, error: mcpErrorOf(ConnectError.from(error)) as unknown as JsonObject });
        },
      )
      .catch((error: unknown) => {
        // Not even an error answer could be sent: the stream ends with it.
        reportUnexpected("gateway.exchange.answer", error, undefined, { method: String(request.method) });
        output.fail(ConnectError.from(error));
      })
      .finally(() => output.end());
    yield* output;
  } finally {
    stopRelaying();
    context.signal.removeEventListener("abort", onAbort);
    for (const w of waiting.values())
      w.reject(new JsonRpcError(ErrorCode.InternalError, "the binary caller went away"));
    waiting.clear();
  }
}

/** An error's message for a JSON-RPC or Connect error: well-formed text, whatever it held. */
function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).toWellFormed();
}

/**
 * `json` encoded for the caller. A response the binary form cannot hold (a string with a lone
 * surrogate where protobuf has a `string`) is answered with -32603 saying what and where instead; a
 * notification is dropped (logged and counted); a request throws (its sender is answered).
 */
function encodeOrAnswer(
  codec: StreamCodec,
  json: JsonObject,
  method: string,
): { message: JSONRPCMessage; bytes: number } | undefined {
  try {
    return codec.encode({ jsonrpc: "2.0", ...json });
  } catch (error) {
    if (typeof json.method === "string") {
      if (json.id !== undefined) throw error;
      reportUnexpected("gateway.exchange.notification", error, undefined, { method: json.method });
      return undefined;
    }
    const cause = json.error as JsonObject | undefined;
    const message =
      cause !== undefined
        ? String(cause.message).toWellFormed()
        : `cannot convert the upstream's answer to ${method}: ${describeError(error)}`;
    return codec.encode({
      jsonrpc: "2.0",
      id: json.id ?? null,
      error: { code: Number(cause?.code ?? ErrorCode.InternalError), message },
    });
  }
}

function decodeOrRefuse(codec: StreamCodec, message: JSONRPCMessage): JsonObject {
  try {
    return codec.decode(message);
  } catch (error) {
    throw new ConnectError(`cannot read the exchange's request: ${String(error)}`, Code.InvalidArgument);
  }
}

/**
 * connect-es reports a request message it cannot parse as `internal` (the same code a client uses
 * for a response it cannot parse); on the server it is the caller's bad input.
 */
function unparseableIsInvalid(error: unknown): ConnectError {
  const e = ConnectError.from(error);
  if (e.code === Code.Internal && e.rawMessage.startsWith("parse binary"))
    return new ConnectError(e.rawMessage, Code.InvalidArgument);
  return e;
}
