/**
 * `protomcp gateway`: a binary `mcp.v1` endpoint (Connect, gRPC, gRPC-Web) whose handlers are MCP
 * clients of one or more upstream MCP servers, chosen per call by the `mcp-upstream` header.
 */
import { Buffer } from "node:buffer";
import { Code, ConnectError, type HandlerContext } from "@connectrpc/connect";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { type AuthConfig, CALLER, createAuthInterceptor, createRequestAuthorizer } from "../auth/index.js";
import { type BinaryServer, type ListenOptions, startBinaryServer } from "../binary/index.js";
import {
  countUnexpectedErrorsIn,
  createLogger,
  type Logger,
  type MetricsEndpoint,
  MetricsRegistry,
  OTHER_LABEL,
  serveMetrics,
} from "../observe/index.js";
import { createCallObserver, metricsRoute } from "./call-observer.js";
import { DEFAULT_CALL_SLOT_LIMITS } from "./call-slots.js";
import { createMcpServiceImpl } from "./mcp-service.js";
import { DEFAULT_QUEUE_LIMITS } from "./message-queue.js";
import { Upstream } from "./upstream.js";
import type { UpstreamConfig, UpstreamEnvPolicy } from "./upstream-config.js";

/** The header that names the upstream a call is for. */
export const UPSTREAM_HEADER = "mcp-upstream";

/** What a gateway fronts, and where it listens. */
export interface GatewayOptions extends ListenOptions {
  /** Upstreams by name; the first is the default for calls that name none. */
  upstreams: Map<string, UpstreamConfig>;
  logger?: Logger;
  /** Access control: without it, every caller may call everything. */
  auth?: AuthConfig;
  /**
   * Check `tools/call` arguments against the upstream tool's `inputSchema` (ajv; draft 2020-12, or
   * draft-07 when the schema says so) before forwarding: a mismatch is `invalid_argument`, with the
   * MCP error -32602 in the details. Default false.
   */
  validateArguments?: boolean;
  /**
   * Where call metrics go. Default: a new registry. Served at `GET /metrics` on the same port, to
   * callers `auth` lets in when it is given, unless {@link metricsListen} names another address.
   */
  metrics?: MetricsRegistry;
  /**
   * Serve `GET /metrics` on this address of its own (plain HTTP, no auth: put it where only the
   * scraper reaches), and not on the gateway's port.
   */
  metricsListen?: { host?: string; port?: number };
  /**
   * What of this process's environment stdio upstreams inherit besides their `env`. Default: the
   * official SDK's small set (HOME, LOGNAME, PATH, SHELL, TERM, USER on POSIX). The tokens `auth`
   * accepts and the TLS key are withheld whatever this says.
   */
  upstreamEnv?: UpstreamEnvPolicy;
  /**
   * Most messages a server stream (`Call`, `Exchange`, `SubscriptionsListen`) holds for a caller
   * that has not read them; past this (or {@link maxStreamQueueBytes}) the upstream request is
   * cancelled and the stream ends `resource_exhausted`. Default 8192.
   */
  maxStreamQueueMessages?: number;
  /** Most bytes (protobuf encoding) a server stream holds for its caller. Default 16 MiB. */
  maxStreamQueueBytes?: number;
  /** Most calls in flight to one upstream. Default 64. */
  maxConcurrentPerUpstream?: number;
  /**
   * Most calls waiting (in order, within their deadline) for one of an upstream's slots; more are
   * `resource_exhausted` at once. Default 64.
   */
  maxWaitingPerUpstream?: number;
  /**
   * How long a unary call's request body may go without a byte arriving (announced but never sent,
   * or stalled) before the call fails with deadline_exceeded. Default 5000 ms.
   */
  bodyTimeoutMs?: number;
}

/** A running gateway. */
export interface Gateway {
  url: string;
  server: BinaryServer;
  upstreams: Map<string, Upstream>;
  metrics: MetricsRegistry;
  /** Where metrics are scraped: `${url}/metrics`, or the `metricsListen` endpoint. */
  metricsUrl: string;
  close(): Promise<void>;
}

/** Values a stdio upstream must never inherit: the accepted tokens, the TLS key and passphrase. */
function secretValues(options: GatewayOptions): string[] {
  const tls = options.tls as { key?: unknown; passphrase?: unknown } | undefined;
  const pem = (v: unknown) =>
    typeof v === "string" ? v : Buffer.isBuffer(v) ? v.toString("utf8") : undefined;
  return [
    ...(options.auth?.credentials ?? []).map((c) => c.token),
    ...[pem(tls?.key), pem(tls?.passphrase)].filter((v): v is string => v !== undefined),
  ];
}

/** Starts the upstreams and the binary endpoint in front of them. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const log = options.logger ?? createLogger().child({ component: "gateway" });
  if (options.upstreams.size === 0) throw new Error("cannot start a gateway without an upstream");
  const envPolicy: UpstreamEnvPolicy = {
    ...options.upstreamEnv,
    withholdValues: [...(options.upstreamEnv?.withholdValues ?? []), ...secretValues(options)],
  };
  const upstreams = new Map(
    [...options.upstreams].map(([name, config]) => [name, new Upstream(name, config, log, envPolicy)]),
  );
  const fallback = [...upstreams.values()][0]!;
  // Rules are decided on the JSON-RPC request each call sends upstream, for the caller the
  // interceptor identified.
  const decide = options.auth === undefined ? undefined : createRequestAuthorizer(options.auth, log);
  await Promise.all([...upstreams.values()].map((u) => u.start().catch(() => undefined)));
  const impl = createMcpServiceImpl(
    (context) => {
      const name = context.requestHeader.get(UPSTREAM_HEADER);
      if (name === null) return fallback;
      const upstream = upstreams.get(name);
      if (upstream === undefined) throw new ConnectError(`no upstream named '${name}'`, Code.NotFound);
      return upstream;
    },
    {
      validateArguments: options.validateArguments === true,
      ...(decide === undefined
        ? {}
        : {
            authorize: (context: HandlerContext, method: string, params: unknown) =>
              decide(context.values.get(CALLER), method, params),
          }),
      streamQueue: {
        maxMessages: options.maxStreamQueueMessages ?? DEFAULT_QUEUE_LIMITS.maxMessages,
        maxBytes: options.maxStreamQueueBytes ?? DEFAULT_QUEUE_LIMITS.maxBytes,
      },
      callSlots: {
        maxConcurrent: options.maxConcurrentPerUpstream ?? DEFAULT_CALL_SLOT_LIMITS.maxConcurrent,
        maxWaiting: options.maxWaitingPerUpstream ?? DEFAULT_CALL_SLOT_LIMITS.maxWaiting,
      },
    },
  );
  const metrics = options.metrics ?? new MetricsRegistry();
  const stopCounting = countUnexpectedErrorsIn(metrics);
  const defaultName = [...upstreams.keys()][0]!;
  const interceptors = [
    createCallObserver(metrics, log, {
      // Labels only from the configuration and the upstreams' own tool lists.
      upstream: (header) => {
        const name = header.get(UPSTREAM_HEADER) ?? defaultName;
        return upstreams.has(name) ? name : OTHER_LABEL;
      },
      tool: (upstream, name) => upstreams.get(upstream)?.listedTools.label(name) ?? OTHER_LABEL,
    }),
    ...(options.auth === undefined ? [] : [createAuthInterceptor(options.auth, log)]),
  ];
  const server = await startBinaryServer({
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.tls === undefined ? {} : { tls: options.tls }),
    services: [{ service: McpService, impl }],
    interceptors,
    ...(options.bodyTimeoutMs === undefined ? {} : { bodyTimeoutMs: options.bodyTimeoutMs }),
    fallback: metricsRoute(options.metricsListen === undefined ? metrics : undefined, options.auth),
  });
  let endpoint: MetricsEndpoint | undefined;
  try {
    endpoint =
      options.metricsListen === undefined ? undefined : await serveMetrics(metrics, options.metricsListen);
  } catch (error) {
    stopCounting();
    await server.close();
    await Promise.all([...upstreams.values()].map((u) => u.close()));
    throw error;
  }
  log.info("gateway listening", {
    url: server.url,
    upstreams: [...upstreams.keys()],
    auth: options.auth !== undefined,
  });
  return {
    url: server.url,
    server,
    upstreams,
    metrics,
    metricsUrl: endpoint?.url ?? `${server.url}/metrics`,
    async close() {
      stopCounting();
      await endpoint?.close();
      await server.close();
      await Promise.all([...upstreams.values()].map((u) => u.close()));
    },
  };
}
