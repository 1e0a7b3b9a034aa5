import { loadCaptured } from "./captured.js";
import type { Fixture } from "./fixture.js";
import { generateFixtures } from "./generated.js";

export type { Fixture, FixtureKind } from "./fixture.js";
export { jsonWireBytes } from "./fixture.js";

/** Options for {@link loadCorpus}. */
export interface CorpusOptions {
  /** Fewer sizes and no captured requests (they are all tiny and alike). */
  readonly quick?: boolean;
}

/**
 * The whole corpus: captured traffic first, then the generated scale cases,
 * which reuse the captured tool definitions.
 */
export function loadCorpus(options: CorpusOptions = {}): Fixture[] {
  const quick = options.quick ?? false;
  const captured = loadCaptured();
  const toolTemplates = captured
    .filter((f) => f.method === "tools/list" && f.kind === "result")
    .flatMap((f) => (JSON.parse(f.json) as { result: { tools: Record<string, unknown>[] } }).result.tools);
  const generated = generateFixtures({ toolTemplates, quick });
  const kept = quick ? captured.filter((f) => f.kind !== "request") : captured;
  return [...kept, ...generated];
}
