/**
 * Prometheus metrics without a dependency: counters, gauges and histograms with labels, written in
 * the text exposition format (version 0.0.4) for a `/metrics` endpoint.
 */

type Labels = Record<string, string>;

/** The latency buckets (seconds) of every histogram: from 100 µs, where a loopback call sits, to 10 s. */
export const LATENCY_BUCKETS = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

function labelKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map(
      (k) => `${k}="${String(labels[k]).replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`,
    )
    .join(",");
}

interface Series {
  labels: string;
  value: number;
  buckets?: number[];
  sum?: number;
}

/** One metric family. */
class Family {
  readonly series = new Map<string, Series>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: "counter" | "gauge" | "histogram",
  ) {}

  at(labels: Labels): Series {
    const key = labelKey(labels);
    let s = this.series.get(key);
    if (s === undefined) {
      s = { labels: key, value: 0 };
      if (this.type === "histogram") {
        s.buckets = LATENCY_BUCKETS.map(() => 0);
        s.sum = 0;
      }
      this.series.set(key, s);
    }
    return s;
  }
}

/** A set of metrics that renders as one Prometheus scrape. */
export class MetricsRegistry {
  private readonly families = new Map<string, Family>();

  private family(name: string, help: string, type: Family["type"]): Family {
    let f = this.families.get(name);
    if (f === undefined) {
      f = new Family(name, help, type);
      this.families.set(name, f);
    }
    return f;
  }

  /** Adds `by` (default 1) to a counter. */
  inc(name: string, help: string, labels: Labels = {}, by = 1): void {
    this.family(name, help, "counter").at(labels).value += by;
  }

  /** Sets a gauge, or moves it by `delta` with `add`. */
  gauge(name: string, help: string, labels: Labels, value: number, mode: "set" | "add" = "set"): void {
    const s = this.family(name, help, "gauge").at(labels);
    s.value = mode === "set" ? value : s.value + value;
  }

  /** Records one observation (seconds) in a histogram. */
  observe(name: string, help: string, labels: Labels, seconds: number): void {
    const s = this.family(name, help, "histogram").at(labels);
    s.value++;
    s.sum! += seconds;
    LATENCY_BUCKETS.forEach((le, i) => {
      if (seconds <= le) s.buckets![i]!++;
    });
  }

  /** The text exposition format. */
  render(): string {
    const lines: string[] = [];
    for (const f of this.families.values()) {
      lines.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`);
      for (const s of f.series.values()) {
        const with_ = (extra: string) => `{${[s.labels, extra].filter((x) => x !== "").join(",")}}`;
        if (f.type !== "histogram") {
          lines.push(`${f.name}${s.labels === "" ? "" : `{${s.labels}}`} ${s.value}`);
          continue;
        }
        LATENCY_BUCKETS.forEach((le, i) => {
          lines.push(`${f.name}_bucket${with_(`le="${le}"`)} ${s.buckets![i]}`);
        });
        lines.push(`${f.name}_bucket${with_('le="+Inf"')} ${s.value}`);
        lines.push(`${f.name}_sum${s.labels === "" ? "" : `{${s.labels}}`} ${s.sum}`);
        lines.push(`${f.name}_count${s.labels === "" ? "" : `{${s.labels}}`} ${s.value}`);
      }
    }
    return `${lines.join("\n")}\n`;
  }
}
