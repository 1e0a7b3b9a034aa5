/**
 * Load: 64 concurrent gRPC callers for 60 s (`PROTOMCP_LOAD_SECONDS`, at most 60) through
 * `protomcp gateway` (its own process, so its memory is measured alone) in front of
 * server-everything (stdio). Zero errors; p50/p99 and the gateway's RSS in the first and last 10 s
 * printed on stderr. The gateway runs with a 64 MB V8 old space, so its RSS tracks live memory: the
 * last window may exceed the first by 15% + 16 MB at most, and a leak crashes it into call errors.
 * `/metrics` counted every call.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { McpService } from "../../gen/es/mcp/v1/service_pb.js";
import { type GatewayProcess, spawnGateway } from "./gateway-process.js";

const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");
const SECONDS = Math.min(60, Number(process.env.PROTOMCP_LOAD_SECONDS ?? 60));
/** The first and last windows compared; half the run when it is shorter than 20 s. */
const WINDOW_S = Math.min(10, SECONDS / 2);
const CALLERS = 64;
/** The gateway's V8 old-space limit during the run, in MB. */
const HEAP_MB = 64;
const MB = 1024 * 1024;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** One finished call: when it ended (ms since the start) and how long it took. */
interface Sample {
  at: number;
  ms: number;
}

/** p50 and p99 of the calls that ended in `[from, to)` seconds, as text. */
function percentiles(samples: Sample[], from: number, to: number): string {
  const sorted = samples
    .filter((s) => s.at >= from * 1000 && s.at < to * 1000)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  return `p50 ${quantile(sorted, 0.5).toFixed(2)} ms, p99 ${quantile(sorted, 0.99).toFixed(2)} ms (${sorted.length} calls)`;
}

describe("hardening: load through the gateway", function () {
  this.timeout((SECONDS + 90) * 1000);
  let gateway: GatewayProcess;

  before(async () => {
    // A small old space makes V8 collect instead of growing its heap lazily, so RSS follows what is
    // live: without it RSS climbs for a minute with no leak behind it, and with it a leak ends in
    // an out-of-memory crash (call errors) rather than in a number to argue about. The young
    // generation is capped too: Node 24's V8 grows its semi-spaces under allocation pressure, which
    // took RSS from 103 to 228 MB in 60 s with no leak (flat at 121-124 MB with the cap).
    gateway = await spawnGateway(["--upstream", `stdio:${process.execPath} ${everything} stdio`], {
      NODE_OPTIONS: `--max-old-space-size=${HEAP_MB} --max-semi-space-size=8`,
    });
  });
  after(async () => {
    await gateway?.kill("SIGTERM");
  });

  it(`serves ${CALLERS} concurrent callers for ${SECONDS} s with zero errors and no memory growth`, async () => {
    const client = createClient(McpService, createGrpcTransport({ baseUrl: gateway.url }));
    await client.callTool({ name: "echo", arguments: '{"message":"warm"}' });
    const samples: Sample[] = [];
    const errors: string[] = [];
    const rss: Sample[] = []; // `ms` holds bytes here
    const started = performance.now();
    const end = started + SECONDS * 1000;
    const sample = () => rss.push({ at: performance.now() - started, ms: gateway.rss() });
    const sampler = setInterval(sample, 500);
    sample();
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
        const now = performance.now();
        samples.push({ at: now - started, ms: now - t });
      }
    };
    await Promise.all(Array.from({ length: CALLERS }, (_, n) => caller(n)));
    clearInterval(sampler);
    sample();
    const elapsed = (performance.now() - started) / 1000;
    const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
    const peak = (from: number, to: number) =>
      Math.max(...rss.filter((s) => s.at >= from * 1000 && s.at <= to * 1000).map((s) => s.ms));
    const first = peak(0, WINDOW_S);
    const last = peak(elapsed - WINDOW_S, elapsed + 1);
    const mb = (bytes: number) => (bytes / MB).toFixed(1);
    process.stderr.write(
      `load: ${samples.length} calls by ${CALLERS} callers in ${elapsed.toFixed(1)} s ` +
        `(${Math.round(samples.length / elapsed)}/s), errors ${errors.length}; ` +
        `all: p50 ${quantile(sorted, 0.5).toFixed(2)} ms, p99 ${quantile(sorted, 0.99).toFixed(2)} ms, ` +
        `max ${sorted[sorted.length - 1]?.toFixed(2)} ms\n` +
        `load: first ${WINDOW_S} s ${percentiles(samples, 0, WINDOW_S)}; ` +
        `last ${WINDOW_S} s ${percentiles(samples, elapsed - WINDOW_S, elapsed)}\n` +
        `load: gateway process RSS peak, first ${WINDOW_S} s ${mb(first)} MB, last ${WINDOW_S} s ${mb(last)} MB; ` +
        `every 10 s: ${rss
          .filter((_, i) => i % 20 === 0)
          .map((s) => mb(s.ms))
          .join(", ")} MB\n`,
    );
    assert.deepEqual(errors.slice(0, 5), []);
    assert.ok(samples.length > CALLERS * SECONDS, "fewer than one call per caller per second");
    assert.ok(
      last <= first * 1.15 + 16 * MB,
      `gateway RSS grew from ${mb(first)} MB to ${mb(last)} MB (bound: first x 1.15 + 16 MB)`,
    );

    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    const calls = [...metrics.matchAll(/^protomcp_gateway_calls_total\{[^}]*\} (\d+)$/gm)].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
    assert.equal(calls, samples.length + 1);
    assert.match(metrics, /protomcp_gateway_calls_in_flight\{method="CallTool",upstream="default"\} 0/);
    assert.match(metrics, /protomcp_gateway_call_duration_seconds_bucket\{.*tool="echo".*le="\+Inf"\}/);
  });
});
