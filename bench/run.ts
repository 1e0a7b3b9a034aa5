import { codecDescriptions, countCodecCases, runCodecSuite } from "./suites/codec.js";
import type { SuiteOptions } from "./suites/options.js";
import { countRoundTripCases, runRoundTripSuite, targetDescriptions } from "./suites/roundtrip.js";
import { machineFacts } from "./report/machine.js";
import { Progress } from "./report/progress.js";
import type { Report, ResultRow } from "./report/types.js";

/**
 * Runs every suite with the given options and returns the report. Codec
 * cases run first, while the process is quiet; round trips spawn servers.
 */
export async function runBenchmarks(options: SuiteOptions): Promise<Report> {
  const startedAt = new Date();
  const t0 = performance.now();
  const rows: ResultRow[] = [];
  const codecCount = countCodecCases(options);
  if (codecCount > 0) {
    const progress = new Progress(codecCount, "codec");
    rows.push(...runCodecSuite(options, progress));
    progress.end();
  }
  const rtCount = countRoundTripCases(options);
  if (rtCount > 0) {
    const progress = new Progress(rtCount, "roundtrip");
    rows.push(...(await runRoundTripSuite(options, progress)));
    progress.end();
  }
  return {
    version: 1,
    startedAt: startedAt.toISOString(),
    durationMs: performance.now() - t0,
    quick: options.quick,
    filter: options.filter?.source ?? null,
    machine: machineFacts(),
    implementations: { ...codecDescriptions(), ...targetDescriptions() },
    rows,
  };
}
