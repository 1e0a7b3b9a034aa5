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

function spread(ratios: ReadonlyMap<string, number>): Spread | undefined {
  if (ratios.size === 0) return undefined;
  const sorted = [...ratios.values()].sort((a, b) => a - b);
  return {
    min: sorted[0]!,
    median: sorted[Math.floor(sorted.length / 2)]!,
    max: sorted[sorted.length - 1]!,
    below1: [...ratios].filter(([, r]) => r < 1).map(([payload]) => payload),
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

type Baseline = "parse+stringify" | "one-way";

/**
 * The transcoder's speed per payload in one direction, against a JSON baseline of the same run:
 * the issue's own, `JSON.parse` + `JSON.stringify` of the message (what a JSON hop pays to look
 * inside a message and pass it on: the json codec's roundtrip), or the stricter one-way figure
 * (`JSON.stringify` alone against encode, `JSON.parse` alone against decode).
 */
function ratiosAgainst(rows: readonly ResultRow[], op: string, baseline: Baseline): Map<string, number> {
  const jsonCase = baseline === "parse+stringify" ? "roundtrip" : op;
  const json = new Map<string, number>();
  for (const r of rows) {
    if (
      r.suite === "codec" &&
      r.implementation === "json" &&
      r.case.startsWith(`${jsonCase}/`) &&
      r.opsPerSec
    )
      json.set(r.payload, r.opsPerSec);
  }
  const ratios = new Map<string, number>();
  for (const r of rows) {
    if (r.suite !== "codec" || r.implementation !== "transcode" || r.skipped || !r.case.startsWith(`${op}/`))
      continue;
    const base = json.get(r.payload);
    if (base !== undefined && r.opsPerSec !== undefined) ratios.set(r.payload, r.opsPerSec / base);
  }
  return ratios;
}

function only(ratios: Map<string, number>, binary: boolean): Map<string, number> {
  return new Map([...ratios].filter(([payload]) => BINARY_CONTENT.test(payload) === binary));
}

/**
 * The transcoder issue's targets, as ratios within this run: speed against the JSON baseline per
 * payload class and direction (at least 3× on JSON-shaped payloads, 10× on binary content, never
 * below 1×), and wire size against JSON (at most 0.9× overall). The issue's baseline is
 * `JSON.parse`+`JSON.stringify`; the one-way figures beside it are the stricter reading.
 */
export function transcoderTargets(rows: readonly ResultRow[]): string[] {
  const lines: string[] = [];
  for (const [label, isBinary, target] of [
    ["JSON-shaped payloads", false, 3],
    ["binary-content payloads", true, 10],
  ] as const) {
    for (const op of ["encode", "decode"]) {
      const s = spread(only(ratiosAgainst(rows, op, "parse+stringify"), isBinary));
      if (s === undefined) continue;
      const oneWay = spread(only(ratiosAgainst(rows, op, "one-way"), isBinary));
      const below =
        s.below1.length === 0 ? "none below 1×" : `below 1×: ${s.below1.join(", ")} (target: none)`;
      const strict =
        oneWay === undefined
          ? ""
          : ` One-way (against ${op === "encode" ? "`JSON.stringify`" : "`JSON.parse`"} alone): median ${times(oneWay.median)}, ${oneWay.below1.length} below 1×.`;
      lines.push(
        `  - ${label}, ${op}: ${times(s.min)} to ${times(s.max)}, median ${times(s.median)} (target ≥ ${target}×); ${below}.${strict}`,
      );
    }
  }
  const transcoded = rows.filter(
    (r) => r.suite === "codec" && r.implementation === "transcode" && !r.skipped,
  );
  const all = new Set(transcoded.map((r) => r.payload));
  const jsonShaped = new Set([...all].filter((p) => !BINARY_CONTENT.test(p)));
  const overall = wireRatio(rows, all);
  const shaped = wireRatio(rows, jsonShaped);
  if (overall !== undefined)
    lines.push(
      `  - wire size: ${times(overall)} JSON over every payload (target ≤ 0.9×)${shaped === undefined ? "" : `, ${times(shaped)} on JSON-shaped ones`}.`,
    );
  if (lines.length === 0) return [];
  return [
    "- Transcoder targets (codec suite, this run): each direction of `transcode` against the issue's baseline, `JSON.parse` + `JSON.stringify` of the same message (the `json` roundtrip):",
    ...lines,
  ];
}
