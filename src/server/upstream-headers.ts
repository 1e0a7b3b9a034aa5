/**
 * The metadata the MCP face sends with each upstream RPC: the client's HTTP headers it was told to
 * forward, and the W3C trace context, so that one trace spans both sides of the bridge. The
 * `_meta` itself still travels in the message; the headers are for what reads only metadata
 * (interceptors, proxies, tracing middleware).
 *
 * @module
 */
import type { JsonRpcRequest, RequestContext } from "../jsonrpc/index.js";
import { fromMeta, parseTraceParent, type TraceContext, toHeaders } from "../observe/index.js";
import { forwardedHeaders } from "./forwarded-headers.js";

/**
 * Headers for the upstream RPC that carries `request`, or `undefined` when there are none. The
 * trace context comes from the request's `_meta` (`traceparent`, `tracestate`), or else from the
 * `traceparent`/`tracestate` headers of the HTTP POST that carried it; it replaces a forwarded one.
 */
export function upstreamHeaders(
  request: JsonRpcRequest,
  context: RequestContext,
  forward: readonly string[] | undefined,
): Headers | undefined {
  const headers = forwardedHeaders(forward, context.info);
  const trace = fromMeta(request.params?._meta) ?? fromHttpHeaders(context.info?.headers);
  if (trace === undefined) return headers;
  const out = headers ?? new Headers();
  out.delete("tracestate");
  toHeaders(trace, out);
  return out;
}

function fromHttpHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>> | undefined,
): TraceContext | undefined {
  const traceparent = headers?.traceparent;
  if (typeof traceparent !== "string" || parseTraceParent(traceparent) === undefined) return undefined;
  const tracestate = headers?.tracestate;
  const state = Array.isArray(tracestate) ? tracestate.join(",") : tracestate;
  return state === undefined ? { traceparent } : { traceparent, tracestate: state };
}
