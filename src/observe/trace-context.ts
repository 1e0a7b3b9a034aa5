/**
 * W3C Trace Context across the bridge: MCP carries it in `_meta` (`traceparent`, `tracestate`), gRPC
 * and Connect in metadata headers of the same names. Moving it keeps one trace across both sides.
 */

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** A parsed `traceparent`. */
export interface TraceParent {
  version: string;
  traceId: string;
  parentId: string;
  flags: string;
}

/** Parses a `traceparent` value; undefined when it is not valid (all-zero ids are not). */
export function parseTraceParent(value: string | undefined): TraceParent | undefined {
  const m = value === undefined ? null : TRACEPARENT.exec(value.trim());
  if (m === null || m[1] === "ff" || /^0+$/.test(m[2]!) || /^0+$/.test(m[3]!)) return undefined;
  return { version: m[1]!, traceId: m[2]!, parentId: m[3]!, flags: m[4]! };
}

/** Trace context as carried on either side. */
export interface TraceContext {
  traceparent: string;
  tracestate?: string;
}

/** Reads trace context from an MCP `_meta` object. */
export function fromMeta(meta: unknown): TraceContext | undefined {
  if (meta === null || typeof meta !== "object") return undefined;
  const record = meta as Record<string, unknown>;
  const traceparent = typeof record.traceparent === "string" ? record.traceparent : undefined;
  if (parseTraceParent(traceparent) === undefined) return undefined;
  const tracestate = typeof record.tracestate === "string" ? record.tracestate : undefined;
  return tracestate === undefined ? { traceparent: traceparent! } : { traceparent: traceparent!, tracestate };
}

/** Reads trace context from HTTP/gRPC headers. */
export function fromHeaders(headers: Headers): TraceContext | undefined {
  const traceparent = headers.get("traceparent") ?? undefined;
  if (parseTraceParent(traceparent) === undefined) return undefined;
  const tracestate = headers.get("tracestate") ?? undefined;
  return tracestate === undefined ? { traceparent: traceparent! } : { traceparent: traceparent!, tracestate };
}

/** Writes trace context into headers. */
export function toHeaders(context: TraceContext, headers: Headers): void {
  headers.set("traceparent", context.traceparent);
  if (context.tracestate !== undefined) headers.set("tracestate", context.tracestate);
}

/** A copy of an MCP `_meta` object carrying the trace context (other keys kept, in order). */
export function toMeta(context: TraceContext, meta: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { ...meta, traceparent: context.traceparent };
  if (context.tracestate !== undefined) out.tracestate = context.tracestate;
  return out;
}
