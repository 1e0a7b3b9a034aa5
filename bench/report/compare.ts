import { sig, textTable, times } from "./format.js";
import type { Report, ResultRow } from "./types.js";

/** Changes smaller than this are reported as noise, not as faster or slower. */
const NOISE = 0.05;

/** How much faster `now` is than `before` (above 1 = faster), or undefined when not comparable. */
function speedup(before: ResultRow, now: ResultRow): number | undefined {
  if (before.opsPerSec && now.opsPerSec) return now.opsPerSec / before.opsPerSec;
  if (before.p50Ms && now.p50Ms) return before.p50Ms / now.p50Ms;
  return undefined;
}

/**
 * Per case present in both runs: faster, slower or same, with the ratio.
 * Codec cases compare ops/s, round trips and memory cases compare p50.
 */
export function compareReports(before: Report, now: Report): string {
  const key = (r: ResultRow) => `${r.suite}/${r.implementation}/${r.case}`;
  const old = new Map(before.rows.map((r) => [key(r), r]));
  const lines: { k: string; s: number; was: string; is: string }[] = [];
  for (const r of now.rows) {
    const o = old.get(key(r));
    if (!o) continue;
    const s = speedup(o, r);
    if (s === undefined) continue;
    const fig = (x: ResultRow) => (x.opsPerSec ? `${sig(x.opsPerSec)} ops/s` : `${sig(x.p50Ms)} ms`);
    lines.push({ k: key(r), s, was: fig(o), is: fig(r) });
  }
  lines.sort((a, b) => b.s - a.s);
  const verdict = (s: number) => (s > 1 + NOISE ? "faster" : s < 1 - NOISE ? "slower" : "same");
  const counts = { faster: 0, slower: 0, same: 0 };
  for (const l of lines) counts[verdict(l.s)]++;
  const machineNote =
    before.machine.cpu === now.machine.cpu && before.machine.node === now.machine.node
      ? ""
      : `\nnote: different machine or Node (${before.machine.cpu}, ${before.machine.node} -> ${now.machine.cpu}, ${now.machine.node}); ratios mix hardware and code.`;
  return [
    `compare ${before.startedAt} -> ${now.startedAt}: ${counts.faster} faster, ${counts.slower} slower, ${counts.same} within ±${NOISE * 100}%${machineNote}`,
    textTable([
      ["case", "before", "now", "change", ""],
      ...lines.map((l) => [l.k, l.was, l.is, times(l.s), verdict(l.s)]),
    ]),
    "",
  ].join("\n");
}
