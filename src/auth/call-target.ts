/**
 * What a typed binary request asks for, as the JSON-RPC request it becomes: its method and the
 * params the rules read. The gateway itself decides on the JSON it sends upstream ({@link decide});
 * this reads typed messages the same way, for callers that want to check one before sending it.
 *
 * @module
 */
import type { AuthConfig } from "./auth-config.js";
import { decide, type Refused } from "./policy.js";

export type { Refused } from "./policy.js";

interface Typed {
  $typeName?: string;
  name?: string;
  uri?: string;
  method?: string;
  params?: { case?: string; value?: unknown };
  value?: { case?: string; value?: unknown };
  additionalProperties?: Record<string, string>;
}

/** Not readable in one way: a typed field shadowed by an extra property of the same JSON name. */
const UNREADABLE = Symbol("unreadable");

const METHOD_OF: Record<string, string> = {
  "mcp.v1.CallToolRequestParams": "tools/call",
  "mcp.v1.GetPromptRequestParams": "prompts/get",
  "mcp.v1.ReadResourceRequestParams": "resources/read",
  "mcp.v1.SubscribeRequestParams": "resources/subscribe",
  "mcp.v1.UnsubscribeRequestParams": "resources/unsubscribe",
};

/** The `name` and `uri` of typed params as JSON would carry them. */
function paramsOf(typed: unknown): Record<string, unknown> | typeof UNREADABLE | undefined {
  const m = typed as Typed | null;
  if (m === null || typeof m !== "object") return undefined;
  const extra = m.additionalProperties ?? {};
  if (Object.hasOwn(extra, "name") || Object.hasOwn(extra, "uri")) return UNREADABLE;
  return {
    ...(m.name === undefined ? {} : { name: m.name }),
    ...(m.uri === undefined ? {} : { uri: m.uri }),
  };
}

/** The method and params a typed request stands for; undefined for anything else. */
function requestOf(message: unknown): { method: string; params: unknown } | typeof UNREADABLE | undefined {
  let m = message as Typed | null;
  if (m === null || typeof m !== "object") return undefined;
  if (m.$typeName === "mcp.v1.JSONRPCMessage") {
    if (m.value?.case !== "jsonrpcRequest") return undefined;
    m = m.value.value as Typed;
  }
  const method = m.$typeName === undefined ? undefined : METHOD_OF[m.$typeName];
  if (method !== undefined) {
    const params = paramsOf(m);
    return params === UNREADABLE ? UNREADABLE : { method, params };
  }
  if (m.$typeName !== "mcp.v1.JSONRPCRequest") return undefined;
  const extra = m.additionalProperties ?? {};
  if (Object.hasOwn(extra, "method") || Object.hasOwn(extra, "params")) return UNREADABLE;
  let params: unknown;
  if (m.params?.case === "paramsJson") {
    try {
      params = JSON.parse(String(m.params.value));
    } catch {
      return UNREADABLE;
    }
  } else if (m.params?.case !== undefined) {
    params = paramsOf(m.params.value);
    if (params === UNREADABLE) return UNREADABLE;
  }
  return { method: m.method ?? "", params };
}

/**
 * The resource URI a typed request reads, subscribes or unsubscribes to; `""` for such a request
 * that names none; undefined when the message is neither.
 */
export function resourceUriOf(message: unknown): string | undefined {
  const request = requestOf(message);
  if (request === undefined || request === UNREADABLE) return undefined;
  if (!request.method.startsWith("resources/") || request.method.endsWith("list")) return undefined;
  const uri = (request.params as { uri?: unknown } | undefined)?.uri;
  return typeof uri === "string" ? uri : "";
}

/**
 * What of the typed request `message` the rules refuse `identity`, or undefined when it may go
 * on: {@link decide} on the JSON-RPC request it becomes. A request whose target cannot be read in
 * one way (an extra property shadowing a field, `paramsJson` that is not JSON) is refused.
 */
export function refusedIn(config: AuthConfig, identity: string, message: unknown): Refused | undefined {
  if ((config.rules ?? []).length === 0) return undefined;
  const request = requestOf(message);
  if (request === undefined) return undefined;
  if (request === UNREADABLE) return { kind: "request", name: "shadowed" };
  return decide(config, identity, request.method, request.params);
}
