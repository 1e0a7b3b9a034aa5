/**
 * What a binary request touches that rules govern, whichever RPC carries it: a tool
 * (`CallTool`, or `Call`/`Exchange` with `tools/call`) or a resource (`ReadResource`,
 * `Subscribe`, `Unsubscribe`, or `Call`/`Exchange` with `resources/read`, `resources/subscribe` or
 * `resources/unsubscribe`), and whether
 * the caller's rules refuse it.
 *
 * @module
 */
import { mayCallTool, mayUseResource } from "./access.js";
import type { AuthConfig } from "./auth-config.js";
import { toolNameOf } from "./tool-name.js";

interface Shape {
  $typeName?: string;
  uri?: string;
  method?: string;
  params?: { case?: string; value?: { uri?: string } };
}

const RESOURCE_PARAMS = new Set([
  "mcp.v1.ReadResourceRequestParams",
  "mcp.v1.SubscribeRequestParams",
  "mcp.v1.UnsubscribeRequestParams",
]);
const RESOURCE_CASES = new Set([
  "readResourceRequestParams",
  "subscribeRequestParams",
  "unsubscribeRequestParams",
]);
const RESOURCE_METHODS = new Set(["resources/read", "resources/subscribe", "resources/unsubscribe"]);

/**
 * The resource URI `message` reads, subscribes or unsubscribes to; `""` for such a request that names none;
 * undefined when the message is neither.
 */
export function resourceUriOf(message: unknown): string | undefined {
  const m = message as Shape | null;
  if (m === null || typeof m !== "object") return undefined;
  if (m.$typeName !== undefined && RESOURCE_PARAMS.has(m.$typeName)) return m.uri ?? "";
  if (m.$typeName === "mcp.v1.JSONRPCRequest") {
    if (m.params?.case !== undefined && RESOURCE_CASES.has(m.params.case)) return m.params.value?.uri ?? "";
    if (m.method !== undefined && RESOURCE_METHODS.has(m.method)) return "";
  }
  return undefined;
}

/** A tool or resource the rules refuse a caller. */
export interface Refused {
  kind: "tool" | "resource";
  /** The tool's name or the resource's URI. */
  name: string;
}

/** What of `message` the rules refuse `identity`, or undefined when it may go on. */
export function refusedIn(config: AuthConfig, identity: string, message: unknown): Refused | undefined {
  const tool = toolNameOf(message);
  if (tool !== undefined)
    return mayCallTool(config, identity, tool) ? undefined : { kind: "tool", name: tool };
  const uri = resourceUriOf(message);
  if (uri !== undefined && !mayUseResource(config, identity, uri)) return { kind: "resource", name: uri };
  return undefined;
}
