/**
 * The typed server: register tools, resources and prompts; serve them as `mcp.v1.McpService`.
 *
 * Requests are answered in MCP's JSON form by {@link McpServer.dispatch}; the RPC layer
 * (`rpc-service.ts`) converts messages at its edge with the transcoder, so every RPC and the `Call`
 * stream share one implementation.
 *
 * @module
 */
import type { DescMessage } from "@bufbuild/protobuf";
import type { ConnectRouter } from "@connectrpc/connect";
import { Code, ConnectError } from "@connectrpc/connect";
import {
  INITIALIZE_REVISIONS,
  MetaKey,
  STATEFUL_REVISION,
  STATELESS_REVISION,
  SUPPORTED_REVISIONS,
} from "../jsonrpc/index.js";
import { fromHeaders, fromMeta } from "../observe/index.js";
import type { JsonRecord, JsonValue } from "./codec.js";
import { type Listening, type ListenOptions, listenBinary } from "./listen.js";
import { ResourceRegistry } from "./resource-registry.js";
import { McpServiceImpl } from "./rpc-service.js";
import { ToolRegistry } from "./tool-registry.js";
import {
  CACHEABLE_METHODS,
  type CacheableMethod,
  type HandlerContext,
  LOGGING_LEVELS,
  type LoggingLevel,
  type McpServerOptions,
  type PromptDefinition,
  type ResourceDefinition,
  type ResourceTemplateDefinition,
  type ToolDefinition,
} from "./types.js";

/** How a request reaches {@link McpServer.dispatch}: its cancellation and a way to notify its caller. */
export interface RequestScope {
  signal: AbortSignal;
  /** The metadata of the RPC that carried the request. */
  headers?: Headers;
  /** Sends a notification on the request's stream; absent for unary RPCs. */
  notify?: (method: string, params: JsonRecord) => Promise<void>;
  /** Sends a request to the client and waits for its result; only on the `Exchange` stream. */
  request?: (method: string, params: JsonRecord) => Promise<JsonRecord>;
}

/** Which list changed, for `notifications/{kind}/list_changed`. */
export type ListKind = "tools" | "resources" | "prompts";

/** A protobuf-first MCP server. Make one with {@link createMcpServer}. */
export class McpServer {
  private readonly tools = new ToolRegistry();
  private readonly resources = new ResourceRegistry();
  private readonly prompts = new Map<string, PromptDefinition>();
  private readonly listeners = new Set<(kind: ListKind) => void>();
  /** Each open `SubscriptionsListen` stream: the URIs its caller asked updates of, and its sink. */
  private readonly updateListeners = new Set<{
    uris: ReadonlySet<string>;
    listener: (uri: string) => void;
  }>();

  constructor(readonly options: McpServerOptions) {}

  /** Adds a tool whose arguments are the message `input`. */
  tool<I extends DescMessage, O extends DescMessage = DescMessage>(definition: ToolDefinition<I, O>): this {
    this.tools.add(definition);
    this.changed("tools");
    return this;
  }

  /** Removes a tool and announces `notifications/tools/list_changed`. */
  removeTool(name: string): boolean {
    const removed = this.tools.remove(name);
    if (removed) this.changed("tools");
    return removed;
  }

  /** Adds a resource at a fixed URI. */
  resource(definition: ResourceDefinition): this {
    this.resources.add(definition);
    this.changed("resources");
    return this;
  }

  /** Adds a resource template: `resources/read` of a matching URI calls its `read`. */
  resourceTemplate(definition: ResourceTemplateDefinition): this {
    this.resources.addTemplate(definition);
    this.changed("resources");
    return this;
  }

  /**
   * Announces that the resource at `uri` changed (`notifications/resources/updated`) to each caller
   * listening for updates of it; returns whether anyone was told.
   *
   * The server keeps no subscriptions of its own: a caller names the URIs on its
   * `SubscriptionsListen` stream (the 2026-07-28 `subscriptions/listen` filter), and the MCP face
   * keeps each 2025-11-25 session's `resources/subscribe` and listens for that session alone.
   */
  resourceUpdated(uri: string): boolean {
    let told = false;
    for (const { uris, listener } of this.updateListeners) {
      if (!uris.has(uri)) continue;
      listener(uri);
      told = true;
    }
    return told;
  }

  /**
   * Calls `listener` with `uri` whenever {@link resourceUpdated} announces one of `uris` (one
   * caller's subscriptions); returns a stop function.
   */
  onResourceUpdated(uris: Iterable<string>, listener: (uri: string) => void): () => void {
    const entry = { uris: new Set(uris), listener };
    this.updateListeners.add(entry);
    return () => this.updateListeners.delete(entry);
  }

  /** Adds a prompt. */
  prompt(definition: PromptDefinition): this {
    this.prompts.set(definition.name, definition);
    this.changed("prompts");
    return this;
  }

  /** Calls `listener` whenever a list changes; returns a function that stops it. */
  onListChanged(listener: (kind: ListKind) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The router function for `connectNodeAdapter({ routes })`. */
  routes(): (router: ConnectRouter) => void {
    const impl = new McpServiceImpl(this);
    return (router) => impl.register(router);
  }

  /** Runs `onStart`, then serves gRPC, Connect and gRPC-Web (h2c and HTTP/1.1); `close()` runs `onStop`. */
  async listen(options: ListenOptions = {}): Promise<Listening> {
    await this.options.onStart?.();
    const listening = await listenBinary(this.routes(), options);
    return {
      url: listening.url,
      port: listening.port,
      close: async () => {
        await listening.close();
        await this.options.onStop?.();
      },
    };
  }

  /** The server's capabilities, as `initialize` and `server/discover` report them. */
  capabilities(): JsonRecord {
    return {
      tools: { listChanged: true },
      resources: { listChanged: true, subscribe: true },
      prompts: { listChanged: true },
      logging: {},
      completions: {},
    };
  }

  /**
   * Answers one request in MCP's JSON form. Errors are `ConnectError`s. A 2026-07-28 request (its
   * `_meta` names the revision) gets the caching hints of {@link McpServerOptions.cache} on the
   * results that carry them.
   */
  async dispatch(method: string, params: JsonRecord, scope: RequestScope): Promise<JsonRecord> {
    const result = await this.answer(method, params, scope);
    if (!(CACHEABLE_METHODS as readonly string[]).includes(method)) return result;
    const meta = params._meta as JsonRecord | undefined;
    if (method !== "server/discover" && meta?.[MetaKey.ProtocolVersion] !== STATELESS_REVISION) return result;
    return { ...this.cacheHint(method as CacheableMethod), ...result };
  }

  /** The `ttlMs` and `cacheScope` of `method`'s 2026-07-28 result (see {@link McpServerOptions.cache}). */
  cacheHint(method: CacheableMethod): { ttlMs: number; cacheScope: "public" | "private" } {
    const cache = this.options.cache;
    const own = cache?.methods?.[method];
    return {
      ttlMs: own?.ttlMs ?? cache?.default?.ttlMs ?? 0,
      cacheScope:
        own?.cacheScope ?? cache?.default?.cacheScope ?? (method === "resources/read" ? "private" : "public"),
    };
  }

  private async answer(method: string, params: JsonRecord, scope: RequestScope): Promise<JsonRecord> {
    const context = this.contextFor(params, scope);
    switch (method) {
      case "initialize":
        return this.initialize(params);
      case "server/discover":
        return this.discover();
      case "ping":
        return {};
      case "tools/list":
        return this.tools.list();
      case "tools/call":
        return this.tools.call(String(params.name ?? ""), params.arguments, context);
      case "resources/list":
        return this.resources.list();
      case "resources/templates/list":
        return this.resources.listTemplates();
      case "resources/read":
        return this.resources.read(String(params.uri ?? ""), context);
      // Accepted and held nowhere: a subscription is the caller's (its session on the MCP face, its
      // `SubscriptionsListen` filter here), never the server's, so no caller's reaches another.
      case "resources/subscribe":
      case "resources/unsubscribe":
        return {};
      case "completion/complete":
        return this.complete(params);
      case "prompts/list":
        return { prompts: [...this.prompts.values()].map(describePrompt) };
      case "prompts/get":
        return this.getPrompt(params, context);
      case "logging/setLevel":
        return this.setLevel(params.level);
      default:
        throw new ConnectError(`method not found: ${method}`, Code.Unimplemented);
    }
  }

  private initialize(params: JsonRecord): JsonRecord {
    const wanted = params.protocolVersion;
    const result: JsonRecord = {
      protocolVersion:
        typeof wanted === "string" && INITIALIZE_REVISIONS.includes(wanted) ? wanted : STATEFUL_REVISION,
      capabilities: this.capabilities(),
      serverInfo: this.serverInfo(),
    };
    if (this.options.instructions !== undefined) result.instructions = this.options.instructions;
    return result;
  }

  private discover(): JsonRecord {
    const result: JsonRecord = {
      resultType: "complete",
      supportedVersions: [...SUPPORTED_REVISIONS],
      capabilities: this.capabilities(),
      _meta: { "io.modelcontextprotocol/serverInfo": this.serverInfo() },
    };
    if (this.options.instructions !== undefined) result.instructions = this.options.instructions;
    return result;
  }

  private serverInfo(): JsonRecord {
    const info: JsonRecord = { name: this.options.name, version: this.options.version };
    if (this.options.title !== undefined) info.title = this.options.title;
    return info;
  }

  private async complete(params: JsonRecord): Promise<JsonRecord> {
    const ref = (params.ref ?? {}) as JsonRecord;
    const argument = (params.argument ?? {}) as JsonRecord;
    const name = String(argument.name ?? "");
    const value = String(argument.value ?? "");
    let values: string[];
    if (ref.type === "ref/prompt") {
      const prompt = this.prompts.get(String(ref.name ?? ""));
      if (prompt === undefined) {
        throw new ConnectError(`cannot complete: unknown prompt '${String(ref.name)}'`, Code.InvalidArgument);
      }
      values = (await prompt.complete?.(name, value)) ?? [];
    } else if (ref.type === "ref/resource") {
      values = await this.resources.complete(String(ref.uri ?? ""), name, value);
    } else {
      throw new ConnectError(`cannot complete: unknown ref type '${String(ref.type)}'`, Code.InvalidArgument);
    }
    // The spec caps a completion at 100 values; `hasMore` says some were left off.
    return {
      completion: { values: values.slice(0, 100), total: values.length, hasMore: values.length > 100 },
    };
  }

  private async getPrompt(params: JsonRecord, context: HandlerContext): Promise<JsonRecord> {
    const name = String(params.name ?? "");
    const prompt = this.prompts.get(name);
    if (prompt === undefined) throw new ConnectError(`unknown prompt '${name}'`, Code.InvalidArgument);
    const args: Record<string, string> = {};
    const given = params.arguments;
    if (given !== null && typeof given === "object" && !Array.isArray(given)) {
      for (const [key, value] of Object.entries(given)) args[key] = String(value);
    }
    for (const argument of prompt.arguments ?? []) {
      if (argument.required === true && args[argument.name] === undefined) {
        throw new ConnectError(`prompt '${name}' needs argument '${argument.name}'`, Code.InvalidArgument);
      }
    }
    const answer = await prompt.get(args, context);
    const result = Array.isArray(answer) ? { messages: answer } : answer;
    return result as unknown as JsonRecord;
  }

  /**
   * Checks the level and holds it nowhere: a level is the caller's, sent with each request in
   * `_meta["io.modelcontextprotocol/logLevel"]` (the MCP face puts a 2025-11-25 session's
   * `logging/setLevel` there), so one caller's level never silences another's logs.
   */
  private setLevel(level: JsonValue | undefined): JsonRecord {
    if (!LOGGING_LEVELS.includes(level as LoggingLevel)) {
      throw new ConnectError(`unknown logging level '${String(level)}'`, Code.InvalidArgument);
    }
    return {};
  }

  private contextFor(params: JsonRecord, scope: RequestScope): HandlerContext {
    const meta = params._meta;
    const metaRecord =
      meta !== null && typeof meta === "object" && !Array.isArray(meta) ? (meta as JsonRecord) : undefined;
    const token = metaRecord?.progressToken;
    const level = requestLogLevel(metaRecord);
    const notify = scope.notify;
    const request = scope.request;
    // `_meta` first: it is what the MCP client sent; the RPC's headers are what the hop before added.
    const trace =
      fromMeta(metaRecord) ?? (scope.headers === undefined ? undefined : fromHeaders(scope.headers));
    return {
      signal: scope.signal,
      meta: metaRecord,
      headers: scope.headers ?? new Headers(),
      ...(trace === undefined ? {} : { traceparent: trace.traceparent }),
      ...(trace?.tracestate === undefined ? {} : { tracestate: trace.tracestate }),
      progress: async (progress, total, message) => {
        if (notify === undefined || token === undefined) return;
        const p: JsonRecord = { progressToken: token, progress };
        if (total !== undefined) p.total = total;
        if (message !== undefined) p.message = message;
        await notify("notifications/progress", p);
      },
      request: async (method, params) => {
        if (request === undefined) {
          throw new ConnectError(
            `cannot send ${method}: the client called without the Exchange stream, so it cannot answer`,
            Code.FailedPrecondition,
          );
        }
        return request(method, params);
      },
      log: async (entry, data, logger) => {
        if (notify === undefined || level === undefined) return;
        if (LOGGING_LEVELS.indexOf(entry) < LOGGING_LEVELS.indexOf(level)) return;
        const p: JsonRecord = { level: entry, data };
        if (logger !== undefined) p.logger = logger;
        await notify("notifications/message", p);
      },
    };
  }

  private changed(kind: ListKind): void {
    for (const listener of this.listeners) listener(kind);
  }
}

/**
 * The least severe level a request's logs are sent at: its `_meta` log level; else none for a
 * 2026-07-28 request (the spec: no level, no logs) and all for an older caller that set none.
 */
function requestLogLevel(meta: JsonRecord | undefined): LoggingLevel | undefined {
  const level = meta?.[MetaKey.LogLevel];
  if (LOGGING_LEVELS.includes(level as LoggingLevel)) return level as LoggingLevel;
  return meta?.[MetaKey.ProtocolVersion] === STATELESS_REVISION ? undefined : "debug";
}

function describePrompt(prompt: PromptDefinition): JsonRecord {
  const entry: JsonRecord = { name: prompt.name };
  if (prompt.title !== undefined) entry.title = prompt.title;
  if (prompt.description !== undefined) entry.description = prompt.description;
  if (prompt.arguments !== undefined) entry.arguments = prompt.arguments as unknown as JsonValue;
  return entry;
}

/** Makes a typed MCP server; add tools, resources and prompts, then `listen()` or mount `routes()`. */
export function createMcpServer(options: McpServerOptions): McpServer {
  return new McpServer(options);
}
