import type { ChartFile } from "./charts.js";
import { bytes, int, markdownTable, sig, times } from "./format.js";
import { transcoderTargets } from "./transcoder-targets.js";
import type { Report, ResultRow } from "./types.js";

/** The guide this project grew from states these; we print them beside what we measure. */
export const GUIDE_ANCHORS = {
  codec: "TypeScript JSON 12,345 ops/s vs protobuf 45,678 ops/s (3.7×)",
  latency: "50–150 ms per tool call",
} as const;

/** The payload the codec anchor is measured on: a real, mid-sized, captured message. */
const ANCHOR_PAYLOAD = "everything-tools-list";
const JSON_IMPLS = new Set(["json", "json-text"]);
/** Round-trip targets that are not protomcp: the official SDK's transports and the raw floor. */
const OFFICIAL_OR_FLOOR = ["sdk-in-memory", "sdk-stdio", "sdk-http", "raw-http"];

function find(rows: readonly ResultRow[], suite: string, impl: string, c: string): ResultRow | undefined {
  return rows.find((r) => r.suite === suite && r.implementation === impl && r.case === c && !r.skipped);
}

function anchors(report: Report): string {
  const rows = report.rows;
  const c = `roundtrip/${ANCHOR_PAYLOAD}`;
  const json = find(rows, "codec", "json", c);
  const proto = rows
    .filter((r) => r.suite === "codec" && r.case === c && !JSON_IMPLS.has(r.implementation) && r.opsPerSec)
    .sort((a, b) => (b.opsPerSec ?? 0) - (a.opsPerSec ?? 0));
  const codecLine = json
    ? proto.length > 0
      ? proto
          .map(
            (p) =>
              `TypeScript JSON ${int(json.opsPerSec)} ops/s vs ${p.implementation} ${int(p.opsPerSec)} ops/s (${times(p.ratio)})`,
          )
          .join("; ")
      : `TypeScript JSON ${int(json.opsPerSec)} ops/s; protobuf: not measured in this run (no protobuf codec registered yet, see \`bench/codecs/index.ts\`)`
    : "not measured in this run (codec suite filtered out)";
  const echo = (impl: string) => find(rows, "roundtrip", impl, "tools-call-echo/c1");
  const latencyParts = OFFICIAL_OR_FLOOR.map((impl) => [impl, echo(impl)] as const)
    .filter(([, r]) => r !== undefined)
    .map(([impl, r]) => `${impl} p50 ${sig(r?.p50Ms)} ms (p99 ${sig(r?.p99Ms)} ms)`);
  const protomcp = rows
    .filter(
      (r) =>
        r.suite === "roundtrip" &&
        r.case === "tools-call-echo/c1" &&
        !r.skipped &&
        !OFFICIAL_OR_FLOOR.includes(r.implementation),
    )
    .map((r) => `${r.implementation} p50 ${sig(r.p50Ms)} ms (p99 ${sig(r.p99Ms)} ms)`);
  return [
    "## The guide's anchors, beside this run",
    "",
    "The guide this project grew from states two figures. They are quoted here as claims, not",
    "measurements; the lines under each are measured in this run, on this machine.",
    "",
    `- Guide: **"${GUIDE_ANCHORS.codec}"**`,
    `  - This run (\`${c}\`, decode + encode of a captured 7.7 KB tools/list result): ${codecLine}.`,
    `- Guide: **"${GUIDE_ANCHORS.latency}"**`,
    `  - This run, one \`tools/call\` (echo), sequential, official SDK: ${latencyParts.join("; ") || "not measured (round-trip suite filtered out)"}.`,
    `  - protomcp: ${protomcp.length > 0 ? protomcp.join("; ") : "not measured (round-trip suite filtered out)"}.`,
    ...gatewayTargets(rows),
    ...transcoderTargets(rows),
    "",
    "Transport latency on loopback is well under a millisecond to a few milliseconds; tens of",
    "milliseconds per call come from the tool's own work or a real network, not the protocol.",
    "",
  ].join("\n");
}

/**
 * The gateway issue's targets, as ratios within this run: what the gateway adds over calling the
 * stdio server directly, the binary endpoint against the raw `node:http` floor, and calls/s with
 * 8 callers against the official SDK's Streamable HTTP.
 */
function gatewayTargets(rows: readonly ResultRow[]): string[] {
  const rt = (impl: string, c: string) => find(rows, "roundtrip", impl, c);
  const direct = rt("sdk-stdio", "tools-call-echo/c1")?.p50Ms;
  const floor = rt("raw-http", "tools-call-echo/c1")?.p50Ms;
  const sdkHttp8 = rt("sdk-http", "tools-call-echo/c8")?.callsPerSec;
  const lines: string[] = [];
  for (const impl of [
    "gateway-grpc",
    "gateway-connect-h1",
    "gateway-connect-h2",
    "gateway-connect-lean",
    "gateway-connect-raw",
    "gateway-grpc-raw",
  ]) {
    const one = rt(impl, "tools-call-echo/c1");
    const eight = rt(impl, "tools-call-echo/c8");
    if (one?.p50Ms === undefined || direct === undefined || floor === undefined) continue;
    // The gateway's path has one loopback HTTP exchange more than the direct call: its floor is raw-http's.
    const added = `${sig((one.p50Ms - direct) * 1000)} µs added over sdk-stdio at p50 (target ≤ 50 µs; one raw-http round trip alone is ${sig(floor * 1000)} µs)`;
    const vsFloor = `${times(one.p50Ms / floor)} the raw-http p50 (target ≤ 2×)`;
    const calls =
      eight?.callsPerSec !== undefined && sdkHttp8 !== undefined
        ? `; c8 ${times(eight.callsPerSec / sdkHttp8)} sdk-http's calls/s (target ≥ 4×)`
        : "";
    lines.push(`  - ${impl}: ${added}; ${vsFloor}${calls}.`);
  }
  for (const impl of [
    "binary-grpc",
    "binary-connect-h1",
    "binary-connect-lean",
    "binary-connect-raw",
    "binary-grpc-raw",
  ]) {
    const one = rt(impl, "tools-call-echo/c1");
    const eight = rt(impl, "tools-call-echo/c8");
    if (one?.p50Ms === undefined || floor === undefined) continue;
    const calls =
      eight?.callsPerSec !== undefined && sdkHttp8 !== undefined
        ? `; c8 ${times(eight.callsPerSec / sdkHttp8)} sdk-http's calls/s (target ≥ 4×)`
        : "";
    lines.push(
      `  - ${impl} (the binary endpoint alone): ${times(one.p50Ms / floor)} the raw-http p50 (target ≤ 2×)${calls}.`,
    );
  }
  return lines.length > 0 ? ["- Gateway targets (tools-call-echo, this run):", ...lines] : [];
}

function codecTables(rows: readonly ResultRow[]): string {
  const codec = rows.filter((r) => r.suite === "codec" && !r.skipped);
  if (codec.length === 0) return "";
  const impls = [...new Set(codec.map((r) => r.implementation))];
  const payloads = [...new Set(codec.map((r) => r.payload))];
  const out = [
    "## Codec suite",
    "",
    "ops/s (ratio to `json`, same run) and wire bytes. ± is the 95% margin of the mean.",
    "",
  ];
  for (const op of ["encode", "decode", "roundtrip"]) {
    const cols = impls.filter((i) =>
      codec.some((r) => r.implementation === i && r.case.startsWith(`${op}/`)),
    );
    if (cols.length === 0) continue;
    const table: string[][] = [["payload", "JSON bytes", ...cols.flatMap((i) => [`${i} ops/s`, `${i} ±%`])]];
    for (const p of payloads) {
      const cells = cols.flatMap((i) => {
        const r = find(codec, "codec", i, `${op}/${p}`);
        if (!r) return ["–", "–"];
        const ratio = i === "json" ? "" : ` (${times(r.ratio)}, ${bytes(r.bytes)})`;
        return [`${int(r.opsPerSec)}${ratio}`, sig(r.rmePercent, 2)];
      });
      const jsonBytes = find(codec, "codec", "json", `${op}/${p}`)?.bytes;
      table.push([p, bytes(jsonBytes), ...cells]);
    }
    out.push(`### ${op}`, "", markdownTable(table), "");
  }
  return out.join("\n");
}

function roundTripTable(rows: readonly ResultRow[]): string {
  const rt = rows.filter((r) => r.suite === "roundtrip" && !r.skipped);
  if (rt.length === 0) return "";
  const table: string[][] = [
    ["case", "transport", "calls/s", "p50 ms", "p90 ms", "p99 ms", "calls", "vs sdk-http"],
  ];
  for (const r of rt) {
    table.push([
      r.case,
      r.implementation,
      int(r.callsPerSec),
      sig(r.p50Ms),
      sig(r.p90Ms),
      sig(r.p99Ms),
      int(r.calls),
      times(r.ratio),
    ]);
  }
  return [
    "## Round-trip suite",
    "",
    "Closed-loop callers (cN = N at once), each call timed from send to answer. Servers other than",
    "in-memory run in a child process. `vs sdk-http` = sdk-http p50 ÷ this p50.",
    "",
    markdownTable(table),
    "",
  ].join("\n");
}

function memoryTable(rows: readonly ResultRow[]): string {
  const mem = rows.filter((r) => r.suite === "memory");
  if (mem.length === 0) return "";
  const table: string[][] = [["case", "transport", "p50 ms", "peak RSS", "growth", "note"]];
  for (const r of mem) {
    table.push([
      r.case,
      r.implementation,
      sig(r.p50Ms),
      bytes(r.peakRssBytes),
      bytes(r.rssGrowthBytes),
      r.skipped ?? "",
    ]);
  }
  return [
    "## Memory",
    "",
    "One image result of the given raw size (base64 in JSON: 4/3 larger), called sequentially;",
    "peak RSS of the bench process (client side; child-process servers are not counted).",
    "",
    markdownTable(table),
    "",
  ].join("\n");
}

function skipped(rows: readonly ResultRow[]): string {
  const s = rows.filter((r) => r.skipped && r.suite !== "memory");
  if (s.length === 0) return "";
  return [
    "## Skipped",
    "",
    ...s.map((r) => `- \`${r.suite}/${r.implementation}/${r.case}\`: ${r.skipped}`),
    "",
  ].join("\n");
}

/** The whole `latest.md`. */
export function markdownReport(report: Report, chartFiles: readonly ChartFile[]): string {
  const m = report.machine;
  const pkgs = Object.entries(m.packages)
    .map(([p, v]) => `${p} ${v ?? "(not installed)"}`)
    .join(", ");
  return [
    "# protomcp benchmark results",
    "",
    `Run ${report.startedAt}${report.quick ? " (`--quick`)" : ""}${report.filter ? `, filter \`${report.filter}\`` : ""}, ${sig(report.durationMs / 1000)} s.`,
    "",
    `- Machine: ${m.cpu}, ${m.cores} cores, ${bytes(m.memoryBytes)}, ${m.platform}`,
    `- Runtime: Node ${m.node} (V8 ${m.v8})`,
    ...(m.base64 === undefined ? [] : [`- Transcoder's base64: ${m.base64}`]),
    `- Packages: ${pkgs}`,
    "",
    anchors(report),
    "## Charts",
    "",
    ...chartFiles.map((c) => `- [${c.title}](${c.file})\n\n  ![${c.title}](${c.file})\n`),
    codecTables(report.rows),
    roundTripTable(report.rows),
    memoryTable(report.rows),
    skipped(report.rows),
    "## Implementations",
    "",
    ...Object.entries(report.implementations).map(([n, d]) => `- \`${n}\`: ${d}`),
    "",
    "Reproduce: `npm run bench -- --quick` (see `npm run bench -- --help`). Figures from a shared",
    "2-core machine are noisy; compare runs with `--compare` on the same machine only.",
    "",
  ].join("\n");
}
