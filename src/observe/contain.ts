/**
 * Containment of failures that no handler caught: a conversion or parse that threw in a stream
 * pump, a notification relay, an upstream reader or a worker message. Each is logged with where it
 * happened and counted (`protomcp_unexpected_errors_total{where}` in every registry that asked for
 * it); none ends the process. {@link installLastResort} is the backstop for what still escapes.
 */
import { createLogger, type Logger } from "./logger.js";
import type { MetricsRegistry } from "./metrics.js";

/** The counter every registry passed to {@link countUnexpectedErrorsIn} carries. */
export const UNEXPECTED_ERRORS = "protomcp_unexpected_errors_total";
const HELP = "Failures no handler caught (logged and contained), by where they happened.";

const registries = new Set<MetricsRegistry>();
const counts = new Map<string, number>();
let fallback: Logger | undefined;

/** Counts unexpected errors in `registry` from now on; returns the function that stops it. */
export function countUnexpectedErrorsIn(registry: MetricsRegistry): () => void {
  registries.add(registry);
  return () => registries.delete(registry);
}

/** Unexpected errors reported in this process so far, by `where` (tests read it). */
export function unexpectedErrorCounts(): ReadonlyMap<string, number> {
  return counts;
}

/** The error's message (and stack, which says where in the code), for a log line. */
function describe(error: unknown): { error: string; stack?: string } {
  // A transcoder's error names the value's path already; any other needs the code's place.
  if (error instanceof Error)
    return {
      error: `${error.name}: ${error.message}`,
      ...(error.stack && error.name !== "TranscodeError" ? { stack: error.stack } : {}),
    };
  return { error: String(error) };
}

/**
 * Logs (at error level, on `log` or stderr) and counts a failure that was contained at `where`
 * (a fixed name from the code, such as `gateway.exchange.send`: it is a metric label).
 */
export function reportUnexpected(
  where: string,
  error: unknown,
  log?: Logger,
  fields: Record<string, unknown> = {},
): void {
  counts.set(where, (counts.get(where) ?? 0) + 1);
  for (const registry of registries) registry.inc(UNEXPECTED_ERRORS, HELP, { where });
  try {
    fallback ??= createLogger();
    (log ?? fallback).error("unexpected error contained", { where, ...fields, ...describe(error) });
  } catch {
    // A log sink that throws cannot be told about it.
  }
}

/**
 * Runs `fn`; what it throws is reported at `where` and `undefined` returned. For callbacks that
 * run outside any handler (event listeners, timers), where a throw would end the process.
 */
export function contained<T>(where: string, fn: () => T, log?: Logger): T | undefined {
  try {
    return fn();
  } catch (error) {
    reportUnexpected(where, error, log);
    return undefined;
  }
}

let lastResort: (() => void) | undefined;

/**
 * The process-level backstop of a long-running command (`gateway`, `mcp`, `tools`): an exception
 * or rejection nothing caught is logged and counted (`process.uncaughtException`,
 * `process.unhandledRejection`) instead of ending the process and every caller's calls with it.
 * Not the fix for any failure: each one reported here is a gap to close where it happened.
 * Returns the function that removes it.
 */
export function installLastResort(log?: Logger): () => void {
  lastResort?.();
  const onException = (error: unknown) => reportUnexpected("process.uncaughtException", error, log);
  const onRejection = (reason: unknown) => reportUnexpected("process.unhandledRejection", reason, log);
  process.on("uncaughtException", onException);
  process.on("unhandledRejection", onRejection);
  lastResort = () => {
    process.off("uncaughtException", onException);
    process.off("unhandledRejection", onRejection);
    lastResort = undefined;
  };
  return lastResort;
}
