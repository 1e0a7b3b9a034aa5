/**
 * The MCP face: an MCP server (stdio or Streamable HTTP) whose handlers are binary clients of any
 * `mcp.v1` endpoint. Each request's params become the RPC's message through the transcoder, the
 * RPC's result becomes the JSON-RPC result, and a `ConnectError` becomes a JSON-RPC error.
 * `tools/call` goes over the `Call` stream so that progress and log notifications reach the client
 * (falling back to `CallTool` when the upstream lacks `Call`).
 *
 * @module
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Message } from "@bufbuild/protobuf";
import {
  Code,
  ConnectError,
  type Client,
  createClient,
  type Interceptor,
  type Transport as RpcTransport,
} from "@connectrpc/connect";
import { JSONRPCMessageSchema, JSONRPCRequestSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import {
  type AuthConfig,
  callerOf,
  filterListResult,
  guardHttpRequest,
  hiddenFrom,
  UNAUTHENTICATED_CODE,
} from "../auth/index.js";
import {
  ErrorCode,
  type JsonObject,
  JsonRpcError,
  type JsonRpcRequest,
  MetaKey,
  Peer,
  type RequestContext,
  type RequestHandler,
  STATELESS_REVISION,
  StdioServerTransport,
  StreamableHttpHandler,
  type Transport,
} from "../jsonrpc/index.js";
import { countUnexpectedErrorsIn, type Logger, MetricsRegistry } from "../observe/index.js";
import { type JsonRecord, messageFromValue, valueFromMessage } from "./codec.js";
import { jsonRpcErrorFrom } from "./error-codes.js";
import { exchanged } from "./face-exchange.js";
import { serveListen } from "./face-listen.js";
import { FaceMetrics } from "./face-metrics.js";
import { upstreamHeaders } from "./upstream-headers.js";
import { createUpstreamTransport } from "./upstream-transport.js";
import { FaceSession } from "./face-session.js";
import { convertParams } from "./params-conversion.js";
import { typeNameOf, type UnaryMethod, unaryMethods } from "./methods.js";
import { CACHEABLE_METHODS } from "./types.js";

/** Options for {@link serveMcpFace}. */
export interface McpFaceOptions {
  /** The `mcp.v1` endpoint (gRPC over h2c or TLS), e.g. `http://127.0.0.1:50051`. */
  upstream?: URL | string;
  /**
   * Reaches the `mcp.v1` endpoint through this transport instead of `upstream`, e.g. an in-process
   * `createRouterTransport(server.routes())` that serves a typed server with no port to guard.
   */
  transport?: RpcTransport;
  /**
   * Headers of the MCP client's HTTP request passed on to each upstream RPC as metadata, such as
   * `authorization`, so that a client's credentials reach the service. Case-insensitive; HTTP only.
   */
  forwardHeaders?: readonly string[];
  /** Serve one client on the process's stdin/stdout. */
  stdio?: boolean;
  /** Serve Streamable HTTP at `/mcp` on this address. */
  listen?: { host?: string; port?: number };
  /**
   * Largest message sent to the upstream, in bytes; a larger request is refused (-32602) before it
   * is sent. Default 16 MiB, the gateway's own limit.
   */
  maxMessageBytes?: number;
  /**
   * HTTP only: how long a request body may go without a byte arriving before the request is
   * answered 408 (-32600). Default 5000 ms.
   */
  bodyTimeoutMs?: number;
  /** Host names accepted in `Host`/`Origin` (HTTP only). Default: loopback names. */
  allowedHosts?: readonly string[];
  /**
   * Access control for HTTP clients: 401 without a valid token, 403 for a refused tool or
   * resource, and lists without what the caller's rules refuse.
   */
  auth?: AuthConfig;
  /** A bearer token sent to the upstream (for a gateway that checks tokens). */
  upstreamToken?: string;
  /** Where refusals are logged. */
  logger?: Logger;
  /**
   * Count requests (by method, tool and JSON-RPC code), latency and requests in flight, in this
   * registry or (`true`) a new one, served at `GET /metrics` on the HTTP port.
   */
  metrics?: boolean | MetricsRegistry;
}

/** A running MCP face. */
export interface McpFace {
  /** The MCP endpoint URL when serving HTTP, e.g. `http://127.0.0.1:8080/mcp`. */
  url: string | undefined;
  /** Resolves when the stdio client went away (never for HTTP alone). */
  closed: Promise<void>;
  /** The registry the face counts its requests in, when `metrics` was asked for. */
  metrics: MetricsRegistry | undefined;
  /** Stops serving. */
  close(): Promise<void>;
}

type UpstreamClient = Client<typeof McpService>;
type UnaryCall = (input: Message, options: { signal: AbortSignal; headers?: Headers }) => Promise<Message>;

/** Serves MCP in front of the binary endpoint `options.upstream`. */
export async function serveMcpFace(options: McpFaceOptions): Promise<McpFace> {
  if (options.stdio !== true && options.listen === undefined) {
    throw new Error("cannot serve MCP face: pass stdio or listen");
  }
  if (options.upstream === undefined && options.transport === undefined) {
    throw new Error("cannot serve MCP face: pass upstream or transport");
  }
  const baseUrl = String(options.upstream).replace(/\/$/, "");
  const token = options.upstreamToken;
  const bearer: Interceptor = (next) => (req) => {
    req.header.set("authorization", `Bearer ${token}`);
    return next(req);
  };
  const client = createClient(
    McpService,
    options.transport ??
      createUpstreamTransport({
        baseUrl,
        interceptors: token === undefined ? [] : [bearer],
        ...(options.maxMessageBytes === undefined ? {} : { maxMessageBytes: options.maxMessageBytes }),
      }),
  );
  const forward = options.forwardHeaders;
  const registry = options.metrics === true ? new MetricsRegistry() : options.metrics || undefined;
  const metrics = registry === undefined ? undefined : new FaceMetrics(registry, options.auth);
  // Errors contained anywhere in the process are counted where this face's metrics are read.
  const stopCounting = registry === undefined ? undefined : countUnexpectedErrorsIn(registry);
  const closers: (() => Promise<void>)[] = [];
  let url: string | undefined;
  let closed: Promise<void> = new Promise<void>(() => {});

  if (options.stdio === true) {
    const peer = attachPeer(new StdioServerTransport(), client, forward, undefined, metrics);
    closed = new Promise<void>((resolve) => {
      peer.onclose = () => resolve();
    });
    await peer.start();
    closers.push(() => peer.close());
  }
  if (options.listen !== undefined) {
    const handler = new StreamableHttpHandler({
      ...(options.allowedHosts === undefined ? {} : { allowedHosts: options.allowedHosts }),
      ...(options.bodyTimeoutMs === undefined ? {} : { bodyTimeoutMs: options.bodyTimeoutMs }),
      onsession: async (connection) => {
        await attachPeer(connection, client, forward, options.auth, metrics).start();
      },
    });
    const server = createServer((req, res) => {
      const path = (req.url ?? "").split("?")[0];
      const auth = options.auth;
      if (path === "/metrics" && metrics !== undefined) {
        metrics.serve(req, res);
      } else if (path !== "/mcp") {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found: MCP is served at /mcp\n");
      } else if (auth === undefined) {
        void handler.handle(req, res);
      } else {
        void guardHttpRequest(auth, req, res, options.logger, options.bodyTimeoutMs).then(
          (caller) => (caller === undefined ? metrics?.refused(res.statusCode) : handler.handle(req, res)),
          () => res.destroy(),
        );
      }
    });
    const host = options.listen.host ?? "127.0.0.1";
    await listenOn(server, host, options.listen.port ?? 0);
    const { port } = server.address() as AddressInfo;
    url = `http://${host.includes(":") ? `[${host}]` : host}:${port}/mcp`;
    closers.push(async () => {
      await handler.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });
  }
  return {
    url,
    closed,
    metrics: registry,
    close: async () => {
      stopCounting?.();
      for (const close of closers) await close();
    },
  };
}

function listenOn(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** The ways of calling tools that an upstream client answered with Unimplemented. */
const lacking = new WeakMap<UpstreamClient, Set<string>>();

/**
 * A peer on `transport` whose every mapped MCP method is an RPC on `client`. With `auth`, list
 * results leave out what the caller (named by the request's HTTP headers) may not use; with
 * `metrics`, every request (an unknown method too) is counted.
 */
function attachPeer(
  transport: Transport,
  client: UpstreamClient,
  forward?: readonly string[],
  auth?: AuthConfig,
  metrics?: FaceMetrics,
): Peer {
  const peer = new Peer(transport);
  // What this session's caller set (log level, subscriptions): the session's, not the upstream's.
  const session = new FaceSession(peer, client);
  const handle = (method: string, handler: RequestHandler) =>
    peer.setRequestHandler(method, metrics === undefined ? handler : metrics.observe(handler));
  if (metrics !== undefined) {
    peer.fallbackRequestHandler = metrics.observe(async (request) => {
      throw new JsonRpcError(ErrorCode.MethodNotFound, `cannot handle ${request.method}: method not found`);
    }, "(unknown)");
  }
  const visible = (result: JsonObject, method: string, context: RequestContext): JsonObject => {
    if (auth === undefined) return result;
    const caller = callerOf(auth, context.info?.headers);
    // The HTTP guard let only valid tokens through; a message without one is not shown anything.
    if (caller === undefined) throw new JsonRpcError(UNAUTHENTICATED_CODE, "Unauthorized: no valid token");
    return filterListResult(auth, caller, method, result);
  };
  for (const method of unaryMethods.values()) {
    handle(method.method, async (request, context) =>
      complete(
        request,
        visible(
          await unary(client, method, session.stamp(request), context, forward),
          method.method,
          context,
        ),
        auth !== undefined,
      ),
    );
  }
  const callTool = unaryMethods.get("tools/call");
  // tools/call prefers Exchange (server-to-client requests), then Call (notifications), then
  // CallTool; an upstream that lacks one is remembered so later calls skip it.
  handle("tools/call", async (received, unfiltered) => {
    const request = session.stamp(received);
    const context = session.filtered(unfiltered);
    const lacks = lacking.get(client) ?? new Set<string>();
    lacking.set(client, lacks);
    const ways: [string, () => Promise<JsonObject>][] = [
      ["exchange", () => exchanged(client, request, context, upstreamHeaders(request, context, forward))],
      ["call", () => streamed(client, request, context, forward)],
    ];
    if (callTool !== undefined)
      ways.push(["callTool", () => unary(client, callTool, request, context, forward)]);
    for (const [name, way] of ways) {
      if (lacks.has(name)) continue;
      try {
        return complete(request, await way());
      } catch (error) {
        if (error instanceof ConnectError && error.code === Code.Unimplemented && name !== "callTool") {
          lacks.add(name);
          continue;
        }
        throw error instanceof JsonRpcError ? error : jsonRpcErrorFrom(error);
      }
    }
    throw new JsonRpcError(ErrorCode.MethodNotFound, "the upstream implements no way to call tools");
  });
  // 2026-07-28: list changes and resource updates arrive on a listen request's own stream.
  handle("subscriptions/listen", (request, context) =>
    serveListen(
      client,
      request,
      context,
      upstreamHeaders(request, context, forward),
      auth === undefined ? undefined : (n) => hiddenFromCaller(auth, context, n),
    ),
  );
  // A session's level and subscriptions are the face's to keep (see FaceSession): the level is
  // sent with each request, never as the upstream's `SetLevel`. `Subscribe` still goes upstream,
  // which checks it (a refused resource) and, if it keeps a session of its own (the gateway),
  // needs it to hear updates at all.
  handle("logging/setLevel", async (request) => {
    session.setLevel(request.params?.level);
    return complete(request, {});
  });
  const subscribe = unaryMethods.get("resources/subscribe");
  if (subscribe !== undefined) {
    handle("resources/subscribe", async (request, context) => {
      const result = await unary(client, subscribe, request, context, forward);
      session.subscribe(String(request.params?.uri ?? ""));
      return complete(request, result);
    });
    // Not sent upstream: an upstream that holds one session for every caller (the gateway) would
    // drop the subscription of every other session too. This session stops hearing at once.
    handle("resources/unsubscribe", async (request) => {
      session.unsubscribe(String(request.params?.uri ?? ""));
      return complete(request, {});
    });
  }
  peer.setNotificationHandler("notifications/initialized", (_, info) => {
    if (auth !== undefined) {
      // The session's caller is the one that initialized it; without a valid token it hears nothing.
      const caller = callerOf(auth, info?.headers);
      session.hidden = (n) => caller === undefined || hiddenFrom(auth, caller, n);
    }
    session.relayListChanges();
  });
  return peer;
}

/** Whether the caller of `context` (named by its HTTP headers) may not see `notification`. */
function hiddenFromCaller(auth: AuthConfig, context: RequestContext, notification: unknown): boolean {
  const caller = callerOf(auth, context.info?.headers);
  return caller === undefined || hiddenFrom(auth, caller, notification);
}

/**
 * A 2026-07-28 request (its `_meta` names the revision) needs `resultType` in every result; an
 * upstream written for 2025-11-25 leaves it out, so the face fills in `"complete"`. The results
 * that carry caching hints (`ttlMs`, `cacheScope`: discover, the lists, `resources/read`) get
 * `ttlMs: 0` (stale at once) and `cacheScope: "private"` when the upstream sent none: the face
 * cannot tell whether an upstream's answer depends on the caller. A list filtered by the caller's
 * `auth` rules is always `"private"`.
 */
function complete(request: JsonRpcRequest, result: JsonObject, filtered = false): JsonObject {
  const meta = request.params?._meta as JsonObject | undefined;
  if (meta?.[MetaKey.ProtocolVersion] !== STATELESS_REVISION && request.method !== "server/discover") {
    return result;
  }
  const out: JsonObject = result.resultType === undefined ? { ...result, resultType: "complete" } : { ...result };
  if (CACHEABLE.has(request.method)) {
    out.ttlMs = typeof out.ttlMs === "number" ? out.ttlMs : Number(out.ttlMs ?? 0);
    if (filtered || (out.cacheScope !== "public" && out.cacheScope !== "private")) out.cacheScope = "private";
  }
  return out;
}

/** The methods whose 2026-07-28 results carry `ttlMs` and `cacheScope`. */
const CACHEABLE: ReadonlySet<string> = new Set(CACHEABLE_METHODS);

async function unary(
  client: UpstreamClient,
  method: UnaryMethod,
  request: JsonRpcRequest,
  context: RequestContext,
  forward?: readonly string[],
): Promise<JsonObject> {
  const input = convertParams(() =>
    messageFromValue(method.input, typeNameOf(method.input), request.params ?? {}),
  );
  const call = client[method.rpc] as unknown as UnaryCall;
  let output: Message;
  try {
    output = await call(input, withHeaders({ signal: context.signal }, request, context, forward));
  } catch (error) {
    throw jsonRpcErrorFrom(error);
  }
  return valueFromMessage(method.output, typeNameOf(method.output), output as never) as JsonObject;
}

/** Sends the request on `Call`, relays its notifications, and returns its result. */
async function streamed(
  client: UpstreamClient,
  request: JsonRpcRequest,
  context: RequestContext,
  forward?: readonly string[],
): Promise<JsonObject> {
  const message = convertParams(() =>
    messageFromValue(JSONRPCRequestSchema, "JSONRPCRequest", {
      jsonrpc: "2.0",
      id: context.requestId,
      method: request.method,
      params: request.params ?? {},
    }),
  );
  for await (const reply of client.call(
    message,
    withHeaders({ signal: context.signal }, request, context, forward),
  )) {
    const json = valueFromMessage(JSONRPCMessageSchema, "JSONRPCMessage", reply);
    if (typeof json.method === "string") {
      await context.sendNotification(json.method, (json.params ?? undefined) as JsonObject | undefined);
    } else if (json.error !== undefined) {
      const error = json.error as JsonRecord;
      throw new JsonRpcError(Number(error.code), String(error.message), { data: error.data });
    } else {
      return (json.result ?? {}) as JsonObject;
    }
  }
  throw new JsonRpcError(ErrorCode.InternalError, "upstream ended the call without a response");
}

/** Call options with the request's upstream headers (forwarded HTTP headers, trace context), if any. */
function withHeaders(
  options: { signal: AbortSignal },
  request: JsonRpcRequest,
  context: RequestContext,
  forward: readonly string[] | undefined,
): { signal: AbortSignal; headers?: Headers } {
  const headers = upstreamHeaders(request, context, forward);
  return headers === undefined ? options : { ...options, headers };
}
