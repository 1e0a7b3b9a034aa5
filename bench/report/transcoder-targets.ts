import { times } from "./format.js";
import type { ResultRow } from "./types.js";

/**
 * The generated payloads whose bulk is base64 content (16 KB–8 MB images and audio, a blob resource):
 * the transcoder issue's second class. Captured messages with a small image stay JSON-shaped.
 */
const BINARY_CONTENT = /image-\d|audio-\d|blob/;

interface Spread {
  min: number;
  median: number;
  max: number;
  below1: string[];
}

function spread(rows: readonly ResultRow[]): Spread | undefined {
  const measured = rows.filter((r) => r.ratio !== undefined);
  if (measured.length === 0) return undefined;
  const ratios = measured.map((r) => r.ratio!).sort((a, b) => a - b);
  return {
    min: ratios[0]!,
    median: ratios[Math.floor(ratios.length / 2)]!,
    max: ratios[ratios.length - 1]!,
    below1: measured.filter((r) => r.ratio! < 1).map((r) => r.payload),
  };
}

function wireRatio(rows: readonly ResultRow[], payloads: Set<string>): number | undefined {
  let json = 0;
  let binary = 0;
  for (const r of rows) {
    if (r.suite !== "codec" || !r.case.startsWith("encode/") || !payloads.has(r.payload)) continue;
    if (r.implementation === "json") json += r.bytes ?? 0;
    else if (r.implementation === "transcode") binary += r.bytes ?? 0;
  }
  return json > 0 && binary > 0 ? binary / json : undefined;
}

/**
 * The transcoder issue's targets, as ratios within this run: speed against the JSON baseline per
 * payload class and direction (at least 3× on JSON-shaped payloads, 10× on binary content, never
 * below 1×), and wire size against JSON (at most 0.9× overall).
 */
export function transcoderTargets(rows: readonly ResultRow[]): string[] {
  const transcode = rows.filter((r) => r.suite === "codec" && r.implementation === "transcode" && !r.skipped);
  if (transcode.length === 0) return [];
  const lines: string[] = [];
  for (const [label, isBinary, target] of [
    ["JSON-shaped payloads", false, 3],
    ["binary-content payloads", true, 10],
  ] as const) {
    for (const op of ["encode", "decode"]) {
      const s = spread(
        transcode.filter((r) => r.case.startsWith(`${op}/`) && BINARY_CONTENT.test(r.payload) === isBinary),
      );
      if (s === undefined) continue;
      const below = s.below1.length === 0 ? "none below 1×" : `${s.below1.length} below 1× (target: none)`;
      lines.push(
        `  - ${label}, ${op}: ${times(s.min)} to ${times(s.max)}, median ${times(s.median)} (target ≥ ${target}×); ${below}.`,
      );
    }
  }
  const all = new Set(transcode.map((r) => r.payload));
  const jsonShaped = new Set([...all].filter((p) => !BINARY_CONTENT.test(p)));
  const overall = wireRatio(rows, all);
  const shaped = wireRatio(rows, jsonShaped);
  if (overall !== undefined)
    lines.push(
      `  - wire size: ${times(overall)} JSON over every payload (target ≤ 0.9×)${shaped === undefined ? "" : `, ${times(shaped)} on JSON-shaped ones`}.`,
    );
  return ["- Transcoder targets (codec suite, `transcode` against `json`, this run):", ...lines];
}
