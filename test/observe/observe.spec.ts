/** Logs never carry secrets, metrics render as Prometheus text, trace context survives the bridge. */
import assert from "node:assert/strict";
import {
  createLogger,
  fromHeaders,
  fromMeta,
  MetricsRegistry,
  parseTraceParent,
  toHeaders,
  toMeta,
} from "../../src/observe/index.js";

describe("observe: logger", () => {
  it("writes one JSON line per record, with bound fields, and redacts secrets", () => {
    const lines: string[] = [];
    const log = createLogger({ level: "info", sink: (l) => lines.push(l) }).child({ requestId: "r1" });
    log.info("call", { headers: { authorization: "Bearer s3cret", accept: "x" }, apiKey: "k" });
    log.debug("hidden");
    assert.equal(lines.length, 1);
    const record = JSON.parse(lines[0]!);
    assert.equal(record.msg, "call");
    assert.equal(record.requestId, "r1");
    assert.equal(record.headers.authorization, "[redacted]");
    assert.equal(record.headers.accept, "x");
    assert.equal(record.apiKey, "[redacted]");
    assert.ok(!lines[0]!.includes("s3cret"));
  });
});

describe("observe: metrics", () => {
  it("renders counters, gauges and histograms in the text format", () => {
    const m = new MetricsRegistry();
    m.inc("protomcp_calls_total", "Calls.", { tool: "echo", upstream: "a" });
    m.inc("protomcp_calls_total", "Calls.", { tool: "echo", upstream: "a" });
    m.gauge("protomcp_in_flight", "In flight.", { upstream: "a" }, 3);
    m.observe("protomcp_call_seconds", "Latency.", { tool: "echo" }, 0.0003);
    const text = m.render();
    assert.match(
      text,
      /# TYPE protomcp_calls_total counter\nprotomcp_calls_total\{tool="echo",upstream="a"\} 2/,
    );
    assert.match(text, /protomcp_in_flight\{upstream="a"\} 3/);
    assert.match(text, /protomcp_call_seconds_bucket\{tool="echo",le="0.00025"\} 0/);
    assert.match(text, /protomcp_call_seconds_bucket\{tool="echo",le="0.0005"\} 1/);
    assert.match(text, /protomcp_call_seconds_count\{tool="echo"\} 1/);
  });
});

describe("observe: trace context", () => {
  const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  it("parses valid traceparents and refuses invalid ones", () => {
    assert.equal(parseTraceParent(traceparent)?.traceId, "4bf92f3577b34da6a3ce929d0e0e4736");
    assert.equal(parseTraceParent("00-00000000000000000000000000000000-00f067aa0ba902b7-01"), undefined);
    assert.equal(parseTraceParent("garbage"), undefined);
  });

  it("moves from _meta to headers and back", () => {
    const context = fromMeta({ other: 1, traceparent, tracestate: "a=b" })!;
    const headers = new Headers();
    toHeaders(context, headers);
    assert.deepEqual(fromHeaders(headers), { traceparent, tracestate: "a=b" });
    assert.deepEqual(toMeta(fromHeaders(headers)!, { other: 1 }), {
      other: 1,
      traceparent,
      tracestate: "a=b",
    });
  });
});
