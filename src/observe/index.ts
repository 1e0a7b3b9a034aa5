/** Observability for every face: structured logs, Prometheus metrics and W3C trace context. */
export { createLogger, type Logger, type LogLevel, type LogSink, redact } from "./logger.js";
export { LATENCY_BUCKETS, MetricsRegistry } from "./metrics.js";
export {
  fromHeaders,
  fromMeta,
  parseTraceParent,
  type TraceContext,
  type TraceParent,
  toHeaders,
  toMeta,
} from "./trace-context.js";
