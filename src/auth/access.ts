/**
 * The decisions every face makes: who is calling (from a bearer token or API key), and whether
 * that caller may call a tool or use a resource.
 *
 * @module
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { AuthConfig } from "./auth-config.js";

/** The header an API key may come in, as an alternative to `Authorization: Bearer`. */
export const API_KEY_HEADER = "x-api-key";

/** The token a request carries, from `Authorization: Bearer …` or `X-Api-Key`. */
export function tokenFrom(get: (name: string) => string | null | undefined): string | undefined {
  const authorization = get("authorization");
  if (authorization !== null && authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match?.[1];
  }
  const key = get(API_KEY_HEADER);
  return key === null || key === undefined || key === "" ? undefined : key.trim();
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * The identity whose credential is `token`, or undefined. Compares digests in constant time, and
 * checks every credential, so timing tells nothing about which (or how much of one) matched.
 */
export function authenticate(config: AuthConfig, token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const presented = digest(token);
  let identity: string | undefined;
  for (const credential of config.credentials) {
    if (timingSafeEqual(presented, digest(credential.token)) && identity === undefined) {
      identity = credential.identity;
    }
  }
  return identity;
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}$`);
}

function matches(patterns: readonly string[], name: string): boolean {
  return patterns.some((p) => globToRegExp(p).test(name));
}

/**
 * Whether `identity` may call the tool `tool`. Rules for the identity (and for `*`) apply
 * together: a matching `deny` refuses; when any of them has an `allow`, the tool must match one.
 */
export function mayCallTool(config: AuthConfig, identity: string, tool: string): boolean {
  return permitted(config, identity, tool, "allow", "deny");
}

/**
 * Whether `identity` may read (or subscribe to) the resource `uri`, by the rules'
 * `allowResources` / `denyResources` the same way as tools. Also applied to a resource template's
 * `uriTemplate` when lists are filtered: `file:///secret/*` hides `file:///secret/{path}`.
 */
export function mayUseResource(config: AuthConfig, identity: string, uri: string): boolean {
  return permitted(config, identity, uri, "allowResources", "denyResources");
}

/** Whether the rules for `identity` (and `*`) let `name` through: deny wins; any allow must match. */
function permitted(
  config: AuthConfig,
  identity: string,
  name: string,
  allowKey: "allow" | "allowResources",
  denyKey: "deny" | "denyResources",
): boolean {
  const rules = (config.rules ?? []).filter((r) => r.identity === identity || r.identity === "*");
  if (rules.some((r) => matches(r[denyKey] ?? [], name))) return false;
  const allows = rules.filter((r) => r[allowKey] !== undefined);
  return allows.length === 0 || allows.some((r) => matches(r[allowKey] ?? [], name));
}
