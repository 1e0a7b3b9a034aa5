/**
 * Prometheus metrics for the MCP face, named like the gateway's (`protomcp_gateway_…`) but
 * `protomcp_face_…`: requests by JSON-RPC method, tool and outcome, errors by JSON-RPC code, a
 * latency histogram, requests in flight, and HTTP requests the auth guard refused. Served at
 * `GET /metrics` on the face's HTTP port: with auth on, only to clients with a valid token. The
 * `tool` label is a name the face's own `tools/list` answers showed, else `(other)`.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type AuthConfig, callerOf } from "../auth/index.js";
import { type JsonObject, JsonRpcError, type RequestHandler } from "../jsonrpc/index.js";
import { answerScrape, LabelValues, type MetricsRegistry } from "../observe/index.js";

const REQUESTS = "protomcp_face_requests_total";
const ERRORS = "protomcp_face_errors_total";
const LATENCY = "protomcp_face_request_duration_seconds";
const IN_FLIGHT = "protomcp_face_requests_in_flight";
const REFUSALS = "protomcp_face_http_refusals_total";

/**
 * Most tool names used as label values: those a `tools/list` answer showed, up to this many;
 * a client calling made-up names is counted as `tool="(other)"` and cannot grow the registry.
 */
export const MAX_TOOL_LABELS = 1000;

/** Records the face's requests in a {@link MetricsRegistry}. */
export class FaceMetrics {
  private readonly tools = new LabelValues(MAX_TOOL_LABELS);

  /** With `auth`, `/metrics` answers only clients with a valid token (401 otherwise). */
  constructor(
    readonly registry: MetricsRegistry,
    private readonly auth?: AuthConfig,
  ) {}

  /**
   * `handler`, counted: in flight while it runs, then by outcome and latency. `method` replaces
   * the request's own as the label (for unknown methods, whose names clients make up).
   */
  observe(handler: RequestHandler, method?: string): RequestHandler {
    return async (request, context) => {
      const started = performance.now();
      const name = request.params?.name;
      const labels = {
        method: method ?? request.method,
        tool: request.method === "tools/call" && typeof name === "string" ? this.tools.label(name) : "",
      };
      const flight = { method: labels.method };
      this.registry.gauge(IN_FLIGHT, "Requests being served.", flight, 1, "add");
      let code = "OK";
      try {
        const result = await handler(request, context);
        if (request.method === "tools/list") this.learn(result);
        return result;
      } catch (error) {
        code = String(JsonRpcError.from(error).code);
        this.registry.inc(ERRORS, "Failed requests by method, tool and JSON-RPC error code.", {
          ...labels,
          code,
        });
        throw error;
      } finally {
        this.registry.gauge(IN_FLIGHT, "Requests being served.", flight, -1, "add");
        this.registry.inc(REQUESTS, "Requests by method, tool and code (OK or the JSON-RPC error code).", {
          ...labels,
          code,
        });
        const seconds = (performance.now() - started) / 1000;
        this.registry.observe(LATENCY, "Request latency in seconds.", labels, seconds);
      }
    };
  }

  /** Counts an HTTP request the auth guard answered itself (401, 403). */
  refused(status: number): void {
    this.registry.inc(REFUSALS, "HTTP requests refused by access control, by status.", {
      status: String(status),
    });
  }

  /**
   * Answers `GET`/`HEAD /metrics` with the Prometheus text exposition format; with auth on, a
   * request without a valid token gets 401 (and is counted as a refusal).
   */
  serve(req: IncomingMessage, res: ServerResponse): void {
    if (this.auth !== undefined && callerOf(this.auth, req.headers) === undefined) {
      req.resume();
      res
        .writeHead(401, { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"' })
        .end("unauthorized: /metrics needs a valid bearer token or API key\n");
      this.refused(401);
      return;
    }
    answerScrape(this.registry, req, res);
  }

  /** Learns the tool names of a `tools/list` answer, as label values. */
  private learn(result: JsonObject): void {
    if (!Array.isArray(result.tools)) return;
    for (const tool of result.tools) {
      const name = (tool as { name?: unknown } | null)?.name;
      if (typeof name === "string") this.tools.add(name);
    }
  }
}
