/**
 * An MCP client: a {@link Peer} that negotiates a protocol revision and then passes
 * requests through untouched. It knows the handshake and nothing else about MCP
 * methods, so results come back exactly as the server sent them.
 *
 * @module
 */
import { JsonRpcError, LocalCode } from "./errors.js";
import { ErrorCode, type JsonObject } from "./messages.js";
import { type NotificationHandler, Peer, type RequestHandler, type RequestOptions } from "./peer.js";
import { INITIALIZE_REVISIONS, MetaKey, STATEFUL_REVISION, STATELESS_REVISION } from "./revision.js";
import type { CloseInfo, Transport } from "./transport.js";

/** Who this client is and what it can do. */
export interface McpClientOptions {
  /** Sent as `clientInfo` (spec `Implementation`: `name`, `version`, more allowed). */
  clientInfo: JsonObject & { name: string; version: string };
  /** Sent as `capabilities` (spec `ClientCapabilities`), e.g. `{ sampling: {}, roots: {} }`. Default `{}`. */
  capabilities?: JsonObject;
  /** Default request timeout in ms. */
  timeoutMs?: number;
}

/** Options for {@link McpClient.connect}. */
export interface ConnectOptions {
  /**
   * The revision to try first. `"2026-07-28"` tries `server/discover` and falls back
   * to `initialize` when the server does not speak it. Default `"2025-11-25"`.
   */
  revision?: typeof STATEFUL_REVISION | typeof STATELESS_REVISION;
  /** Aborts the handshake. */
  signal?: AbortSignal;
  /** Timeout of each handshake request. */
  timeoutMs?: number;
}

/**
 * An MCP client over any transport.
 *
 * @example
 * ```ts
 * const client = new McpClient({ clientInfo: { name: "gw", version: "1.0.0" } });
 * await client.connect(new StdioClientTransport({ command: "mcp-server" }));
 * const tools = await client.request("tools/list");
 * ```
 */
export class McpClient {
  private peer: Peer | undefined;
  private handshake: JsonObject | undefined;
  private negotiated: string | undefined;
  private readonly requestHandlers = new Map<string, RequestHandler>();
  private readonly notificationHandlers = new Map<string, NotificationHandler>();
  /** Called once when the connection has closed. */
  onclose: ((info: CloseInfo) => void) | undefined;
  /** Called for failures that concern no pending request. */
  onerror: ((error: JsonRpcError) => void) | undefined;

  constructor(private readonly options: McpClientOptions) {}

  /** The negotiated revision, once connected. */
  get revision(): string | undefined {
    return this.negotiated;
  }

  /** The raw `initialize` or `server/discover` result, every property kept. */
  get handshakeResult(): JsonObject | undefined {
    return this.handshake;
  }

  /** The server's capabilities. */
  get serverCapabilities(): JsonObject | undefined {
    return this.handshake?.capabilities as JsonObject | undefined;
  }

  /** The server's `serverInfo` (2026-07-28: from the discover result's `_meta`, if sent). */
  get serverInfo(): JsonObject | undefined {
    const info =
      this.handshake?.serverInfo ??
      (this.handshake?._meta as JsonObject | undefined)?.["io.modelcontextprotocol/serverInfo"];
    return info as JsonObject | undefined;
  }

  /** The server's instructions, if any. */
  get instructions(): string | undefined {
    const text = this.handshake?.instructions;
    return typeof text === "string" ? text : undefined;
  }

  /**
   * Starts the transport and negotiates a revision. On failure the transport is
   * closed and the error (a {@link JsonRpcError}) is thrown.
   */
  async connect(transport: Transport, options: ConnectOptions = {}): Promise<void> {
    if (this.peer !== undefined) {
      throw new JsonRpcError(LocalCode.ConnectionClosed, "cannot connect client: already connected");
    }
    const peer = new Peer(
      transport,
      this.options.timeoutMs === undefined ? {} : { timeoutMs: this.options.timeoutMs },
    );
    this.peer = peer;
    for (const [method, handler] of this.requestHandlers) peer.setRequestHandler(method, handler);
    for (const [method, handler] of this.notificationHandlers) peer.setNotificationHandler(method, handler);
    peer.onerror = (error) => this.onerror?.(error);
    peer.onclose = (info) => this.onclose?.(info);
    const handshake: RequestOptions = {};
    if (options.signal !== undefined) handshake.signal = options.signal;
    if (options.timeoutMs !== undefined) handshake.timeoutMs = options.timeoutMs;
    try {
      await peer.start();
      if (options.revision === STATELESS_REVISION && (await this.discover(peer, handshake))) return;
      await this.initialize(peer, handshake);
    } catch (e) {
      await peer.close().catch(() => {});
      throw JsonRpcError.from(e);
    }
  }

  /** Tries `server/discover`; false when the server is of the `initialize` era. */
  private async discover(peer: Peer, options: RequestOptions): Promise<boolean> {
    peer.transport.setProtocolVersion?.(STATELESS_REVISION);
    let result: JsonObject;
    try {
      result = await peer.request("server/discover", { _meta: this.requestMeta() }, options);
    } catch (e) {
      const error = JsonRpcError.from(e);
      // A modern server answers with a modern error: do not fall back (transports
      // "Backward Compatibility"). Local failures (timeout, abort, close) are final too.
      if (error.isLocal || error.code === ErrorCode.UnsupportedProtocolVersion) throw error;
      peer.transport.setProtocolVersion?.(undefined);
      return false;
    }
    const versions = result.supportedVersions;
    if (!Array.isArray(versions) || !versions.includes(STATELESS_REVISION)) {
      throw new JsonRpcError(
        ErrorCode.UnsupportedProtocolVersion,
        `cannot connect: server supports ${JSON.stringify(versions)}, not ${STATELESS_REVISION}`,
        { data: result },
      );
    }
    this.handshake = result;
    this.negotiated = STATELESS_REVISION;
    return true;
  }

  private async initialize(peer: Peer, options: RequestOptions): Promise<void> {
    const result = await peer.request(
      "initialize",
      {
        protocolVersion: STATEFUL_REVISION,
        capabilities: this.options.capabilities ?? {},
        clientInfo: this.options.clientInfo,
      },
      options,
    );
    const version = result.protocolVersion;
    if (typeof version !== "string" || !INITIALIZE_REVISIONS.includes(version)) {
      throw new JsonRpcError(
        ErrorCode.UnsupportedProtocolVersion,
        `cannot initialize: server chose protocol version ${JSON.stringify(version)}, supported are ${INITIALIZE_REVISIONS.join(", ")}`,
        { data: result },
      );
    }
    this.handshake = result;
    this.negotiated = version;
    peer.transport.setProtocolVersion?.(version);
    await peer.notify("notifications/initialized");
  }

  private requestMeta(): JsonObject {
    return {
      [MetaKey.ProtocolVersion]: STATELESS_REVISION,
      [MetaKey.ClientCapabilities]: this.options.capabilities ?? {},
      [MetaKey.ClientInfo]: this.options.clientInfo,
    };
  }

  private connected(method: string): Peer {
    if (this.peer === undefined || this.negotiated === undefined) {
      throw new JsonRpcError(LocalCode.ConnectionClosed, `cannot send ${method}: client is not connected`);
    }
    return this.peer;
  }

  /**
   * Sends a request and resolves with the raw result object, every property kept.
   * Under 2026-07-28 the per-request `_meta` (protocol version, capabilities, client
   * info) is added to a copy of `params`; keys the caller set win.
   */
  async request(method: string, params?: JsonObject, options?: RequestOptions): Promise<JsonObject> {
    const peer = this.connected(method);
    if (this.negotiated === STATELESS_REVISION) {
      const meta = (params?._meta ?? {}) as JsonObject;
      params = { ...params, _meta: { ...this.requestMeta(), ...meta } };
    }
    return peer.request(method, params, options);
  }

  /** Sends a notification. */
  async notify(method: string, params?: JsonObject): Promise<void> {
    await this.connected(method).notify(method, params);
  }

  /**
   * Handles server-to-client requests: `sampling/createMessage`, `elicitation/create`,
   * `roots/list`, `ping` (answered with `{}` by default). Declare the matching client
   * capability in {@link McpClientOptions.capabilities}.
   */
  setRequestHandler(method: string, handler: RequestHandler | undefined): void {
    if (handler === undefined) this.requestHandlers.delete(method);
    else this.requestHandlers.set(method, handler);
    this.peer?.setRequestHandler(method, handler);
  }

  /** Handles server notifications (`notifications/message`, `notifications/tools/list_changed`, ...). */
  setNotificationHandler(method: string, handler: NotificationHandler | undefined): void {
    if (handler === undefined) this.notificationHandlers.delete(method);
    else this.notificationHandlers.set(method, handler);
    this.peer?.setNotificationHandler(method, handler);
  }

  /** Closes the connection. Pending requests reject with {@link LocalCode.ConnectionClosed}. */
  async close(): Promise<void> {
    await this.peer?.close();
  }
}
