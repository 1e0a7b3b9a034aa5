import { Bench } from "tinybench";

/** Per-operation statistics of one timed function. */
export interface OpStats {
  readonly opsPerSec: number;
  readonly meanNs: number;
  readonly rmePercent: number;
  readonly samples: number;
}

/** Tinybench settings for one case. */
export interface TimeOpOptions {
  /** Time budget in ms. */
  readonly timeMs: number;
  /** Minimum samples, so that multi-megabyte cases still get a few. */
  readonly minSamples: number;
}

/** Target duration of one sample, so timer resolution stays far below it. */
const SAMPLE_TARGET_MS = 0.05;

/**
 * How many calls one sample should batch: sub-microsecond operations are
 * repeated so that each sample is well above the timer's resolution and
 * overhead (the same idea as protobuf-es's OPS_PER_RUN, sized per case).
 */
function calibrate(fn: () => unknown): number {
  const start = performance.now();
  let calls = 0;
  let elapsed = 0;
  while (elapsed < 2 && calls < 10_000) {
    fn();
    calls++;
    elapsed = performance.now() - start;
  }
  const perCall = elapsed / calls;
  return Math.min(1000, Math.max(1, Math.ceil(SAMPLE_TARGET_MS / Math.max(perCall, 1e-6))));
}

/** Times `fn` with tinybench and returns per-operation figures. */
export function timeOp(name: string, fn: () => unknown, options: TimeOpOptions): OpStats {
  const batch = calibrate(fn);
  const bench = new Bench({
    name,
    time: options.timeMs,
    iterations: options.minSamples,
    warmupTime: Math.max(1, options.timeMs / 5),
    warmupIterations: Math.max(1, Math.floor(options.minSamples / 2)),
    throws: true,
  });
  let sink: unknown;
  bench.add(name, () => {
    for (let i = 0; i < batch; i++) sink = fn();
  });
  const [task] = bench.runSync();
  const result = task?.result;
  // Reading `sink` keeps the results observable, so V8 cannot drop the calls.
  if (sink === Symbol.for("never") || !result || !("latency" in result)) {
    throw new Error(`cannot time ${name}: no statistics`);
  }
  const meanMs = result.latency.mean / batch;
  return {
    opsPerSec: 1000 / meanMs,
    meanNs: meanMs * 1e6,
    rmePercent: result.latency.rme,
    samples: result.latency.samplesCount,
  };
}
