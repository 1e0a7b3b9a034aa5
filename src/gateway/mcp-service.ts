/**
 * `mcp.v1.McpService` in front of MCP servers: each unary RPC is the MCP request of the same name,
 * its typed params converted to JSON and its JSON result back to the typed result through the
 * transcoder, so every property (unknown ones and `_meta` included) survives both hops.
 */
import { Buffer } from "node:buffer";
import {
  create,
  type DescMessage,
  type DescMethod,
  fromBinary,
  getOption,
  hasOption,
  toBinary,
} from "@bufbuild/protobuf";
import { Code, ConnectError, type HandlerContext, type ServiceImpl } from "@connectrpc/connect";
import { type JSONRPCMessage, JSONRPCMessageSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { json } from "../../gen/es/mcp/v1/options_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { mcpErrorOf } from "../binary/index.js";
import type { JsonObject, RequestOptions } from "../jsonrpc/index.js";
import { reportUnexpected } from "../observe/index.js";
import { findMessage } from "../schema/index.js";
import { binaryToValue, JsonRpcTranscoder, TranscodeError, valueToBinary } from "../transcode/index.js";
import { ArgumentValidation } from "./argument-validation.js";
import { callEnded } from "./call-ended.js";
import { type CallSlotLimits, CallSlots } from "./call-slots.js";
import { exchange } from "./exchange.js";
import { DEFAULT_QUEUE_LIMITS, MessageQueue, type QueueLimits } from "./message-queue.js";
import { streamOverflow } from "./stream-overflow.js";
import { withTraceContext } from "./trace-context.js";
import type { Upstream } from "./upstream.js";

/** Chooses the upstream for a call (by the `mcp-upstream` header, or the default). */
export type UpstreamPicker = (context: HandlerContext) => Upstream;

/** The MCP method an RPC stands for: `CallTool` is the `method` constant of `CallToolRequest`. */
function mcpMethodOf(rpc: DescMethod): string {
  const request = findMessage(`${rpc.name}Request`);
  const field = request?.fields.find((f) => f.jsonName === "method");
  const constant = field !== undefined && hasOption(field, json) ? getOption(field, json).constant : "";
  if (constant === "")
    throw new Error(`cannot map RPC ${rpc.name}: no ${rpc.name}Request with a constant method`);
  return JSON.parse(constant) as string;
}

/**
 * Typed message -> JSON value, losslessly. A caller's message with no faithful JSON form (such as an
 * `additional_properties` entry that shadows a field) is the caller's error: `invalid_argument`.
 */
function toValue(desc: DescMessage, message: unknown, revision: Upstream["revision"]): JsonObject {
  const bytes = toBinary(desc, message as never);
  try {
    return binaryToValue(desc.typeName, bytes, { revision, requireFields: false }) as JsonObject;
  } catch (error) {
    if (error instanceof TranscodeError) throw new ConnectError(error.message, Code.InvalidArgument);
    throw error;
  }
}

/** JSON value -> typed message, losslessly. */
function fromValue<T extends DescMessage>(desc: T, value: unknown, revision: Upstream["revision"]) {
  try {
    return fromBinary(desc, valueToBinary(desc.typeName, value, { revision, requireFields: false }));
  } catch (error) {
    throw new ConnectError(
      `cannot convert the upstream's answer to ${desc.typeName}: ${String(error)}`,
      Code.Internal,
    );
  }
}

function callOptions(context: HandlerContext) {
  const timeoutMs = context.timeoutMs();
  return { signal: context.signal, ...(timeoutMs !== undefined ? { timeoutMs, waitMs: timeoutMs } : {}) };
}

/** Options of {@link createMcpServiceImpl}. */
export interface McpServiceOptions {
  /** Check `tools/call` arguments against the tool's `inputSchema` before forwarding. Default false. */
  validateArguments?: boolean;
  /** What a server stream may hold for a caller that reads slowly. Default {@link DEFAULT_QUEUE_LIMITS}. */
  streamQueue?: QueueLimits;
  /** Calls in flight, and waiting, per upstream. Default {@link DEFAULT_CALL_SLOT_LIMITS}. */
  callSlots?: CallSlotLimits;
  /**
   * The access decision: called with the exact `method` and `params` of every request before it
   * goes upstream (each unary RPC, `Call`, `Exchange`'s request, `SubscriptionsListen`); throws to
   * refuse it. Synchronous, so a refused request never starts.
   */
  authorize?: (context: HandlerContext, method: string, params: JsonObject | undefined) => void;
}

/**
 * Sends one request of a binary call upstream: with the call's deadline, cancellation and trace
 * context, and its arguments validated when asked to. It first asks the access decision about
 * exactly this `method` and `params` (what the upstream client serialises), and throws
 * synchronously, before returning a promise, when it refuses.
 */
export type Forward = (
  method: string,
  params: JsonObject | undefined,
  extra?: Pick<RequestOptions, "onprogress" | "signal">,
) => Promise<JsonObject>;

/** The McpService implementation. */
export function createMcpServiceImpl(
  pick: UpstreamPicker,
  options: McpServiceOptions = {},
): Partial<ServiceImpl<typeof McpService>> {
  const validations = new WeakMap<Upstream, ArgumentValidation>();
  const slots = new WeakMap<Upstream, CallSlots>();
  const slotsOf = (upstream: Upstream) => {
    let found = slots.get(upstream);
    if (found === undefined) {
      found = new CallSlots(upstream.name, options.callSlots);
      slots.set(upstream, found);
    }
    return found;
  };
  const queueLimits = options.streamQueue ?? DEFAULT_QUEUE_LIMITS;
  const authorize = options.authorize;
  const send =
    (upstream: Upstream, context: HandlerContext): Forward =>
    async (method, params, extra = {}) => {
      const call = callOptions(context);
      const release = await slotsOf(upstream).acquire(extra.signal ?? call.signal);
      try {
        if (options.validateArguments === true && method === "tools/call") {
          let validation = validations.get(upstream);
          if (validation === undefined) {
            validation = new ArgumentValidation(upstream);
            validations.set(upstream, validation);
          }
          await validation.check(params, call.waitMs);
        }
        return await upstream.request(method, withTraceContext(params, context.requestHeader), {
          ...call,
          ...extra,
        });
      } finally {
        release();
      }
    };
  // The one decision point of the gateway: every request reaches `upstream.request` through here.
  const forwarder = (upstream: Upstream, context: HandlerContext): Forward => {
    const forward = send(upstream, context);
    if (authorize === undefined) return forward;
    return (method, params, extra) => {
      authorize(context, method, params);
      return forward(method, params, extra);
    };
  };
  const impl: Record<string, unknown> = {};
  for (const rpc of McpService.methods) {
    if (rpc.methodKind !== "unary") continue;
    const method = mcpMethodOf(rpc);
    impl[rpc.localName] = async (request: unknown, context: HandlerContext) => {
      const upstream = pick(context);
      const params = toValue(rpc.input, request, upstream.revision);
      const result = await forwarder(upstream, context)(method, params);
      return fromValue(rpc.output, result, upstream.revision);
    };
  }
  // The upstream session is the gateway's, initialized once: a binary caller's `Initialize` gets
  // that handshake's result. Forwarding it would re-initialize the session, which a Streamable HTTP
  // server refuses ("Server already initialized").
  const forwardInitialize = impl.initialize as (request: unknown, context: HandlerContext) => unknown;
  impl.initialize = async (request: unknown, context: HandlerContext) => {
    const upstream = pick(context);
    await upstream.ready(context.timeoutMs());
    const handshake = upstream.serverInfo;
    if (upstream.revision !== "2025-11-25" || handshake === undefined)
      return forwardInitialize(request, context);
    return fromValue(McpService.method.initialize.output, handshake, upstream.revision);
  };
  impl.call = (request: unknown, context: HandlerContext) => {
    const upstream = pick(context);
    return call(upstream, request, context, forwarder(upstream, context), queueLimits);
  };
  impl.exchange = (input: AsyncIterable<JSONRPCMessage>, context: HandlerContext) => {
    const upstream = pick(context);
    return exchange(upstream, input, context, forwarder(upstream, context), queueLimits);
  };
  impl.subscriptionsListen = (request: unknown, context: HandlerContext) => {
    const upstream = pick(context);
    // Nothing is sent upstream (the stream relays the upstream's own notifications), but the
    // resources it asks updates about are the caller's to be allowed.
    authorize?.(
      context,
      "subscriptions/listen",
      toValue(McpService.method.subscriptionsListen.input, request, upstream.revision),
    );
    return listen(upstream, context, queueLimits);
  };
  return impl as Partial<ServiceImpl<typeof McpService>>;
}

/**
 * `Call`: one request, then its progress notifications in order, then its response. What the
 * caller has not read yet is held up to `limits`; past them the upstream request is cancelled and
 * the stream ends with `resource_exhausted`.
 */
async function* call(
  upstream: Upstream,
  request: unknown,
  context: HandlerContext,
  forward: Forward,
  limits: QueueLimits,
): AsyncGenerator<JSONRPCMessage> {
  const transcoder = new JsonRpcTranscoder({ revision: upstream.revision, requireFields: false });
  const message = JSON.parse(
    Buffer.from(
      transcoder.toJson(
        toBinary(
          JSONRPCMessageSchema,
          create(JSONRPCMessageSchema, { value: { case: "jsonrpcRequest", value: request as never } }),
        ),
      ),
    ).toString(),
  ) as { id?: unknown; method?: unknown; params?: JsonObject };
  // As `Exchange` refuses a first message that is not a request: an upstream never answers one.
  const id = message.id;
  if (
    typeof message.method !== "string" ||
    message.method === "" ||
    (typeof id !== "string" && typeof id !== "number")
  ) {
    throw new ConnectError("cannot call: the request needs an id and a method", Code.InvalidArgument);
  }
  const method = message.method;
  const callerToken = (message.params?._meta as JsonObject | undefined)?.progressToken;
  const queue = new MessageQueue<JSONRPCMessage>(limits);
  const overflow = new AbortController();
  const push = (value: {
    jsonrpc: string;
    id?: unknown;
    method?: unknown;
    params?: unknown;
    result?: unknown;
    error?: unknown;
  }) => {
    if (overflow.signal.aborted) return;
    let bytes: Uint8Array;
    try {
      bytes = transcoder.toBinary(JSON.stringify(value));
    } catch (error) {
      // A notification the binary form cannot hold is dropped (logged, counted); a response is
      // answered with -32603 saying what cannot be converted and where.
      if (value.method !== undefined) {
        reportUnexpected("gateway.call.notification", error, undefined, { method: String(value.method) });
        return;
      }
      const cause = value.error as { code?: unknown; message?: unknown } | undefined;
      bytes = transcoder.toBinary(
        JSON.stringify({
          jsonrpc: "2.0",
          id,
          error: {
            code: Number(cause?.code ?? -32603),
            message:
              cause !== undefined
                ? String(cause.message).toWellFormed()
                : `cannot convert the upstream's answer to ${method}: ${String(error instanceof Error ? error.message : error).toWellFormed()}`,
          },
        }),
      );
    }
    if (queue.push(fromBinary(JSONRPCMessageSchema, bytes), bytes.byteLength)) return;
    // Aborting the request sends the upstream `notifications/cancelled`.
    overflow.abort();
    queue.fail(streamOverflow(limits, `Call ${method}`));
  };
  const finished = forward(method, message.params, {
    signal: AbortSignal.any([context.signal, overflow.signal]),
    // The upstream reports against the token the MCP client picked; the caller knows its own.
    onprogress: (params) =>
      push({
        jsonrpc: "2.0",
        method: "notifications/progress",
        params: callerToken === undefined ? params : { ...params, progressToken: callerToken },
      }),
  })
    .then(
      (result) => push({ jsonrpc: "2.0", id, result }),
      (error: unknown) => {
        // The call's deadline passed (or its caller cancelled): the stream ends with that status
        // (deadline_exceeded, canceled), not with a JSON-RPC error the caller is no longer owed.
        const ended = callEnded(context);
        if (ended !== undefined) queue.fail(ended);
        else push({ jsonrpc: "2.0", id, error: mcpErrorOf(ConnectError.from(error)) });
      },
    )
    .catch((error: unknown) => {
      // Not even an error answer could be sent: the stream ends with it.
      reportUnexpected("gateway.call.answer", error, undefined, { method });
      queue.fail(ConnectError.from(error));
    })
    .finally(() => queue.end());
  try {
    yield* queue;
    await finished;
  } finally {
    // The caller went away (or the stream failed): stop the upstream's work for it.
    overflow.abort();
  }
}

/**
 * `SubscriptionsListen`: the upstream's own notifications, until the caller hangs up. A caller
 * that falls `limits` behind is dropped with `resource_exhausted`.
 */
async function* listen(upstream: Upstream, context: HandlerContext, limits: QueueLimits) {
  await upstream.ready();
  const transcoder = new JsonRpcTranscoder({ revision: upstream.revision, requireFields: false });
  const queue = new MessageQueue<Uint8Array>(limits);
  const stop = upstream.onNotification((method, params) => {
    const text = JSON.stringify({ jsonrpc: "2.0", method, ...(params !== undefined ? { params } : {}) });
    let bytes: Uint8Array;
    try {
      bytes = transcoder.toBinary(text);
    } catch (error) {
      // One notification the binary form cannot hold is dropped (logged, counted); the stream goes on.
      reportUnexpected("gateway.listen.notification", error, undefined, { upstream: upstream.name, method });
      return;
    }
    if (!queue.push(bytes, bytes.byteLength)) queue.fail(streamOverflow(limits, "SubscriptionsListen"));
  });
  const onAbort = () => queue.end();
  context.signal.addEventListener("abort", onAbort, { once: true });
  try {
    for await (const next of queue) {
      if (context.signal.aborted) return;
      const message = fromBinary(JSONRPCMessageSchema, next);
      if (message.value.case === "jsonrpcNotification") yield message.value.value;
    }
  } finally {
    stop();
    context.signal.removeEventListener("abort", onAbort);
  }
}
