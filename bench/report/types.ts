/**
 * One measured (or skipped) case. A flat row so that the JSON report stays
 * easy to diff and to load in a spreadsheet; fields a suite does not measure
 * are absent.
 */
export interface ResultRow {
  /** `codec`, `roundtrip` or `memory`. */
  readonly suite: string;
  /** `op/fixture`, e.g. `encode/tools-list-100` or `tools-call-echo/c8`. */
  readonly case: string;
  /** Codec or transport name, e.g. `json`, `protobuf-es`, `sdk-http`. */
  readonly implementation: string;
  /** Fixture or method the case is about. */
  readonly payload: string;
  /** Codec suite: operations per second, mean ns per op, relative margin (±%, 95% CI), samples. */
  readonly opsPerSec?: number;
  readonly meanNs?: number;
  readonly rmePercent?: number;
  readonly samples?: number;
  /** Round-trip suite: concurrent callers, calls made, calls/s and latency percentiles in ms. */
  readonly concurrency?: number;
  readonly calls?: number;
  readonly callsPerSec?: number;
  readonly p50Ms?: number;
  readonly p90Ms?: number;
  readonly p99Ms?: number;
  readonly meanMs?: number;
  /** Memory: peak resident set size of this process during the case, and its growth. */
  readonly peakRssBytes?: number;
  readonly rssGrowthBytes?: number;
  /** Wire bytes of the payload in this implementation's encoding. */
  readonly bytes?: number;
  /**
   * Speed relative to the suite baseline measured in the same run (`json` for
   * codecs, `sdk-http` for round trips): above 1 is faster.
   */
  readonly ratio?: number;
  /** Why the case did not run. A skip always says why. */
  readonly skipped?: string;
}

/** Facts about the machine and the software a run measured. */
export interface MachineFacts {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly platform: string;
  readonly node: string;
  readonly v8: string;
  /**
   * How the transcoder converted base64 in this run: through the addon (bytes to bytes) or Node's
   * string base64, and why. Absent in reports written before the addon.
   */
  readonly base64?: string;
  /** Installed versions of the libraries under test, `null` when not installed. */
  readonly packages: Readonly<Record<string, string | null>>;
}

/** A whole run, as written to `bench/results/latest.json`. */
export interface Report {
  readonly version: 1;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly quick: boolean;
  readonly filter: string | null;
  readonly machine: MachineFacts;
  /** Codec and transport descriptions, by name. */
  readonly implementations: Readonly<Record<string, string>>;
  readonly rows: readonly ResultRow[];
}
