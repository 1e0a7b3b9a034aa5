/**
 * The decisions every face makes: who is calling (from a bearer token or API key), and whether
 * that caller may call a tool or use a resource.
 *
 * @module
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { AuthConfig, ToolRule } from "./auth-config.js";
import { canonicalUri } from "./uri.js";

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
  return new RegExp(`^${body}$`, "s");
}

type Kind = "tool" | "prompt" | "resource";
const KEYS: Record<
  Kind,
  readonly ["allow" | "allowPrompts" | "allowResources", "deny" | "denyPrompts" | "denyResources"]
> = {
  tool: ["allow", "deny"],
  prompt: ["allowPrompts", "denyPrompts"],
  resource: ["allowResources", "denyResources"],
};

/** One rule's patterns of one kind, compiled (resource patterns in canonical URI form). */
interface Compiled {
  allow: RegExp[] | undefined;
  deny: RegExp[];
}

/** The rules that apply to each identity, compiled once per rules array. */
const compiledRules = new WeakMap<readonly ToolRule[], Map<string, Record<Kind, Compiled[]>>>();

function compile(patterns: readonly string[] | undefined, kind: Kind): RegExp[] | undefined {
  if (patterns === undefined) return undefined;
  // A resource pattern is a URI with `*` in it: compared in the same canonical form as the URI.
  // One that is no URI (a bad escape) matches nothing.
  return patterns.flatMap((p) => {
    const form = kind === "resource" ? canonicalUri(p) : p;
    return form === undefined ? [] : [globToRegExp(form)];
  });
}

/** The compiled rules for `identity` (and `*`), by kind; empty arrays when no rule applies. */
function rulesFor(config: AuthConfig, identity: string): Record<Kind, Compiled[]> {
  const rules = config.rules ?? [];
  let byIdentity = compiledRules.get(rules);
  if (byIdentity === undefined) {
    byIdentity = new Map();
    compiledRules.set(rules, byIdentity);
  }
  let found = byIdentity.get(identity);
  if (found === undefined) {
    const mine = rules.filter((r) => r.identity === identity || r.identity === "*");
    const of = (kind: Kind): Compiled[] => {
      const [allowKey, denyKey] = KEYS[kind];
      return mine
        .filter((r) => r[allowKey] !== undefined || r[denyKey] !== undefined)
        .map((r) => ({ allow: compile(r[allowKey], kind), deny: compile(r[denyKey], kind) ?? [] }));
    };
    found = { tool: of("tool"), prompt: of("prompt"), resource: of("resource") };
    if (byIdentity.size < 10_000) byIdentity.set(identity, found);
  }
  return found;
}

/** Whether any rule governs `identity`'s use of things of `kind`. */
export function governed(config: AuthConfig, identity: string, kind: Kind): boolean {
  return (config.rules ?? []).length > 0 && rulesFor(config, identity)[kind].length > 0;
}

/** Whether the rules for `identity` (and `*`) let `name` through: deny wins; any allow must match. */
function permitted(config: AuthConfig, identity: string, kind: Kind, name: string | undefined): boolean {
  if ((config.rules ?? []).length === 0) return true;
  const rules = rulesFor(config, identity)[kind];
  if (rules.length === 0) return true;
  // Governed, and not readable: refused.
  if (name === undefined) return false;
  if (rules.some((r) => r.deny.some((p) => p.test(name)))) return false;
  const allows = rules.filter((r) => r.allow !== undefined);
  return allows.length === 0 || allows.some((r) => (r.allow ?? []).some((p) => p.test(name)));
}

/**
 * Whether `identity` may call the tool `tool`. Rules for the identity (and for `*`) apply
 * together: a matching `deny` refuses; when any of them has an `allow`, the tool must match one.
 * Names are compared exactly, as an MCP server looks its tools up.
 */
export function mayCallTool(config: AuthConfig, identity: string, tool: string): boolean {
  return permitted(config, identity, "tool", tool);
}

/** Whether `identity` may get the prompt `prompt`, by `allowPrompts` / `denyPrompts` as for tools. */
export function mayGetPrompt(config: AuthConfig, identity: string, prompt: string): boolean {
  return permitted(config, identity, "prompt", prompt);
}

/**
 * Whether `identity` may read (or subscribe to) the resource `uri`, by the rules'
 * `allowResources` / `denyResources` the same way as tools, with the URI and the patterns both in
 * canonical form ({@link canonicalUri}): `DEMO://resource/./x` is `demo://resource/x`. A URI with
 * no single reading (a bad escape, a control character) is refused whenever a resource rule
 * applies. Also applied to a resource template's `uriTemplate` when lists are filtered:
 * `file:///secret/*` hides `file:///secret/{path}`.
 */
export function mayUseResource(config: AuthConfig, identity: string, uri: string): boolean {
  if ((config.rules ?? []).length === 0) return true;
  return permitted(config, identity, "resource", canonicalUri(uri));
}
