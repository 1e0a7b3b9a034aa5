import {
  createRegistry,
  type DescFile,
  type DescService,
  fromJson,
  type JsonObject,
  type JsonValue,
  type Registry,
  toJson,
} from "@bufbuild/protobuf";
import type { Transport } from "@connectrpc/connect";
import { CodegenError } from "../codegen-error.js";
import { hasNonObjectJson } from "../json-schema/well-known-schema.js";
import { ArgumentValidator } from "./argument-validator.js";
import type { CallToolResult } from "./call-tool-result.js";
import { errorResult, rpcErrorResult } from "./error-result.js";
import { invokeMethod } from "./invoke-method.js";
import {
  matchesMethod,
  matchesService,
  STREAMED_MESSAGES,
  type ToolDefinition,
  type ToolDefinitionOptions,
  type ToolFilter,
  type MethodTool,
  toolDefinition,
  WRAPPED_VALUE,
} from "./tool-definition.js";

/** Header values as `new Headers()` takes them. */
export type HeaderValues = ConstructorParameters<typeof Headers>[0];

/** A tool as `protoc-gen-mcp` generates it: a definition naming its method. */
export interface GeneratedTool extends ToolDefinition {
  /** The method's name in the protobuf source, e.g. `GetItem`. */
  method: string;
}

/** The tools `protoc-gen-mcp` generates for one service. */
export interface GeneratedServiceTools {
  service: DescService;
  tools: readonly GeneratedTool[];
}

/** Where tools come from: descriptors (schemas built now) or generated code (schemas embedded). */
export type ToolSource =
  | DescService
  | GeneratedServiceTools
  | Registry
  | readonly (DescService | GeneratedServiceTools)[];

/** Options for {@link createToolSet}. */
export interface ToolSetOptions extends ToolFilter, ToolDefinitionOptions {
  /** The transport to the service, e.g. from `createServiceTransport`. */
  transport: Transport;
  /** Headers sent with every call, e.g. `{ authorization: "Bearer …" }`. */
  headers?: HeaderValues;
  /** The deadline of a call in milliseconds. Defaults to 30 000; 0 means none. */
  timeoutMs?: number;
  /** A registry to resolve `google.protobuf.Any` types. Defaults to the services' files. */
  registry?: Registry;
}

/** Per-call options of {@link ToolSet.call}. */
export interface ToolCallOptions {
  /** Headers for this call, merged over the set's headers (e.g. the MCP client's authorization). */
  headers?: HeaderValues;
  /** Aborts the RPC, e.g. on an MCP `notifications/cancelled`. */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Called for each message of a server-streaming response, e.g. to report progress. */
  onMessage?: (count: number, message: JsonValue) => void;
}

/** A set of MCP tools, one per RPC, and the means to call them. */
export interface ToolSet {
  readonly tools: readonly MethodTool[];
  /**
   * Calls a tool. Failures of the arguments or of the RPC are results with `isError: true`;
   * only an unknown tool name throws (a `CodegenError` with code `not_found`).
   */
  call(
    name: string,
    args: Record<string, unknown> | undefined,
    options?: ToolCallOptions,
  ): Promise<CallToolResult>;
}

/** Builds the tools of the given services and binds them to a transport. */
export function createToolSet(source: ToolSource, options: ToolSetOptions): ToolSet {
  const tools = collectTools(source, options);
  const byName = new Map<string, MethodTool>();
  for (const tool of tools) {
    const other = byName.get(tool.name);
    if (other !== undefined) {
      throw new CodegenError(
        "invalid_argument",
        `cannot name two tools "${tool.name}" (${other.method.parent.typeName}.${other.method.name} and ${tool.method.parent.typeName}.${tool.method.name}): use a longer naming`,
      );
    }
    byName.set(tool.name, tool);
  }
  const registry =
    options.registry ?? createRegistry(...withDependencies(tools.map((t) => t.method.parent.file)));
  const validator = new ArgumentValidator();

  async function call(
    name: string,
    args: Record<string, unknown> | undefined,
    callOptions: ToolCallOptions = {},
  ): Promise<CallToolResult> {
    const tool = byName.get(name);
    if (tool === undefined) {
      throw new CodegenError("not_found", `cannot call tool "${name}": no such tool`);
    }
    const input = structuredClone(args ?? {});
    const checked = validator.validate(tool.inputSchema, input);
    if (!checked.ok) {
      return errorResult(`cannot call tool "${name}": invalid arguments\n- ${checked.problems.join("\n- ")}`);
    }
    const method = tool.method;
    let request: ReturnType<typeof fromJson>;
    try {
      const json = (hasNonObjectJson(method.input) ? input[WRAPPED_VALUE] : input) as JsonValue;
      request = fromJson(method.input, json, { registry });
    } catch (error) {
      return errorResult(
        `cannot call tool "${name}": ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const wrap = (message: Parameters<typeof toJson>[1]): JsonValue => {
      const json = toJson(method.output, message, { registry });
      return hasNonObjectJson(method.output, "output") ? { [WRAPPED_VALUE]: json } : json;
    };
    const headers = new Headers(options.headers);
    for (const [key, value] of new Headers(callOptions.headers)) {
      headers.set(key, value);
    }
    const timeoutMs = callOptions.timeoutMs ?? options.timeoutMs ?? 30_000;
    try {
      let structured: JsonObject;
      if (method.methodKind === "server_streaming") {
        const messages: JsonValue[] = [];
        await invokeMethod(options.transport, method, request, {
          headers,
          timeoutMs,
          signal: callOptions.signal,
          onMessage: (message) => {
            messages.push(wrap(message));
            callOptions.onMessage?.(messages.length, messages[messages.length - 1] ?? null);
          },
        });
        structured = { [STREAMED_MESSAGES]: messages };
      } else {
        let response: Parameters<typeof toJson>[1] | undefined;
        await invokeMethod(options.transport, method, request, {
          headers,
          timeoutMs,
          signal: callOptions.signal,
          onMessage: (message) => {
            response = message;
          },
        });
        structured = wrap(response!) as JsonObject;
      }
      return { content: [{ type: "text", text: JSON.stringify(structured) }], structuredContent: structured };
    } catch (error) {
      return rpcErrorResult(error);
    }
  }

  return { tools, call };
}

function collectTools(source: ToolSource, options: ToolSetOptions): MethodTool[] {
  const tools: MethodTool[] = [];
  for (const item of sourceItems(source)) {
    const service = "kind" in item ? item : item.service;
    if (!matchesService(service, options)) {
      continue;
    }
    if ("kind" in item) {
      for (const method of service.methods) {
        if (!matchesMethod(method, options)) {
          continue;
        }
        if (method.methodKind === "client_streaming" || method.methodKind === "bidi_streaming") {
          continue; // no tool can send a stream of requests; listed nowhere rather than failing the set
        }
        tools.push({ ...toolDefinition(method, options), method });
      }
      continue;
    }
    for (const generated of item.tools) {
      const method = service.methods.find((m) => m.name === generated.method);
      if (method === undefined) {
        throw new CodegenError(
          "not_found",
          `cannot bind generated tool "${generated.name}": ${service.typeName} has no method ${generated.method}`,
        );
      }
      if (!matchesMethod(method, options)) {
        continue;
      }
      const { method: _name, ...definition } = generated;
      tools.push({ ...definition, name: sanitizePrefix(options.prefix) + definition.name, method });
    }
  }
  return tools;
}

function sourceItems(source: ToolSource): readonly (DescService | GeneratedServiceTools)[] {
  if (Array.isArray(source)) {
    return source;
  }
  if ("getService" in source) {
    const services: DescService[] = [];
    for (const desc of source) {
      if (desc.kind === "service") {
        services.push(desc);
      }
    }
    return services;
  }
  return [source as DescService | GeneratedServiceTools];
}

function sanitizePrefix(prefix: string | undefined): string {
  return (prefix ?? "").replace(/[^A-Za-z0-9_.-]/g, "_");
}

/** The files and everything they import, so that `Any` values of imported types resolve. */
function withDependencies(files: DescFile[]): DescFile[] {
  const seen = new Set<DescFile>();
  const visit = (file: DescFile): void => {
    if (!seen.has(file)) {
      seen.add(file);
      file.dependencies.forEach(visit);
    }
  };
  files.forEach(visit);
  return [...seen];
}
