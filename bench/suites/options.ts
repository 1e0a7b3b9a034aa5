/** What every suite is given by the CLI (or by a test). */
export interface SuiteOptions {
  /** Shorter time per case and fewer sizes. */
  readonly quick: boolean;
  /** Only cases whose id (`suite/implementation/op/payload`) matches run. */
  readonly filter: RegExp | null;
  /** Overrides the time budget per case, in ms (tests use a tiny one). */
  readonly timeMs?: number;
}

/** True when the case id passes the filter. */
export function selected(options: SuiteOptions, id: string): boolean {
  return options.filter === null || options.filter.test(id);
}
