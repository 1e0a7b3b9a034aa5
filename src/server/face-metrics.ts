/**
 * Prometheus metrics for the MCP face, named like the gateway's (`protomcp_gateway_…`) but
 * `protomcp_face_…`: requests by JSON-RPC method, tool and outcome, errors by JSON-RPC code, a
 * latency histogram, requests in flight, and HTTP requests the auth guard refused. Served at
 * `GET /metrics` on the face's HTTP port.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { JsonRpcError, type RequestHandler } from "../jsonrpc/index.js";
import type { MetricsRegistry } from "../observe/index.js";

const REQUESTS = "protomcp_face_requests_total";
const ERRORS = "protomcp_face_errors_total";
const LATENCY = "protomcp_face_request_duration_seconds";
const IN_FLIGHT = "protomcp_face_requests_in_flight";
const REFUSALS = "protomcp_face_http_refusals_total";

/**
 * Tool names come from clients, so past this many distinct ones further names are counted as
 * `tool="(other)"`: a client calling made-up names cannot grow the registry without bound.
 */
export const MAX_TOOL_LABELS = 1000;

/** Records the face's requests in a {@link MetricsRegistry}. */
export class FaceMetrics {
  private readonly tools = new Set<string>();

  constructor(readonly registry: MetricsRegistry) {}

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
        tool: request.method === "tools/call" && typeof name === "string" ? this.toolLabel(name) : "",
      };
      const flight = { method: labels.method };
      this.registry.gauge(IN_FLIGHT, "Requests being served.", flight, 1, "add");
      let code = "OK";
      try {
        return await handler(request, context);
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

  /** Answers `GET`/`HEAD /metrics` with the Prometheus text exposition format. */
  serve(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("use GET\n");
      return;
    }
    res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
    res.end(req.method === "HEAD" ? "" : this.registry.render());
  }

  private toolLabel(name: string): string {
    if (this.tools.has(name)) return name;
    if (this.tools.size >= MAX_TOOL_LABELS) return "(other)";
    this.tools.add(name);
    return name;
  }
}
