/**
 * Metrics and access logs for the binary face: a Connect interceptor counting calls, errors and
 * latency per method, tool and upstream (with an in-flight gauge) in a {@link MetricsRegistry},
 * and writing one log line per call with its request id. Also the `/metrics` HTTP route.
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import { Code, ConnectError, type Interceptor } from "@connectrpc/connect";
import { CALLER, toolNameOf } from "../auth/index.js";
import type { Logger, MetricsRegistry } from "../observe/index.js";

/** The header carrying a request id, taken from the caller when given and echoed back. */
export const REQUEST_ID_HEADER = "x-request-id";

const CALLS = "protomcp_gateway_calls_total";
const ERRORS = "protomcp_gateway_errors_total";
const LATENCY = "protomcp_gateway_call_duration_seconds";
const IN_FLIGHT = "protomcp_gateway_calls_in_flight";

function codeName(error: unknown): string {
  return Code[ConnectError.from(error).code] ?? "Unknown";
}

/**
 * An interceptor recording every call in `metrics` and logging it on `log`. Put it first (outermost)
 * so refused calls are counted too. `upstreamOf` names the upstream a call's headers choose.
 */
export function createCallObserver(
  metrics: MetricsRegistry,
  log: Logger,
  upstreamOf: (header: Headers) => string,
): Interceptor {
  return (next) => async (req) => {
    const started = performance.now();
    const given = req.header.get(REQUEST_ID_HEADER);
    const requestId = given !== null && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    const labels = {
      method: req.method.name,
      tool: req.stream ? "" : (toolNameOf(req.message) ?? ""),
      upstream: upstreamOf(req.header),
    };
    const flight = { method: labels.method, upstream: labels.upstream };
    metrics.gauge(IN_FLIGHT, "Calls being served.", flight, 1, "add");
    let settled = false;
    const finish = (error: unknown) => {
      if (settled) return;
      settled = true;
      metrics.gauge(IN_FLIGHT, "Calls being served.", flight, -1, "add");
      const seconds = (performance.now() - started) / 1000;
      const code = error === undefined ? "OK" : codeName(error);
      metrics.inc(CALLS, "Calls by method, tool, upstream and code.", { ...labels, code });
      if (error !== undefined)
        metrics.inc(ERRORS, "Failed calls by method, tool, upstream and code.", { ...labels, code });
      metrics.observe(LATENCY, "Call latency in seconds.", labels, seconds);
      const fields = {
        requestId,
        method: `${req.service.typeName}/${req.method.name}`,
        ...(labels.tool === "" ? {} : { tool: labels.tool }),
        upstream: labels.upstream,
        caller: req.contextValues.get(CALLER),
        code,
        ms: Math.round(seconds * 10000) / 10,
      };
      if (error === undefined) log.info("call", fields);
      else log.warn("call failed", { ...fields, error: ConnectError.from(error).rawMessage });
    };
    try {
      const res = await next(req);
      res.header.set(REQUEST_ID_HEADER, requestId);
      if (!res.stream) {
        finish(undefined);
        return res;
      }
      const output = res.message;
      async function* observed() {
        try {
          yield* output;
          finish(undefined);
        } catch (error) {
          finish(error);
          throw error;
        } finally {
          finish(new ConnectError("stream abandoned", Code.Canceled));
        }
      }
      return { ...res, message: observed() };
    } catch (error) {
      finish(error);
      if (error instanceof ConnectError) error.metadata.set(REQUEST_ID_HEADER, requestId);
      throw error;
    }
  };
}

/** A `fallback` route for the binary server: Prometheus text at `GET /metrics`, 404 elsewhere. */
export function metricsRoute(metrics: MetricsRegistry): (req: unknown, res: unknown) => void {
  return (rawReq, rawRes) => {
    const req = rawReq as { url?: string; method?: string; headers?: Record<string, unknown> };
    const res = rawRes as {
      writeHead(status: number, headers: Record<string, string>): unknown;
      end(body: string): unknown;
    };
    const path = (req.url ?? "").split("?")[0];
    if (path === "/metrics" && (req.method === "GET" || req.method === "HEAD")) {
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
      res.end(req.method === "HEAD" ? "" : metrics.render());
      return;
    }
    const contentType = String(req.headers?.["content-type"] ?? "");
    if (contentType.startsWith("application/grpc")) {
      // gRPC clients read an unknown method from grpc-status, not from the HTTP status.
      res.writeHead(200, {
        "content-type": contentType,
        "grpc-status": "12",
        "grpc-message": encodeURIComponent(`unknown method ${path}`),
      });
      res.end("");
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found\n");
  };
}
