/**
 * What a typed server is made of: tools, resources and prompts, each a definition with a handler.
 *
 * @module
 */
import type { DescMessage, MessageShape } from "@bufbuild/protobuf";
import type { JsonRecord, JsonValue } from "./codec.js";

/** MCP's logging levels, lowest first (RFC 5424 severities). */
export const LOGGING_LEVELS = [
  "debug",
  "info",
  "notice",
  "warning",
  "error",
  "critical",
  "alert",
  "emergency",
] as const;

/** One of {@link LOGGING_LEVELS}. */
export type LoggingLevel = (typeof LOGGING_LEVELS)[number];

/** A content block in MCP's JSON form, e.g. `{ type: "text", text }` or `{ type: "image", data, mimeType }`. */
export type ContentJson = { type: string } & JsonRecord;

/** What a handler learns about its request and how it talks back while it runs. */
export interface HandlerContext {
  /** Aborted when the client cancels or goes away. */
  signal: AbortSignal;
  /** The request's `_meta`, if any. */
  meta: JsonRecord | undefined;
  /**
   * The metadata (headers) of the RPC that carried the request, e.g. credentials the MCP face
   * forwarded (`forwardHeaders`). Empty when the request came some other way.
   */
  headers: Headers;
  /**
   * The caller's W3C trace context (`traceparent`), from the request's `_meta` or else from the
   * RPC's `traceparent` header; absent when neither carries a valid one. Start child spans from it.
   */
  traceparent?: string;
  /** The `tracestate` that came with {@link HandlerContext.traceparent}, if any. */
  tracestate?: string;
  /**
   * Reports progress (`notifications/progress`). Only a request that carries a progress token and
   * arrives on the `Call` stream can deliver it; otherwise this does nothing.
   */
  progress(progress: number, total?: number, message?: string): Promise<void>;
  /**
   * Sends a request to the client (`sampling/createMessage`, `elicitation/create`, `roots/list`)
   * and resolves to its result. Only a request that arrives on the `Exchange` stream can make one
   * (the MCP face uses it for `tools/call`); otherwise this rejects with `FailedPrecondition`.
   */
  request(method: string, params: JsonRecord): Promise<JsonRecord>;
  /** Sends a log message (`notifications/message`) at or above the level the client set. */
  log(level: LoggingLevel, data: JsonValue, logger?: string): Promise<void>;
}

/** A tool result spelled out: content blocks, and whether the tool failed. */
export interface ToolResultJson {
  content: ContentJson[];
  isError?: boolean;
  structuredContent?: JsonRecord;
}

/** A tool whose arguments are a protobuf message and whose structured output may be one too. */
export interface ToolDefinition<I extends DescMessage, O extends DescMessage> {
  name: string;
  title?: string;
  description?: string;
  /** The arguments' message; the tool's `inputSchema` is generated from it. */
  input: I;
  /**
   * Replaces the `inputSchema` generated from `input`, for what a message cannot say (`$defs`,
   * formats, bounds). Arguments are still parsed into `input` with `fromJson`, so the two must agree.
   */
  inputSchema?: JsonRecord;
  /** The structured result's message; the tool's `outputSchema` is generated from it. */
  output?: O;
  /**
   * Replaces the `outputSchema` generated from `output`, or gives one to a tool without `output`
   * whose handler returns `structuredContent` itself; the content must conform to it.
   */
  outputSchema?: JsonRecord;
  /** MCP tool annotations (`readOnlyHint`, `destructiveHint`, ...). */
  annotations?: JsonRecord;
  /**
   * Runs the tool. Return an output message (sent as `structuredContent` and as JSON text) or a
   * result with content blocks. A thrown `ConnectError` is a protocol error; anything else thrown
   * becomes a result with `isError: true`.
   */
  handler(input: MessageShape<I>, context: HandlerContext): Promise<MessageShape<O> | ToolResultJson>;
}

/** A resource at a fixed URI. */
export interface ResourceDefinition {
  uri: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
  /** Returns the contents: text, or bytes (sent as base64 `blob`). */
  read(uri: string, context: HandlerContext): Promise<string | Uint8Array>;
}

/**
 * A family of resources whose URIs match an RFC 6570 level-1 template, e.g. `file:///{path}`:
 * each `{name}` matches one or more characters other than `/`.
 */
export interface ResourceTemplateDefinition {
  uriTemplate: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
  /** Returns the contents of `uri`, given the values the template's variables matched. */
  read(uri: string, variables: Record<string, string>, context: HandlerContext): Promise<string | Uint8Array>;
  /** Suggests values for the variable `name` that start from `value` (`completion/complete`). */
  complete?(name: string, value: string): Promise<string[]>;
}

/** One argument of a prompt. */
export interface PromptArgument {
  name: string;
  description?: string;
  required?: boolean;
}

/** A message of a prompt in MCP's JSON form. */
export interface PromptMessageJson {
  role: "user" | "assistant";
  content: ContentJson;
}

/** A prompt template. */
export interface PromptDefinition {
  name: string;
  title?: string;
  description?: string;
  arguments?: PromptArgument[];
  get(
    args: Record<string, string>,
    context: HandlerContext,
  ): Promise<PromptMessageJson[] | { description?: string; messages: PromptMessageJson[] }>;
  /** Suggests values for the argument `name` that start from `value` (`completion/complete`). */
  complete?(name: string, value: string): Promise<string[]>;
}

/** Who the server is and how it starts and stops. */
export interface McpServerOptions {
  name: string;
  version: string;
  title?: string;
  instructions?: string;
  /** Runs before the server first listens (open databases, warm caches). */
  onStart?: () => void | Promise<void>;
  /** Runs after the server stopped listening. */
  onStop?: () => void | Promise<void>;
  /**
   * Caching hints (`ttlMs`, `cacheScope`) put on the 2026-07-28 results that carry them:
   * `server/discover`, `tools/list`, `resources/list`, `resources/templates/list`, `prompts/list`
   * and `resources/read`. Results to 2025-11-25 requests get none (that revision has no such fields).
   *
   * Defaults: `ttlMs: 0` everywhere (the result is stale at once, so a client re-fetches and never
   * misses a change; list changes are announced anyway), `cacheScope: "public"` for
   * `server/discover` and the lists (the typed server answers every caller the same) and
   * `"private"` for `resources/read` (a `read` may depend on the caller's headers). `default`
   * replaces these for every method, `methods` for one method; a field left out keeps its default.
   *
   * @example Lists cacheable for a minute by anyone, reads never shared:
   * `cache: { methods: { "tools/list": { ttlMs: 60_000 }, "resources/read": { cacheScope: "private" } } }`
   */
  cache?: {
    default?: CacheHint;
    methods?: Partial<Record<CacheableMethod, CacheHint>>;
  };
}

/** The MCP methods whose 2026-07-28 results carry `ttlMs` and `cacheScope`. */
export const CACHEABLE_METHODS = [
  "server/discover",
  "tools/list",
  "resources/list",
  "resources/templates/list",
  "prompts/list",
  "resources/read",
] as const;

/** One of {@link CACHEABLE_METHODS}. */
export type CacheableMethod = (typeof CACHEABLE_METHODS)[number];

/**
 * A 2026-07-28 caching hint (spec `CacheableResult`): how long a client may reuse the result
 * (`ttlMs`, milliseconds, 0 = stale at once) and whether a shared cache may serve it to other
 * authorization contexts (`"public"`) or only to the same one (`"private"`).
 */
export interface CacheHint {
  ttlMs?: number;
  cacheScope?: "public" | "private";
}
