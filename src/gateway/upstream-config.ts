/**
 * Where upstream MCP servers are: `stdio:<command line>` or an `http(s)://` URL on the command line,
 * or the `mcpServers` file MCP clients already use (Claude Desktop, Cursor).
 */
import { readFileSync } from "node:fs";
import { DEFAULT_INHERITED_ENV, inheritedEnvironment } from "../jsonrpc/stdio-client.js";

/** A server spawned and spoken to over stdio. */
export interface StdioUpstream {
  command: string;
  args: string[];
  /** Variables set for this server (the `env` of an `mcpServers` entry): always passed, as given. */
  env?: Record<string, string>;
  cwd?: string;
}

/**
 * What of the gateway's own environment its stdio upstreams inherit, besides each one's `env`.
 * By default only {@link DEFAULT_INHERITED_ENV} (HOME, LOGNAME, PATH, SHELL, TERM, USER on POSIX),
 * as the official SDK's stdio transport and Claude Desktop pass.
 */
export interface UpstreamEnvPolicy {
  /** Inherit the whole environment (less what is withheld). Default false. */
  inherit?: boolean;
  /** More variables inherited by name (the CLI's `--upstream-env NAME`). */
  pass?: readonly string[];
  /**
   * Variables never inherited, even with `inherit` or `pass`: the gateway's own secrets (the
   * gateway adds the variable named by `--auth-token-env`).
   */
  withhold?: readonly string[];
  /**
   * Secret values never inherited: a variable whose value contains one is left out, whatever its
   * name (the gateway adds its accepted tokens and its TLS key).
   */
  withholdValues?: readonly string[];
}

/**
 * The environment a stdio upstream starts with under `policy`: the inherited variables of
 * `source` less the withheld ones, then the upstream's own `env` over them.
 */
export function upstreamEnvironment(
  config: StdioUpstream,
  policy: UpstreamEnvPolicy = {},
  source: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const names = policy.inherit === true ? true : [...DEFAULT_INHERITED_ENV, ...(policy.pass ?? [])];
  const inherited = inheritedEnvironment(names, source);
  const fold = (name: string) => (process.platform === "win32" ? name.toUpperCase() : name);
  const withheld = new Set((policy.withhold ?? []).map(fold));
  // Short values would match by accident (a PATH holding "test"); a token or key is longer.
  const secrets = (policy.withholdValues ?? []).filter((v) => v.length >= 8);
  for (const [name, value] of Object.entries(inherited)) {
    if (withheld.has(fold(name)) || secrets.some((secret) => value.includes(secret))) delete inherited[name];
  }
  return { ...inherited, ...config.env };
}

/** A server reached over Streamable HTTP. */
export interface HttpUpstream {
  url: string;
  headers?: Record<string, string>;
}

export type UpstreamConfig = StdioUpstream | HttpUpstream;

/** Splits a command line into words, honouring single and double quotes and backslashes. */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = "";
  let quote: string | undefined;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else if (c === "\\" && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === "\\" && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote !== undefined) throw new Error(`cannot parse command line: unterminated ${quote}`);
  if (inWord) words.push(word);
  return words;
}

/** Parses `stdio:<command line>` or an http(s) URL. */
export function parseUpstream(spec: string): UpstreamConfig {
  if (spec.startsWith("stdio:")) {
    const [command, ...args] = splitCommandLine(spec.slice("stdio:".length));
    if (command === undefined) throw new Error("cannot use upstream 'stdio:': no command");
    return { command, args };
  }
  if (/^https?:\/\//.test(spec)) return { url: spec };
  throw new Error(`cannot use upstream '${spec}': expected stdio:<command line> or an http(s):// URL`);
}

/** Reads an `{"mcpServers": {name: {command, args, env} | {url}}}` file. */
export function readMcpServersFile(path: string): Map<string, UpstreamConfig> {
  const parsed = JSON.parse(readFileSync(path, "utf8")) as {
    mcpServers?: Record<string, Record<string, unknown>>;
  };
  if (parsed.mcpServers === undefined || typeof parsed.mcpServers !== "object") {
    throw new Error(`cannot read ${path}: it has no "mcpServers" object`);
  }
  const out = new Map<string, UpstreamConfig>();
  for (const [name, entry] of Object.entries(parsed.mcpServers)) {
    if (typeof entry.url === "string") {
      out.set(name, {
        url: entry.url,
        ...(entry.headers ? { headers: entry.headers as Record<string, string> } : {}),
      });
    } else if (typeof entry.command === "string") {
      out.set(name, {
        command: entry.command,
        args: Array.isArray(entry.args) ? entry.args.map(String) : [],
        ...(entry.env ? { env: entry.env as Record<string, string> } : {}),
        ...(typeof entry.cwd === "string" ? { cwd: entry.cwd } : {}),
      });
    } else throw new Error(`cannot read ${path}: server '${name}' has neither "command" nor "url"`);
  }
  return out;
}
