/**
 * W3C trace context from a binary call's metadata into the upstream request's `params._meta`, so
 * one trace spans the binary caller, the gateway and the MCP server.
 *
 * @module
 */
import type { JsonObject } from "../jsonrpc/index.js";
import { fromHeaders, toMeta } from "../observe/index.js";

/**
 * `params` with the `traceparent` / `tracestate` of `headers` in its `_meta`. A `_meta` that already
 * carries a `traceparent` wins: the caller put it in the message on purpose.
 */
export function withTraceContext(params: JsonObject | undefined, headers: Headers): JsonObject | undefined {
  const trace = fromHeaders(headers);
  if (trace === undefined) return params;
  const meta = params?._meta;
  const metaObject =
    meta !== null && typeof meta === "object" && !Array.isArray(meta) ? (meta as JsonObject) : undefined;
  if (typeof metaObject?.traceparent === "string") return params;
  return { ...params, _meta: toMeta(trace, metaObject) as JsonObject };
}
