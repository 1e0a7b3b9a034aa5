import { BASELINE_CODEC, type CodecEntry, codecs as registeredCodecs } from "../codecs/index.js";
import { type Fixture, jsonWireBytes, loadCorpus } from "../corpus/index.js";
import type { Progress } from "../report/progress.js";
import type { ResultRow } from "../report/types.js";
import { type SuiteOptions, selected } from "./options.js";
import { type OpStats, timeOp } from "./time-op.js";

/** Inputs of the codec suite; tests pass a small corpus and codec list. */
export interface CodecSuiteInput {
  readonly fixtures?: readonly Fixture[];
  readonly codecs?: readonly CodecEntry[];
}

interface PlannedCase {
  readonly id: string;
  readonly implementation: string;
  readonly op: string;
  readonly fixture: Fixture;
  readonly bytes: number;
  readonly run: (() => unknown) | null;
  readonly skipped?: string;
}

/** The text-only JSON baseline: what JSON costs before anything touches bytes. */
const JSON_TEXT = "json-text";

/**
 * Describes the implementations this suite reports, for the report legend.
 */
export function codecDescriptions(list: readonly CodecEntry[] = registeredCodecs): Record<string, string> {
  const out: Record<string, string> = {
    [JSON_TEXT]: "JSON.parse + JSON.stringify on strings, no UTF-8 step",
  };
  for (const c of list) out[c.name] = c.description;
  return out;
}

function plan(
  fixtures: readonly Fixture[],
  codecs: readonly CodecEntry[],
  options: SuiteOptions,
): PlannedCase[] {
  const cases: PlannedCase[] = [];
  for (const fixture of fixtures) {
    const textId = `codec/${JSON_TEXT}/roundtrip/${fixture.name}`;
    if (selected(options, textId)) {
      const text = fixture.json;
      cases.push({
        id: textId,
        implementation: JSON_TEXT,
        op: "roundtrip",
        fixture,
        bytes: jsonWireBytes(fixture),
        run: () => JSON.stringify(JSON.parse(text)),
      });
    }
    for (const codec of codecs) {
      const ids = ["encode", "decode", "roundtrip"].map((op) => ({
        op,
        id: `codec/${codec.name}/${op}/${fixture.name}`,
      }));
      const wanted = ids.filter(({ id }) => selected(options, id));
      if (wanted.length === 0) continue;
      let bound: ReturnType<CodecEntry["bind"]>;
      let bytes: Uint8Array;
      try {
        bound = codec.bind(fixture);
        bytes = bound.encode();
        bound.decode(bytes);
      } catch (error) {
        const reason = `cannot ${codec.name} ${fixture.name}: ${error instanceof Error ? error.message : String(error)}`;
        for (const { op, id } of wanted) {
          cases.push({ id, implementation: codec.name, op, fixture, bytes: 0, run: null, skipped: reason });
        }
        continue;
      }
      const b = bound;
      const wire = bytes;
      const runs: Record<string, () => unknown> = {
        encode: () => b.encode(),
        decode: () => b.decode(wire),
        roundtrip: () => b.roundtrip(wire),
      };
      for (const { op, id } of wanted) {
        cases.push({
          id,
          implementation: codec.name,
          op,
          fixture,
          bytes: wire.byteLength,
          run: runs[op] ?? null,
        });
      }
    }
  }
  return cases;
}

/** Number of cases the suite will run with these options (for the progress bar). */
export function countCodecCases(options: SuiteOptions, input: CodecSuiteInput = {}): number {
  const fixtures = input.fixtures ?? loadCorpus({ quick: options.quick });
  const codecs = input.codecs ?? registeredCodecs;
  let n = 0;
  for (const f of fixtures) {
    if (selected(options, `codec/${JSON_TEXT}/roundtrip/${f.name}`)) n++;
    for (const c of codecs) {
      for (const op of ["encode", "decode", "roundtrip"])
        if (selected(options, `codec/${c.name}/${op}/${f.name}`)) n++;
    }
  }
  return n;
}

/**
 * Runs every codec on every fixture: `encode`, `decode` and `roundtrip`
 * (decode then encode, one bridge hop), plus the text-only JSON round trip.
 * Ratios compare each case with the `json` codec on the same op and fixture
 * in this same run; the text baseline is compared with `json` roundtrip.
 */
export function runCodecSuite(
  options: SuiteOptions,
  progress: Progress,
  input: CodecSuiteInput = {},
): ResultRow[] {
  const fixtures = input.fixtures ?? loadCorpus({ quick: options.quick });
  const codecs = input.codecs ?? registeredCodecs;
  const timeMs = options.timeMs ?? (options.quick ? 80 : 700);
  const measured = new Map<string, OpStats>();
  const rows: ResultRow[] = [];
  for (const c of plan(fixtures, codecs, options)) {
    const caseName = `${c.op}/${c.fixture.name}`;
    progress.start(`${c.implementation} ${caseName}`);
    const base = {
      suite: "codec",
      case: caseName,
      implementation: c.implementation,
      payload: c.fixture.name,
    };
    if (c.run === null) {
      rows.push({ ...base, skipped: c.skipped ?? "no runner" });
      progress.log(`skip ${c.id}: ${c.skipped ?? "no runner"}`);
    } else {
      const big = c.bytes > 1_000_000;
      const stats = timeOp(c.id, c.run, { timeMs, minSamples: big ? 4 : 16 });
      measured.set(`${c.implementation}/${caseName}`, stats);
      const baseline = measured.get(`${BASELINE_CODEC}/${caseName}`);
      const ratio = baseline ? stats.opsPerSec / baseline.opsPerSec : undefined;
      rows.push({ ...base, ...stats, bytes: c.bytes, ...(ratio === undefined ? {} : { ratio }) });
    }
    progress.finish();
  }
  return fillTextRatios(rows);
}

/** The text baseline runs before `json`, so its ratio is filled in afterwards. */
function fillTextRatios(rows: ResultRow[]): ResultRow[] {
  return rows.map((row) => {
    if (row.implementation !== JSON_TEXT || row.opsPerSec === undefined) return row;
    const base = rows.find((r) => r.implementation === BASELINE_CODEC && r.case === row.case);
    return base?.opsPerSec ? { ...row, ratio: row.opsPerSec / base.opsPerSec } : row;
  });
}
