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
import { JsonRpcTranscoder } from "../transcode/index.js";
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
    const { message, bytes } = codec.encode({ jsonrpc: "2.0", ...json });
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
        signal.addEventListener("abort", () => {
          if (!waiting.delete(ownId)) return;
          reject(new JsonRpcError(ErrorCode.InternalError, "request cancelled by the server"));
          // The caller may be asking a person or a model: tell it to stop.
          send({ method: "notifications/cancelled", params: { requestId: ownId } });
        });
        send({ id: ownId, method, ...(params === undefined ? {} : { params }) });
      }),
  );

  // The rest of the stream: answers to the upstream's requests, and a possible cancellation.
  void (async () => {
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
      const message = codec.decode(next.value);
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
        (error: unknown) =>
          send({ id, error: mcpErrorOf(ConnectError.from(error)) as unknown as JsonObject }),
      )
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
