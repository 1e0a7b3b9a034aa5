/** How long and how hard to drive one round-trip case. */
export interface LoadOptions {
  /** Callers issuing requests at once; each waits for its answer before the next. */
  readonly concurrency: number;
  /** Stop after this many timed calls... */
  readonly maxCalls: number;
  /** ...or after this much time, whichever comes first. */
  readonly maxTimeMs: number;
  /** Untimed calls first, to warm JIT, sockets and pools. */
  readonly warmupCalls: number;
}

/** Latency distribution and throughput of one case. */
export interface LatencyStats {
  readonly calls: number;
  readonly elapsedMs: number;
  readonly callsPerSec: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly maxMs: number;
}

/** Nearest-rank percentile of ascending `sorted`, `q` in (0, 1]. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Summarizes latency samples (ms) taken over `elapsedMs` of wall time. */
export function summarize(samples: number[], elapsedMs: number): LatencyStats {
  const sorted = samples.slice().sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    calls: sorted.length,
    elapsedMs,
    callsPerSec: elapsedMs > 0 ? (sorted.length * 1000) / elapsedMs : 0,
    p50Ms: percentile(sorted, 0.5),
    p90Ms: percentile(sorted, 0.9),
    p99Ms: percentile(sorted, 0.99),
    meanMs: sorted.length > 0 ? sum / sorted.length : Number.NaN,
    maxMs: sorted.at(-1) ?? Number.NaN,
  };
}

/**
 * Runs `call` from `concurrency` closed-loop callers until the call or time
 * bound is hit, timing each call from send to answer.
 */
export async function runLoad(
  call: (seq: number) => Promise<void>,
  options: LoadOptions,
): Promise<LatencyStats> {
  let seq = 0;
  const warm = async (): Promise<void> => {
    while (seq < options.warmupCalls) await call(seq++);
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, 8) }, warm));
  const samples: number[] = [];
  let issued = 0;
  const start = performance.now();
  const deadline = start + options.maxTimeMs;
  const worker = async (): Promise<void> => {
    while (issued < options.maxCalls && performance.now() < deadline) {
      issued++;
      const t0 = performance.now();
      await call(seq++);
      samples.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return summarize(samples, performance.now() - start);
}
