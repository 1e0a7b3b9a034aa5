/**
 * Hand-written SVG bar charts: no dependency, readable diff, renders on
 * GitHub. Horizontal grouped bars, one group per payload or case, one bar per
 * implementation, on a logarithmic axis (figures span orders of magnitude).
 */

/** One bar. */
export interface Bar {
  readonly series: string;
  readonly value: number;
  /** Label printed after the bar. */
  readonly text: string;
}

/** One labelled group of bars. */
export interface BarGroup {
  readonly label: string;
  readonly bars: readonly Bar[];
}

/** What to draw. */
export interface BarChart {
  readonly title: string;
  readonly subtitle: string;
  readonly groups: readonly BarGroup[];
  /**
   * `ratio`: log2 axis centred on 1× (bars grow right when faster, left when
   * slower). `log10`: bars from the axis minimum, for latencies.
   */
  readonly scale: "ratio" | "log10";
  /** Series in legend order; fixes each one's colour. */
  readonly series: readonly string[];
}

const PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f"];
const LABEL_W = 250;
const PLOT_W = 480;
const TEXT_W = 90;
const BAR_H = 11;
const BAR_GAP = 2;
const GROUP_GAP = 10;
const WIDTH = LABEL_W + PLOT_W + TEXT_W;

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

interface Axis {
  readonly x: (v: number) => number;
  readonly origin: number;
  readonly ticks: readonly { v: number; label: string }[];
}

function axis(chart: BarChart): Axis {
  const values = chart.groups
    .flatMap((g) => g.bars.map((b) => b.value))
    .filter((v) => v > 0 && Number.isFinite(v));
  if (chart.scale === "ratio") {
    const span = Math.max(1, Math.ceil(Math.max(0, ...values.map((v) => Math.abs(Math.log2(v))))));
    const x = (v: number) => LABEL_W + ((Math.log2(v) + span) / (2 * span)) * PLOT_W;
    const ticks = [];
    const step = Math.max(1, Math.ceil(span / 3));
    for (let k = -span; k <= span; k += step)
      ticks.push({ v: 2 ** k, label: `${2 ** k >= 1 ? 2 ** k : sigLabel(2 ** k)}×` });
    return { x, origin: x(1), ticks };
  }
  const lo = Math.floor(Math.log10(Math.min(...values, 1)));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...values, 1))));
  const x = (v: number) => LABEL_W + ((Math.log10(Math.max(v, 10 ** lo)) - lo) / (hi - lo)) * PLOT_W;
  const ticks = [];
  for (let k = lo; k <= hi; k++) ticks.push({ v: 10 ** k, label: sigLabel(10 ** k) });
  return { x, origin: LABEL_W, ticks };
}

function sigLabel(v: number): string {
  return Number(v.toPrecision(3)).toString();
}

/** Renders the chart as a standalone SVG document. */
export function renderBarChart(chart: BarChart): string {
  const a = axis(chart);
  const colour = (series: string) =>
    PALETTE[Math.max(0, chart.series.indexOf(series)) % PALETTE.length] ?? "#888";
  const legendY = 48;
  const top = legendY + 24;
  const parts: string[] = [];
  let y = top;
  for (const group of chart.groups) {
    const h = group.bars.length * (BAR_H + BAR_GAP);
    parts.push(
      `<text x="${LABEL_W - 8}" y="${y + h / 2 + 4}" text-anchor="end" class="label">${esc(group.label)}</text>`,
    );
    for (const bar of group.bars) {
      const xv = bar.value > 0 && Number.isFinite(bar.value) ? a.x(bar.value) : a.origin;
      const x0 = Math.min(a.origin, xv);
      const w = Math.max(1, Math.abs(xv - a.origin));
      parts.push(
        `<rect x="${x0.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H}" fill="${colour(bar.series)}"><title>${esc(`${bar.series}: ${bar.text}`)}</title></rect>`,
        `<text x="${(Math.max(a.origin, xv) + 4).toFixed(1)}" y="${y + BAR_H - 2}" class="value">${esc(bar.text)}</text>`,
      );
      y += BAR_H + BAR_GAP;
    }
    y += GROUP_GAP;
  }
  const bottom = y;
  const grid = a.ticks.map(
    (t) =>
      `<line x1="${a.x(t.v).toFixed(1)}" y1="${top - 4}" x2="${a.x(t.v).toFixed(1)}" y2="${bottom}" class="grid"/>` +
      `<text x="${a.x(t.v).toFixed(1)}" y="${bottom + 14}" text-anchor="middle" class="tick">${esc(t.label)}</text>`,
  );
  const legend = chart.series.map((s, i) => {
    const lx = LABEL_W + i * 120;
    return `<rect x="${lx}" y="${legendY - 9}" width="10" height="10" fill="${colour(s)}"/><text x="${lx + 14}" y="${legendY}" class="tick">${esc(s)}</text>`;
  });
  const height = bottom + 28;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif">`,
    "<style>.label{font-size:11px;fill:#222}.value{font-size:10px;fill:#444}.tick{font-size:10px;fill:#555}.grid{stroke:#ddd;stroke-width:1}.origin{stroke:#333;stroke-width:1.2}</style>",
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    `<text x="12" y="20" font-size="14" font-weight="bold" fill="#111">${esc(chart.title)}</text>`,
    `<text x="12" y="36" font-size="11" fill="#555">${esc(chart.subtitle)}</text>`,
    ...grid,
    `<line x1="${a.origin.toFixed(1)}" y1="${top - 4}" x2="${a.origin.toFixed(1)}" y2="${bottom}" class="origin"/>`,
    ...legend,
    ...parts,
    "</svg>",
    "",
  ].join("\n");
}
