/**
 * `protomcp gateway`: a binary `mcp.v1` endpoint (Connect, gRPC, gRPC-Web) whose handlers are MCP
 * clients of one or more upstream MCP servers, chosen per call by the `mcp-upstream` header.
 */
import { Code, ConnectError } from "@connectrpc/connect";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { type AuthConfig, createAuthInterceptor } from "../auth/index.js";
import { type BinaryServer, type ListenOptions, startBinaryServer } from "../binary/index.js";
import { createLogger, type Logger, MetricsRegistry } from "../observe/index.js";
import { createCallObserver, metricsRoute } from "./call-observer.js";
import { DEFAULT_CALL_SLOT_LIMITS } from "./call-slots.js";
import { createMcpServiceImpl } from "./mcp-service.js";
import { DEFAULT_QUEUE_LIMITS } from "./message-queue.js";
import { Upstream } from "./upstream.js";
import type { UpstreamConfig } from "./upstream-config.js";

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
  /** Where call metrics go (served at `GET /metrics` on the same port). Default: a new registry. */
  metrics?: MetricsRegistry;
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
}

/** A running gateway. */
export interface Gateway {
  url: string;
  server: BinaryServer;
  upstreams: Map<string, Upstream>;
  metrics: MetricsRegistry;
  close(): Promise<void>;
}

/** Starts the upstreams and the binary endpoint in front of them. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const log = options.logger ?? createLogger().child({ component: "gateway" });
  if (options.upstreams.size === 0) throw new Error("cannot start a gateway without an upstream");
  const upstreams = new Map(
    [...options.upstreams].map(([name, config]) => [name, new Upstream(name, config, log)]),
  );
  const fallback = [...upstreams.values()][0]!;
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
  const defaultName = [...upstreams.keys()][0]!;
  const interceptors = [
    createCallObserver(metrics, log, (header) => header.get(UPSTREAM_HEADER) ?? defaultName),
    ...(options.auth === undefined ? [] : [createAuthInterceptor(options.auth, log)]),
  ];
  const server = await startBinaryServer({
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.tls === undefined ? {} : { tls: options.tls }),
    services: [{ service: McpService, impl }],
    interceptors,
    fallback: metricsRoute(metrics),
  });
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
    async close() {
      await server.close();
      await Promise.all([...upstreams.values()].map((u) => u.close()));
    },
  };
}
