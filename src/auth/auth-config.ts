/**
 * Who may call, and which tools and resources each caller may use: the credentials a face accepts
 * (each naming an identity) and allow/deny rules over tool names and resource URIs by identity.
 *
 * @module
 */
import { readFileSync } from "node:fs";

/** One accepted credential: a bearer token (or API key) and the caller it identifies. */
export interface Credential {
  /** The secret, as sent in `Authorization: Bearer …` or `X-Api-Key`. Never logged. */
  token: string;
  /** The caller's name, used by rules, logs and metrics. */
  identity: string;
}

/**
 * Allow/deny over tool names, prompt names and resource URIs for callers whose identity matches `identity`
 * (`*` for everyone). Patterns are globs where `*` matches any run of characters (`/` included)
 * and everything else matches itself, compared against the whole name or URI.
 */
export interface ToolRule {
  identity: string;
  /** When given, only tools matching one of these patterns may be called. */
  allow?: readonly string[];
  /** Tools matching any of these patterns may not be called (deny wins over allow). */
  deny?: readonly string[];
  /** When given, only prompts matching one of these patterns may be got (`prompts/get`). */
  allowPrompts?: readonly string[];
  /** Prompts matching any of these patterns may not be got (deny wins over allow). */
  denyPrompts?: readonly string[];
  /**
   * When given, only resources whose URI matches one of these may be read or subscribed to. URIs
   * and patterns are compared in canonical form (RFC 3986 normalisation, see `canonicalUri`).
   */
  allowResources?: readonly string[];
  /** Resources whose URI matches any of these may not be read or subscribed to (deny wins). */
  denyResources?: readonly string[];
}

/** Access control for a face. */
export interface AuthConfig {
  /** The accepted credentials; an empty list refuses every caller without a client certificate. */
  credentials: readonly Credential[];
  /** Per-tool and per-resource rules; none means every authenticated caller may use everything. */
  rules?: readonly ToolRule[];
  /**
   * Binary face under mutual TLS: a caller without a token is identified by the subject CN of
   * its client certificate, when the server verified it against its `ca`. A token, when sent,
   * still wins (and a bad one is still refused). Default false.
   */
  trustClientCertificates?: boolean;
  /**
   * Binary face: most calls (streams included, until they end) one caller may have in flight;
   * more get `ResourceExhausted`. Default {@link DEFAULT_MAX_CONCURRENT_PER_CALLER};
   * `Infinity` for no limit.
   */
  maxConcurrentPerCaller?: number;
}

/**
 * Default for {@link AuthConfig.maxConcurrentPerCaller}: above what one well-behaved client
 * multiplexes (HTTP/2 servers commonly allow 100 streams a connection, and a client may hold a
 * few connections), low enough that one caller cannot take every upstream slot from the others.
 */
export const DEFAULT_MAX_CONCURRENT_PER_CALLER = 256;

/** The identity given to a token that names none. */
export const DEFAULT_IDENTITY = "default";

/**
 * Parses credentials from an environment variable's value: comma-separated entries, each either
 * `TOKEN` (identity `default`) or `IDENTITY:TOKEN`.
 */
export function parseCredentials(text: string): Credential[] {
  const out: Credential[] = [];
  for (const raw of text.split(",")) {
    const entry = raw.trim();
    if (entry === "") continue;
    const at = entry.indexOf(":");
    const credential =
      at < 0
        ? { identity: DEFAULT_IDENTITY, token: entry }
        : { identity: entry.slice(0, at).trim(), token: entry.slice(at + 1).trim() };
    if (credential.identity === "" || credential.token === "") {
      throw new Error("cannot parse credentials: an entry has an empty identity or token");
    }
    out.push(credential);
  }
  return out;
}

const PATTERN_KEYS = [
  "allow",
  "deny",
  "allowPrompts",
  "denyPrompts",
  "allowResources",
  "denyResources",
] as const;
type PatternKey = (typeof PATTERN_KEYS)[number];

/** Checks a parsed rules document (`{"rules": [...]}` or a bare array) and returns its rules. */
export function parseRules(value: unknown): ToolRule[] {
  const list = Array.isArray(value) ? value : (value as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(list)) throw new Error('cannot read rules: want {"rules": [...]}');
  return list.map((item: unknown, i) => {
    const rule = item as Record<string, unknown> | null;
    if (rule === null || typeof rule !== "object" || typeof rule.identity !== "string") {
      throw new Error(`cannot read rule ${i}: want an object with a string "identity"`);
    }
    const patterns = (key: PatternKey): readonly string[] | undefined => {
      const v = rule[key];
      if (v === undefined) return undefined;
      if (!Array.isArray(v) || !v.every((p) => typeof p === "string")) {
        throw new Error(`cannot read rule ${i}: "${key}" must be an array of strings`);
      }
      return v as string[];
    };
    const out: ToolRule = { identity: rule.identity };
    for (const key of PATTERN_KEYS) {
      const found = patterns(key);
      if (found !== undefined) out[key] = found;
    }
    return out;
  });
}

/**
 * Builds an {@link AuthConfig} from the environment variable `tokenEnv` (see
 * {@link parseCredentials}) and an optional JSON rules file. Fails when the variable is unset or
 * empty: a face asked to check tokens must not silently accept everyone.
 */
export function loadAuthConfig(
  options: { tokenEnv: string; rulesFile?: string },
  env: NodeJS.ProcessEnv = process.env,
): AuthConfig {
  const text = env[options.tokenEnv];
  if (text === undefined || text.trim() === "") {
    throw new Error(`cannot enable auth: environment variable ${options.tokenEnv} is unset or empty`);
  }
  const credentials = parseCredentials(text);
  if (options.rulesFile === undefined) return { credentials };
  const rules = parseRules(JSON.parse(readFileSync(options.rulesFile, "utf8")));
  return { credentials, rules };
}
