import type { Progress } from "../report/progress.js";
import type { ResultRow } from "../report/types.js";
import {
  BASELINE_TARGET,
  type RoundTripSession,
  type RoundTripTarget,
  targets as registered,
} from "../targets/index.js";
import { type LoadOptions, runLoad, summarize } from "./load.js";
import { measurePeakRss } from "./memory.js";
import { type SuiteOptions, selected } from "./options.js";

interface Operation {
  readonly name: string;
  readonly payload: string;
  readonly run: (session: RoundTripSession, seq: number) => Promise<void>;
}

const OPERATIONS: readonly Operation[] = [
  { name: "tools-call-echo", payload: "tools/call", run: (s, seq) => s.callEcho(`hello ${seq}`) },
  { name: "tools-list", payload: "tools/list", run: (s) => s.listTools() },
];

const CONCURRENCY = [1, 8, 64] as const;
const MB = 1024 * 1024;

function loadOptions(options: SuiteOptions, concurrency: number): LoadOptions {
  const maxTimeMs = options.timeMs ?? (options.quick ? 1200 : 5000);
  return {
    concurrency,
    maxCalls: options.quick ? 500 : 10_000,
    maxTimeMs,
    warmupCalls: options.quick ? 50 : 300,
  };
}

function caseIds(target: RoundTripTarget, options: SuiteOptions): { latency: string[]; memory: string[] } {
  const latency = OPERATIONS.flatMap((op) => CONCURRENCY.map((c) => `${op.name}/c${c}`)).filter((name) =>
    selected(options, `roundtrip/${target.name}/${name}`),
  );
  const memory = memorySizes(options)
    .map((bytes) => `tools-call-image-${bytes / MB}mb`)
    .filter((name) => selected(options, `memory/${target.name}/${name}`));
  return { latency, memory };
}

function memorySizes(options: SuiteOptions): number[] {
  return options.quick ? [8 * MB] : [MB, 8 * MB];
}

/** Number of cases the suite will run (for the progress bar). */
export function countRoundTripCases(
  options: SuiteOptions,
  list: readonly RoundTripTarget[] = registered,
): number {
  return list.reduce((n, t) => {
    const ids = caseIds(t, options);
    return n + ids.latency.length + ids.memory.length;
  }, 0);
}

/** Describes the targets, for the report legend. */
export function targetDescriptions(list: readonly RoundTripTarget[] = registered): Record<string, string> {
  return Object.fromEntries(list.map((t) => [t.name, t.description]));
}

/**
 * Drives every target: `tools/call` (echo) and `tools/list`, sequential and
 * with 8 and 64 concurrent callers, bounded by count and time; then one
 * large image result per target with this process's peak RSS.
 */
export async function runRoundTripSuite(
  options: SuiteOptions,
  progress: Progress,
  list: readonly RoundTripTarget[] = registered,
): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const target of list) {
    const ids = caseIds(target, options);
    if (ids.latency.length + ids.memory.length === 0) continue;
    let session: RoundTripSession;
    try {
      session = await target.start();
    } catch (error) {
      const reason = `cannot start ${target.name}: ${error instanceof Error ? error.message : String(error)}`;
      progress.log(reason);
      for (const name of ids.latency) {
        rows.push({
          suite: "roundtrip",
          case: name,
          implementation: target.name,
          payload: name,
          skipped: reason,
        });
        progress.finish();
      }
      continue;
    }
    try {
      for (const op of OPERATIONS) {
        for (const c of CONCURRENCY) {
          const name = `${op.name}/c${c}`;
          if (!ids.latency.includes(name)) continue;
          progress.start(`${target.name} ${name}`);
          const base = { suite: "roundtrip", case: name, implementation: target.name, payload: op.payload };
          try {
            const stats = await runLoad((seq) => op.run(session, seq), loadOptions(options, c));
            const { elapsedMs: _e, maxMs: _m, ...figures } = stats;
            rows.push({ ...base, ...figures, concurrency: c });
          } catch (error) {
            rows.push({ ...base, concurrency: c, skipped: failure(target, name, error) });
            progress.log(`fail ${target.name} ${name}: ${failure(target, name, error)}`);
          }
          progress.finish();
        }
      }
      rows.push(...(await memoryCases(target, session, ids.memory, options, progress)));
    } finally {
      await session.close();
    }
  }
  return withRatios(rows);
}

async function memoryCases(
  target: RoundTripTarget,
  session: RoundTripSession,
  names: readonly string[],
  options: SuiteOptions,
  progress: Progress,
): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const bytes of memorySizes(options)) {
    const name = `tools-call-image-${bytes / MB}mb`;
    if (!names.includes(name)) continue;
    progress.start(`${target.name} ${name}`);
    const base = { suite: "memory", case: name, implementation: target.name, payload: "tools/call" };
    const callImage = session.callImage?.bind(session);
    if (!callImage) {
      rows.push({ ...base, skipped: `${target.name} has no callImage` });
    } else {
      try {
        rows.push({ ...base, ...(await imageCase(callImage, bytes, options.quick ? 3 : 10)) });
      } catch (error) {
        rows.push({ ...base, bytes, skipped: failure(target, name, error) });
        progress.log(`fail ${target.name} ${name}: ${failure(target, name, error)}`);
      }
    }
    progress.finish();
  }
  return rows;
}

/** Sequential large-image calls under {@link measurePeakRss}. */
async function imageCase(
  callImage: (bytes: number) => Promise<void>,
  bytes: number,
  calls: number,
): Promise<Partial<ResultRow>> {
  await callImage(bytes); // warm: the server builds and caches the image
  const samples: number[] = [];
  const start = performance.now();
  const m = await measurePeakRss(async () => {
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      await callImage(bytes);
      samples.push(performance.now() - t0);
    }
  });
  const s = summarize(samples, performance.now() - start);
  return {
    calls: s.calls,
    p50Ms: s.p50Ms,
    meanMs: s.meanMs,
    bytes,
    peakRssBytes: m.peakRssBytes,
    rssGrowthBytes: m.growthBytes,
  };
}

function failure(target: RoundTripTarget, name: string, error: unknown): string {
  return `cannot run ${name} on ${target.name}: ${error instanceof Error ? error.message : String(error)}`;
}

/** Ratio = baseline p50 / this p50 for the same case: above 1 is faster than the SDK over HTTP. */
function withRatios(rows: ResultRow[]): ResultRow[] {
  return rows.map((row) => {
    const base = rows.find(
      (r) => r.suite === row.suite && r.case === row.case && r.implementation === BASELINE_TARGET,
    );
    if (!base?.p50Ms || !row.p50Ms) return row;
    return { ...row, ratio: base.p50Ms / row.p50Ms };
  });
}
