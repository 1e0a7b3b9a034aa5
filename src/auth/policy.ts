/**
 * The one policy decision: whether a caller may send a JSON-RPC request, read from the request as
 * the server will read it (its `method`, and the tool name, prompt name or resource URIs in its
 * `params`). Every path to an upstream asks it: the gateway on the exact `method` and `params` it
 * hands the upstream client, the MCP face on the message its HTTP handler parses.
 *
 * @module
 */
import { Code, ConnectError } from "@connectrpc/connect";
import type { Logger } from "../observe/index.js";
import { governed, mayCallTool, mayGetPrompt, mayUseResource } from "./access.js";
import type { AuthConfig } from "./auth-config.js";

/** A request the rules refuse a caller, and what in it they refuse. */
export interface Refused {
  /** `request` when what the request targets cannot be read (fail closed). */
  kind: "tool" | "prompt" | "resource" | "request";
  /** The tool's or prompt's name, the resource's URI, or (for `request`) the method. */
  name: string;
}

/** The methods rules govern, and where in `params` each names its target. */
const GOVERNED = new Set([
  "tools/call",
  "prompts/get",
  "resources/read",
  "resources/subscribe",
  "resources/unsubscribe",
  "completion/complete",
  "subscriptions/listen",
]);
/** A method spelled like a governed one in another case or with spaces: refused, not guessed. */
const LOOKALIKE = new Map([...GOVERNED].map((m) => [m, m]));

type Params = Record<string, unknown>;

/** `value[key]` when it is the object's own string property (what `JSON.stringify` sends). */
function ownString(value: unknown, key: string): string | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  if (!Object.hasOwn(value, key)) return undefined;
  const found = (value as Params)[key];
  return typeof found === "string" ? found : undefined;
}

function own(value: unknown, key: string): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, key) ? (value as Params)[key] : undefined;
}

const unreadable = (method: string): Refused => ({ kind: "request", name: method });

function tool(config: AuthConfig, identity: string, method: string, name: string | undefined) {
  if (name === undefined) return governed(config, identity, "tool") ? unreadable(method) : undefined;
  return mayCallTool(config, identity, name) ? undefined : { kind: "tool" as const, name };
}

function prompt(config: AuthConfig, identity: string, method: string, name: string | undefined) {
  if (name === undefined) return governed(config, identity, "prompt") ? unreadable(method) : undefined;
  return mayGetPrompt(config, identity, name) ? undefined : { kind: "prompt" as const, name };
}

function resource(config: AuthConfig, identity: string, method: string, uri: string | undefined) {
  if (uri === undefined) return governed(config, identity, "resource") ? unreadable(method) : undefined;
  return mayUseResource(config, identity, uri) ? undefined : { kind: "resource" as const, name: uri };
}

const hasRules = (config: AuthConfig) => (config.rules ?? []).length > 0;

/**
 * What the rules refuse `identity` in the request `method` with `params` (as parsed JSON, exactly
 * as it is sent), or undefined when it may be sent. Governed: `tools/call` (by `params.name`),
 * `prompts/get` (`params.name`), `resources/read`, `resources/subscribe`, `resources/unsubscribe`
 * (`params.uri`), `completion/complete` (its `ref`: a prompt's name or a resource's URI) and
 * `subscriptions/listen` (each URI of `params.notifications.resourceSubscriptions`). A governed
 * request whose target is missing or not a string, and a method spelled like a governed one but
 * not exactly (`Tools/Call`, `tools/call `), are refused as `request` when any rule exists.
 * Other methods are not governed.
 */
export function decide(
  config: AuthConfig,
  identity: string,
  method: string,
  params: unknown,
): Refused | undefined {
  if (!hasRules(config)) return undefined;
  switch (method) {
    case "tools/call":
      return tool(config, identity, method, ownString(params, "name"));
    case "prompts/get":
      return prompt(config, identity, method, ownString(params, "name"));
    case "resources/read":
    case "resources/subscribe":
    case "resources/unsubscribe":
      return resource(config, identity, method, ownString(params, "uri"));
    case "completion/complete": {
      const ref = own(params, "ref");
      const type = ownString(ref, "type");
      if (type === "ref/prompt") return prompt(config, identity, method, ownString(ref, "name"));
      if (type === "ref/resource") return resource(config, identity, method, ownString(ref, "uri"));
      return governed(config, identity, "prompt") || governed(config, identity, "resource")
        ? unreadable(method)
        : undefined;
    }
    case "subscriptions/listen": {
      const uris = own(own(params, "notifications"), "resourceSubscriptions");
      if (uris === undefined) return undefined;
      if (!Array.isArray(uris)) return resource(config, identity, method, undefined);
      for (const uri of uris) {
        const refused = resource(config, identity, method, typeof uri === "string" ? uri : undefined);
        if (refused !== undefined) return refused;
      }
      return undefined;
    }
    default:
      return LOOKALIKE.has(method.replace(/\s/g, "").toLowerCase()) ? unreadable(method) : undefined;
  }
}

/** The sentence a refusal is logged and answered with (never a token). */
export function refusalText(refused: Refused, identity: string): string {
  switch (refused.kind) {
    case "tool":
      return `caller '${identity}' may not call tool '${refused.name}'`;
    case "prompt":
      return `caller '${identity}' may not get prompt '${refused.name}'`;
    case "resource":
      return `caller '${identity}' may not use resource '${refused.name}'`;
    default:
      return `caller '${identity}' may not send this ${refused.name} request: its target cannot be read`;
  }
}

/** Logs a refusal (`call refused: tool not allowed`, ...): which caller, what method, what target. */
export function logRefusal(
  log: Logger | undefined,
  refused: Refused,
  identity: string,
  method: string,
  prefix = "call refused",
): void {
  const what = refused.kind === "request" ? "target unreadable" : `${refused.kind} not allowed`;
  log?.warn(`${prefix}: ${what}`, { method, caller: identity, [refused.kind]: refused.name });
}

/**
 * The gateway's check before a request goes upstream: throws `PermissionDenied` (or
 * `Unauthenticated` when no caller was identified) when the rules refuse it. Synchronous, so a
 * refused request never starts.
 */
export function createRequestAuthorizer(
  config: AuthConfig,
  log?: Logger,
): (identity: string | undefined, method: string, params: unknown) => void {
  return (identity, method, params) => {
    if (identity === undefined)
      throw new ConnectError("cannot authorize a call without an authenticated caller", Code.Unauthenticated);
    const refused = decide(config, identity, method, params);
    if (refused === undefined) return;
    logRefusal(log, refused, identity, method);
    throw new ConnectError(refusalText(refused, identity), Code.PermissionDenied);
  };
}
