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
import { INITIALIZE_REVISIONS, STATEFUL_REVISION, SUPPORTED_REVISIONS } from "../jsonrpc/index.js";
import { fromHeaders, fromMeta } from "../observe/index.js";
import type { JsonRecord, JsonValue } from "./codec.js";
import { type Listening, type ListenOptions, listenBinary } from "./listen.js";
import { ResourceRegistry } from "./resource-registry.js";
import { McpServiceImpl } from "./rpc-service.js";
import { ToolRegistry } from "./tool-registry.js";
import {
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
  private readonly updateListeners = new Set<(uri: string) => void>();
  private level: LoggingLevel = "debug";

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
   * Announces that the resource at `uri` changed (`notifications/resources/updated`), if a client
   * subscribed to it; returns whether anyone was told.
   */
  resourceUpdated(uri: string): boolean {
    if (!this.resources.isSubscribed(uri)) return false;
    for (const listener of this.updateListeners) listener(uri);
    return true;
  }

  /** Calls `listener` with the URI of each subscribed resource that changed; returns a stop function. */
  onResourceUpdated(listener: (uri: string) => void): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
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

  /** Answers one request in MCP's JSON form. Errors are `ConnectError`s. */
  async dispatch(method: string, params: JsonRecord, scope: RequestScope): Promise<JsonRecord> {
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
      case "resources/subscribe":
        this.resources.subscribe(String(params.uri ?? ""));
        return {};
      case "resources/unsubscribe":
        this.resources.unsubscribe(String(params.uri ?? ""));
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
      cacheScope: "public",
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

  private setLevel(level: JsonValue | undefined): JsonRecord {
    if (!LOGGING_LEVELS.includes(level as LoggingLevel)) {
      throw new ConnectError(`unknown logging level '${String(level)}'`, Code.InvalidArgument);
    }
    this.level = level as LoggingLevel;
    return {};
  }

  private contextFor(params: JsonRecord, scope: RequestScope): HandlerContext {
    const meta = params._meta;
    const metaRecord =
      meta !== null && typeof meta === "object" && !Array.isArray(meta) ? (meta as JsonRecord) : undefined;
    const token = metaRecord?.progressToken;
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
      log: async (level, data, logger) => {
        if (notify === undefined) return;
        if (LOGGING_LEVELS.indexOf(level) < LOGGING_LEVELS.indexOf(this.level)) return;
        const p: JsonRecord = { level, data };
        if (logger !== undefined) p.logger = logger;
        await notify("notifications/message", p);
      },
    };
  }

  private changed(kind: ListKind): void {
    for (const listener of this.listeners) listener(kind);
  }
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
