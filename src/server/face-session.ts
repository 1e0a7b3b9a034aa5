/**
 * What one caller of the MCP face has set, kept by the face and never by the upstream: a
 * 2025-11-25 session's log level (`logging/setLevel`) and its resource subscriptions
 * (`resources/subscribe`). A 2026-07-28 request arrives on a peer of its own, so there the state
 * is the request's (its `_meta` log level, its `subscriptions/listen` filter).
 *
 * The `mcp.v1` upstream is per request, as 2026-07-28 is: the face sends the session's level
 * with each request in `_meta["io.modelcontextprotocol/logLevel"]`, and listens for each
 * subscribed resource on a `SubscriptionsListen` stream of the session's own, whose filter names
 * that resource. It also drops, on its side, a log below the session's level and an update of a
 * resource the session did not subscribe to, for an upstream that ignores both (the gateway).
 *
 * @module
 */
import type { Client } from "@connectrpc/connect";
import type { JSONRPCNotification } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import type { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import {
  ErrorCode,
  type JsonObject,
  JsonRpcError,
  type JsonRpcRequest,
  MetaKey,
  type Peer,
  type RequestContext,
  STATELESS_REVISION,
} from "../jsonrpc/index.js";
import { relayNotifications } from "./notification-relay.js";
import { LOGGING_LEVELS, type LoggingLevel } from "./types.js";

const UPDATED = "notifications/resources/updated";
const LOG = "notifications/message";

/** The state of one MCP session (or one stateless request) of the face. */
export class FaceSession {
  /** The level `logging/setLevel` set; none yet means the upstream decides (the typed server sends all). */
  private level: LoggingLevel | undefined;
  /** Each subscribed URI and the function that stops its listen stream. */
  private readonly subscriptions = new Map<string, () => void>();

  /** What the session's caller may not see (set when it initialized, with `auth`). */
  hidden: (notification: JSONRPCNotification) => boolean = () => false;

  constructor(
    private readonly peer: Peer,
    private readonly client: Client<typeof McpService>,
  ) {}

  /** `logging/setLevel`: this session's level, from now on. */
  setLevel(level: unknown): void {
    if (!LOGGING_LEVELS.includes(level as LoggingLevel)) {
      throw new JsonRpcError(ErrorCode.InvalidParams, `unknown logging level '${String(level)}'`);
    }
    this.level = level as LoggingLevel;
  }

  /**
   * `request` as the upstream gets it: with the session's level in `_meta`, unless the request
   * names its own (or is a 2026-07-28 request, whose level is its own to give or leave out).
   */
  stamp(request: JsonRpcRequest): JsonRpcRequest {
    if (this.level === undefined) return request;
    const params = request.params ?? {};
    const meta = (params._meta ?? {}) as JsonObject;
    if (meta[MetaKey.LogLevel] !== undefined || meta[MetaKey.ProtocolVersion] === STATELESS_REVISION) {
      return request;
    }
    return { ...request, params: { ...params, _meta: { ...meta, [MetaKey.LogLevel]: this.level } } };
  }

  /** Whether this session hears a notification: a log at or above its level, an update it asked for. */
  hears(method: string, params: JsonObject | undefined): boolean {
    if (method === LOG && this.level !== undefined) {
      const rank = LOGGING_LEVELS.indexOf(params?.level as LoggingLevel);
      return rank === -1 || rank >= LOGGING_LEVELS.indexOf(this.level);
    }
    if (method === UPDATED) return this.subscriptions.has(String(params?.uri ?? ""));
    return true;
  }

  /** `context` whose request-tied notifications pass {@link hears} first. */
  filtered(context: RequestContext): RequestContext {
    return {
      requestId: context.requestId,
      signal: context.signal,
      info: context.info,
      sendNotification: (method, params) =>
        this.hears(method, params) ? context.sendNotification(method, params) : Promise.resolve(),
      sendRequest: (method, params, options) => context.sendRequest(method, params, options),
    };
  }

  /**
   * The session's list changes (and server-initiated logs, from an upstream that sends them on
   * the stream): relayed from `notifications/initialized` on. Updates come on the streams of
   * {@link subscribe}.
   */
  relayListChanges(): void {
    relayNotifications(this.peer, this.client, (n) => this.hidden(n), {
      notifications: { toolsListChanged: true, resourcesListChanged: true, promptsListChanged: true },
      keep: (method, params) => method !== UPDATED && this.hears(method, params),
    });
  }

  /**
   * `resources/subscribe` (after the upstream accepted it): listens for updates of `uri`, on a
   * stream that ends with the session (the relay stops when the peer closes).
   */
  subscribe(uri: string): void {
    if (this.subscriptions.has(uri)) return;
    const stop = relayNotifications(this.peer, this.client, (n) => this.hidden(n), {
      notifications: { resourceSubscriptions: [uri] },
      keep: (method, params) => method === UPDATED && params?.uri === uri,
    });
    this.subscriptions.set(uri, stop);
  }

  /** `resources/unsubscribe`: stops listening for updates of `uri`. */
  unsubscribe(uri: string): void {
    this.subscriptions.get(uri)?.();
    this.subscriptions.delete(uri);
  }
}
