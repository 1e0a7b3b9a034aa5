import { bytes, int, sig, times } from "./format.js";
import { type BarChart, type BarGroup, renderBarChart } from "./svg.js";
import type { ResultRow } from "./types.js";

/** A chart file to write next to the markdown. */
export interface ChartFile {
  readonly file: string;
  readonly title: string;
  readonly svg: string;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function codecChart(rows: readonly ResultRow[], op: string): ChartFile | null {
  const measured = rows.filter(
    (r) => r.suite === "codec" && r.case.startsWith(`${op}/`) && r.ratio !== undefined,
  );
  const others = measured.filter((r) => r.implementation !== "json");
  if (others.length === 0) return null;
  const series = unique(others.map((r) => r.implementation));
  const groups: BarGroup[] = unique(others.map((r) => r.payload)).map((payload) => ({
    label: payload,
    bars: others
      .filter((r) => r.payload === payload)
      .map((r) => ({
        series: r.implementation,
        value: r.ratio ?? 1,
        text: `${times(r.ratio)} · ${bytes(r.bytes)}`,
      })),
  }));
  const title = `Codec ${op}: speed relative to JSON, per payload`;
  const chart: BarChart = {
    title,
    subtitle: "ops/s ÷ json ops/s in the same run; right of the line is faster. Labels: ratio · wire bytes.",
    groups,
    scale: "ratio",
    series,
  };
  return { file: `codec-${op}.svg`, title, svg: renderBarChart(chart) };
}

function latencyChart(rows: readonly ResultRow[]): ChartFile | null {
  const measured = rows.filter((r) => r.suite === "roundtrip" && r.p50Ms !== undefined);
  if (measured.length === 0) return null;
  const series = unique(measured.map((r) => r.implementation));
  const groups = unique(measured.map((r) => r.case)).map((c) => ({
    label: c,
    bars: measured
      .filter((r) => r.case === c)
      .map((r) => ({
        series: r.implementation,
        value: r.p50Ms ?? 0,
        text: `${sig(r.p50Ms)} ms · ${int(r.callsPerSec)}/s`,
      })),
  }));
  const title = "Round-trip latency per transport (p50, ms, log scale)";
  const chart: BarChart = {
    title,
    subtitle: "cN = N concurrent callers. Labels: p50 · calls/s. Shorter is faster.",
    groups,
    scale: "log10",
    series,
  };
  return { file: "roundtrip-latency.svg", title, svg: renderBarChart(chart) };
}

/** Every chart the rows support; suites that did not run draw nothing. */
export function charts(rows: readonly ResultRow[]): ChartFile[] {
  return [
    codecChart(rows, "roundtrip"),
    codecChart(rows, "encode"),
    codecChart(rows, "decode"),
    latencyChart(rows),
  ].filter((c): c is ChartFile => c !== null);
}
