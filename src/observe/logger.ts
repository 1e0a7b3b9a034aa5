/**
 * Structured logs: one JSON object per line on stderr (stdout of a stdio server carries protocol
 * only). Values under keys that name secrets are never written.
 */

/** Severity, as syslog and MCP's LoggingLevel order them (lower is more severe). */
export type LogLevel = "error" | "warn" | "info" | "debug";
const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };
const SECRET_KEY = /authorization|token|secret|password|api[-_]?key|cookie/i;

/** A logger bound to fields (such as a request id) that every line it writes carries. */
export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
  /** A logger whose lines also carry `fields`. */
  child(fields: Record<string, unknown>): Logger;
}

/** Where lines go; stderr unless a test captures them. */
export type LogSink = (line: string) => void;

/** Replaces the values of secret-looking keys, at any depth. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1);
  return out;
}

/**
 * Creates a logger that writes JSON lines at `level` and above. The level defaults to the
 * `PROTOMCP_LOG` environment variable, else `info`.
 */
export function createLogger(
  options: { level?: LogLevel; sink?: LogSink; fields?: Record<string, unknown> } = {},
): Logger {
  const envLevel = process.env.PROTOMCP_LOG as LogLevel | undefined;
  const level = options.level ?? (envLevel !== undefined && envLevel in RANK ? envLevel : "info");
  const sink = options.sink ?? ((line: string) => process.stderr.write(line));
  const bound = options.fields ?? {};
  const write = (at: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (RANK[at] > RANK[level]) return;
    const record = { time: new Date().toISOString(), level: at, msg: message, ...bound, ...fields };
    sink(`${JSON.stringify(redact(record))}\n`);
  };
  return {
    error: (m, f) => write("error", m, f),
    warn: (m, f) => write("warn", m, f),
    info: (m, f) => write("info", m, f),
    debug: (m, f) => write("debug", m, f),
    child: (fields) => createLogger({ level, sink, fields: { ...bound, ...fields } }),
  };
}
