/** Observability for every face: structured logs, Prometheus metrics and W3C trace context. */
export {
  contained,
  countUnexpectedErrorsIn,
  installLastResort,
  reportUnexpected,
  UNEXPECTED_ERRORS,
  unexpectedErrorCounts,
} from "./contain.js";
export { createLogger, type Logger, type LogLevel, type LogSink, redact } from "./logger.js";
export {
  answerScrape,
  DEFAULT_MAX_LABEL_VALUES,
  DEFAULT_MAX_SERIES_PER_FAMILY,
  LabelValues,
  LATENCY_BUCKETS,
  type MetricsEndpoint,
  MetricsRegistry,
  type MetricsRegistryOptions,
  OTHER_LABEL,
  serveMetrics,
} from "./metrics.js";
export {
  fromHeaders,
  fromMeta,
  parseTraceParent,
  type TraceContext,
  type TraceParent,
  toHeaders,
  toMeta,
} from "./trace-context.js";
