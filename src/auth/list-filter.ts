/**
 * Lists show a caller only what it may use: the tools, resources and resource templates its rules
 * refuse are left out of `tools/list`, `prompts/list`, `resources/list` and `resources/templates/list` answers,
 * both as typed messages (binary face) and as JSON results (MCP face). A cursor still pages the
 * upstream's list, so a page may come back shorter than the upstream sent it.
 *
 * @module
 */
import { mayCallTool, mayGetPrompt, mayUseResource } from "./access.js";
import type { AuthConfig } from "./auth-config.js";

type ListKey = "tools" | "prompts" | "resources" | "resourceTemplates";
type Entry = { name?: unknown; uri?: unknown; uriTemplate?: unknown };

/** For each list: the property holding it, and whether an entry of it may be shown. */
function listsOf(config: AuthConfig, identity: string) {
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  return {
    tools: (e: Entry) => mayCallTool(config, identity, text(e.name)),
    prompts: (e: Entry) => mayGetPrompt(config, identity, text(e.name)),
    resources: (e: Entry) => mayUseResource(config, identity, text(e.uri)),
    resourceTemplates: (e: Entry) => mayUseResource(config, identity, text(e.uriTemplate)),
  };
}

/** The typed results that are lists, and the property each keeps its entries in. */
const TYPED_LISTS: Record<string, ListKey> = {
  "mcp.v1.ListToolsResult": "tools",
  "mcp.v1.ListPromptsResult": "prompts",
  "mcp.v1.ListResourcesResult": "resources",
  "mcp.v1.ListResourceTemplatesResult": "resourceTemplates",
};

/** The JSON-RPC methods whose results are lists, and the property each keeps its entries in. */
const METHOD_LISTS: Record<string, ListKey> = {
  "tools/list": "tools",
  "prompts/list": "prompts",
  "resources/list": "resources",
  "resources/templates/list": "resourceTemplates",
};

interface Typed {
  $typeName?: string;
  value?: { case?: string; value?: unknown };
  result?: { case?: string; value?: unknown };
}

/**
 * Removes, in place, the entries `identity` may not use from a typed list result, or from one
 * inside a `JSONRPCMessage` / `JSONRPCResultResponse` (a `Call` or `Exchange` answer). Any other
 * message is left alone. Returns `message`.
 */
export function filterTypedList<T>(config: AuthConfig, identity: string, message: T): T {
  if ((config.rules ?? []).length === 0) return message;
  let m = message as Typed | null;
  if (m === null || typeof m !== "object") return message;
  if (m.$typeName === "mcp.v1.JSONRPCMessage") m = m.value?.value as Typed | null;
  if (m?.$typeName === "mcp.v1.JSONRPCResultResponse") m = m.result?.value as Typed | null;
  const key = m?.$typeName === undefined ? undefined : TYPED_LISTS[m.$typeName];
  if (m === null || m === undefined || key === undefined) return message;
  const list = (m as Record<string, unknown>)[key];
  if (Array.isArray(list)) (m as Record<string, unknown>)[key] = list.filter(listsOf(config, identity)[key]);
  return message;
}

/**
 * The JSON result of `method` as `identity` may see it: for a list method, a copy without the
 * entries the rules refuse; for anything else, `result` itself.
 */
export function filterListResult<R extends Record<string, unknown>>(
  config: AuthConfig,
  identity: string,
  method: string,
  result: R,
): R {
  const key = METHOD_LISTS[method];
  const list = key === undefined ? undefined : result[key];
  if (key === undefined || !Array.isArray(list) || (config.rules ?? []).length === 0) return result;
  return { ...result, [key]: list.filter(listsOf(config, identity)[key]) };
}

/**
 * Whether a streamed message is about a resource `identity` may not use: a
 * `notifications/resources/updated` (bare, as `SubscriptionsListen` sends it, or in a
 * `JSONRPCMessage`) whose URI the rules refuse. Such messages are dropped, not sent.
 */
export function hiddenFrom(config: AuthConfig, identity: string, message: unknown): boolean {
  let m = message as Typed | null;
  if (m === null || typeof m !== "object") return false;
  if (m.$typeName === "mcp.v1.JSONRPCMessage") m = m.value?.value as Typed | null;
  if (m?.$typeName !== "mcp.v1.JSONRPCNotification") return false;
  const params = (m as { params?: { case?: string; value?: { uri?: string } } }).params;
  if (params?.case !== "resourceUpdatedNotificationParams") return false;
  return !mayUseResource(config, identity, params.value?.uri ?? "");
}
