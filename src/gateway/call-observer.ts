/**
 * Metrics and access logs for the binary face: a Connect interceptor counting calls, errors and
 * latency per method, tool and upstream (with an in-flight gauge) in a {@link MetricsRegistry},
 * and writing one log line per call with its request id. Also the `/metrics` HTTP route, behind
 * the face's authentication when it has one.
 *
 * Label values never come from callers as sent: `upstream` is a configured name and `tool` a name
 * an upstream listed, anything else {@link OTHER_LABEL}; so made-up names cannot grow a scrape.
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import { Code, ConnectError, type Interceptor } from "@connectrpc/connect";
import { type AuthConfig, authenticate, CALLER, toolNameOf, tokenFrom } from "../auth/index.js";
import { clientCertificateOf } from "../binary/index.js";
import type { Logger, MetricsRegistry } from "../observe/index.js";

/** The header carrying a request id, taken from the caller when given and echoed back. */
export const REQUEST_ID_HEADER = "x-request-id";

const CALLS = "protomcp_gateway_calls_total";
const ERRORS = "protomcp_gateway_errors_total";
const LATENCY = "protomcp_gateway_call_duration_seconds";
const IN_FLIGHT = "protomcp_gateway_calls_in_flight";

/** Codes that say only that something broke, which a call that was over already explains. */
const VAGUE = new Set([Code.Unknown, Code.Internal, Code.Canceled]);

/**
 * The code a failed call is counted and logged with. A call whose caller went away or whose
 * deadline passed is `Canceled` / `DeadlineExceeded`, whatever broke after (a write to a closed
 * stream is `Internal` or not a ConnectError at all).
 */
function codeName(error: unknown, signal: AbortSignal): string {
  const given = ConnectError.from(error);
  if (signal.aborted && (!(error instanceof ConnectError) || VAGUE.has(given.code))) {
    const reason = ConnectError.from(signal.reason, Code.Canceled);
    if (reason.code === Code.Canceled || reason.code === Code.DeadlineExceeded) return Code[reason.code];
  }
  return Code[given.code] ?? "Unknown";
}

/** How a call's labels are chosen: only from names the gateway knows. */
export interface CallLabels {
  /** The upstream a call's headers choose, as a label: a configured name, or `(other)`. */
  upstream(header: Headers): string;
  /** A tool name as a label: one `upstream` (a label) listed, or `(other)`. */
  tool(upstream: string, name: string): string;
}

/**
 * An interceptor recording every call in `metrics` and logging it on `log`. Put it first (outermost)
 * so refused calls are counted too. `labelsOf` turns a call's upstream and tool into label values.
 */
export function createCallObserver(metrics: MetricsRegistry, log: Logger, labelsOf: CallLabels): Interceptor {
  return (next) => async (req) => {
    const started = performance.now();
    const given = req.header.get(REQUEST_ID_HEADER);
    const requestId = given !== null && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    const upstream = labelsOf.upstream(req.header);
    const toolName = req.stream ? undefined : toolNameOf(req.message);
    const labels = {
      method: req.method.name,
      tool: toolName === undefined ? "" : labelsOf.tool(upstream, toolName),
      upstream,
    };
    const flight = { method: labels.method, upstream: labels.upstream };
    metrics.gauge(IN_FLIGHT, "Calls being served.", flight, 1, "add");
    let settled = false;
    const finish = (error: unknown) => {
      if (settled) return;
      settled = true;
      metrics.gauge(IN_FLIGHT, "Calls being served.", flight, -1, "add");
      const seconds = (performance.now() - started) / 1000;
      const code = error === undefined ? "OK" : codeName(error, req.signal);
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
      // A caller that resets its stream makes reading its input fail; the handler may take that
      // as the end of the input and finish quietly (Exchange does), but the call did not succeed.
      let inputFailure: unknown;
      let observedReq = req;
      if (req.stream) {
        const input = req.message;
        observedReq = {
          ...req,
          message: (async function* () {
            try {
              yield* input;
            } catch (error) {
              inputFailure = error;
              throw error;
            }
          })(),
        };
      }
      const res = await next(observedReq);
      res.header.set(REQUEST_ID_HEADER, requestId);
      if (!res.stream) {
        finish(undefined);
        return res;
      }
      const output = res.message;
      async function* observed() {
        try {
          yield* output;
          // A stream that ends quietly because its caller left (Exchange ends when its input
          // does) did not succeed: it is counted as what ended it.
          finish(
            req.signal.aborted
              ? ConnectError.from(req.signal.reason, Code.Canceled)
              : inputFailure === undefined
                ? undefined
                : ConnectError.from(inputFailure, Code.Canceled),
          );
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

/**
 * Whether an HTTP request to the binary port may read `/metrics` under `auth`: as a call would be
 * let in, by a valid token or (with `trustClientCertificates`) a verified client certificate.
 */
function mayScrape(auth: AuthConfig, req: { headers?: Record<string, unknown>; socket?: unknown }): boolean {
  const header = (name: string) => {
    const value = req.headers?.[name];
    return typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : null;
  };
  const token = tokenFrom(header);
  if (authenticate(auth, token) !== undefined) return true;
  return (
    token === undefined && auth.trustClientCertificates === true && clientCertificateOf(req) !== undefined
  );
}

/**
 * A `fallback` route for the binary server: Prometheus text at `GET /metrics` (only for callers
 * `auth` lets in, when given; not at all when `metrics` is undefined), 404 elsewhere.
 */
export function metricsRoute(
  metrics: MetricsRegistry | undefined,
  auth?: AuthConfig,
): (req: unknown, res: unknown) => void {
  return (rawReq, rawRes) => {
    const req = rawReq as {
      url?: string;
      method?: string;
      headers?: Record<string, unknown>;
      socket?: unknown;
      resume?: () => unknown;
    };
    const res = rawRes as {
      writeHead(status: number, headers: Record<string, string>): unknown;
      end(body: string): unknown;
    };
    const path = (req.url ?? "").split("?")[0];
    if (metrics !== undefined && path === "/metrics" && (req.method === "GET" || req.method === "HEAD")) {
      if (auth !== undefined && !mayScrape(auth, req)) {
        req.resume?.();
        res.writeHead(401, { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"' });
        res.end("unauthorized: /metrics needs a valid bearer token, API key or client certificate\n");
        return;
      }
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
