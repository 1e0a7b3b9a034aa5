/**
 * Load: 64 concurrent gRPC callers through the gateway in front of server-everything (stdio) for a
 * bounded time (10 s; `PROTOMCP_LOAD_SECONDS=60` for a minute). Zero errors; p50/p99 and RSS
 * (first second vs last) reported on stderr; RSS growth asserted only against a generous bound.
 * Also checks that `/metrics` counted every call.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { type Gateway, startGateway } from "../../src/gateway/index.js";
import { createLogger } from "../../src/observe/index.js";

const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");
const SECONDS = Number(process.env.PROTOMCP_LOAD_SECONDS ?? 10);
const CALLERS = 64;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

describe("hardening: load through the gateway", function () {
  this.timeout((SECONDS + 60) * 1000);
  let gateway: Gateway;

  before(async () => {
    gateway = await startGateway({
      upstreams: new Map([["everything", { command: process.execPath, args: [everything, "stdio"] }]]),
      logger: createLogger({ level: "error" }),
    });
  });
  after(async () => {
    await gateway?.close();
  });

  it(`serves ${CALLERS} concurrent callers for ${SECONDS} s with zero errors`, async () => {
    const client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
    await client.callTool({ name: "echo", arguments: '{"message":"warm"}' });
    const latencies: number[] = [];
    const errors: string[] = [];
    const rss: number[] = [];
    const started = performance.now();
    const end = started + SECONDS * 1000;
    const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 1000);
    rss.push(process.memoryUsage().rss);
    const caller = async (n: number) => {
      for (let i = 0; performance.now() < end; i++) {
        const t = performance.now();
        try {
          const result =
            i % 4 === 3
              ? await client.listTools({})
              : await client.callTool({ name: "echo", arguments: JSON.stringify({ message: `c${n}-${i}` }) });
          if ("isError" in result && result.isError === true) errors.push(`c${n}-${i}: isError`);
        } catch (error) {
          errors.push(`c${n}-${i}: ${String(error)}`);
        }
        latencies.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: CALLERS }, (_, n) => caller(n)));
    clearInterval(sampler);
    rss.push(process.memoryUsage().rss);
    const elapsed = (performance.now() - started) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    const first = rss[1] ?? rss[0]!;
    const last = rss[rss.length - 1]!;
    process.stderr.write(
      `load: ${latencies.length} calls by ${CALLERS} callers in ${elapsed.toFixed(1)} s ` +
        `(${Math.round(latencies.length / elapsed)}/s), errors ${errors.length}, ` +
        `p50 ${quantile(sorted, 0.5).toFixed(2)} ms, p99 ${quantile(sorted, 0.99).toFixed(2)} ms, ` +
        `max ${sorted[sorted.length - 1]?.toFixed(2)} ms; RSS (test process, gateway in it) ` +
        `first s ${mb(first)} MB, last ${mb(last)} MB\n`,
    );
    assert.deepEqual(errors.slice(0, 5), []);
    assert.ok(latencies.length > CALLERS * SECONDS, "fewer than one call per caller per second");
    assert.ok(last - first < 512 * 1024 * 1024, `RSS grew by ${mb(last - first)} MB`);

    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    const calls = [...metrics.matchAll(/^protomcp_gateway_calls_total\{[^}]*\} (\d+)$/gm)].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
    assert.equal(calls, latencies.length + 1);
    assert.match(metrics, /protomcp_gateway_calls_in_flight\{method="CallTool",upstream="everything"\} 0/);
    assert.match(metrics, /protomcp_gateway_call_duration_seconds_bucket\{.*tool="echo".*le="\+Inf"\}/);
  });
});
