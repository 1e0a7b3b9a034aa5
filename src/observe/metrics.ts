/**
 * Prometheus metrics without a dependency: counters, gauges and histograms with labels, written in
 * the text exposition format (version 0.0.4) for a `/metrics` endpoint. Label values that callers
 * choose are bounded: {@link LabelValues} keeps only names the server itself knows, and each family
 * holds at most `maxSeriesPerFamily` series (more fold into one whose labels are all
 * {@link OTHER_LABEL}), so no caller can grow a scrape without bound.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Labels = Record<string, string>;

/** The latency buckets (seconds) of every histogram: from 100 µs, where a loopback call sits, to 10 s. */
export const LATENCY_BUCKETS = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** The one label value standing for every name not known (or past a cap). */
export const OTHER_LABEL = "(other)";

/** Series one family holds by default before folding new label sets into {@link OTHER_LABEL}. */
export const DEFAULT_MAX_SERIES_PER_FAMILY = 2000;

/** Distinct values a {@link LabelValues} keeps by default. */
export const DEFAULT_MAX_LABEL_VALUES = 1000;

/**
 * The values one label may take: names the server learnt from a trusted source (an upstream's
 * `tools/list`, the configuration), at most `max` of them; anything else is {@link OTHER_LABEL}.
 */
export class LabelValues {
  private readonly known = new Set<string>();
  constructor(readonly max = DEFAULT_MAX_LABEL_VALUES) {}

  /** Learns `value` (ignored past `max`). */
  add(value: string): void {
    if (this.known.size < this.max) this.known.add(value);
  }

  has(value: string): boolean {
    return this.known.has(value);
  }

  /** `value` when known, else {@link OTHER_LABEL}. */
  label(value: string): string {
    return this.known.has(value) ? value : OTHER_LABEL;
  }

  get size(): number {
    return this.known.size;
  }
}

/** Options of a {@link MetricsRegistry}. */
export interface MetricsRegistryOptions {
  /**
   * Most series one metric family holds; a new label set past it is counted in the series whose
   * labels are all {@link OTHER_LABEL}. Default {@link DEFAULT_MAX_SERIES_PER_FAMILY}.
   */
  maxSeriesPerFamily?: number;
}

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
    readonly maxSeries: number,
  ) {}

  at(labels: Labels): Series {
    let key = labelKey(labels);
    let s = this.series.get(key);
    if (s === undefined && this.series.size >= this.maxSeries) {
      // Full: the new label set is counted with every other one past the cap.
      key = labelKey(Object.fromEntries(Object.keys(labels).map((k) => [k, OTHER_LABEL])));
      s = this.series.get(key);
    }
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
  private readonly maxSeries: number;

  constructor(options: MetricsRegistryOptions = {}) {
    this.maxSeries = options.maxSeriesPerFamily ?? DEFAULT_MAX_SERIES_PER_FAMILY;
  }

  /** Series held, over all families (a histogram's series counts once). */
  get seriesCount(): number {
    let n = 0;
    for (const f of this.families.values()) n += f.series.size;
    return n;
  }

  private family(name: string, help: string, type: Family["type"]): Family {
    let f = this.families.get(name);
    if (f === undefined) {
      f = new Family(name, help, type, this.maxSeries);
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

/** Answers `GET`/`HEAD /metrics` with `registry` in the text exposition format, 404 elsewhere. */
export function answerScrape(registry: MetricsRegistry, req: IncomingMessage, res: ServerResponse): void {
  if ((req.url ?? "").split("?")[0] !== "/metrics") {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found: metrics are at /metrics\n");
  } else if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("use GET\n");
  } else {
    res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
    res.end(req.method === "HEAD" ? "" : registry.render());
  }
}

/** A metrics endpoint of its own (`--metrics-listen`). */
export interface MetricsEndpoint {
  /** `http://HOST:PORT/metrics`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `registry` at `GET /metrics` on an HTTP/1.1 port of its own (default 127.0.0.1, any free
 * port), apart from the port callers use: a scraper reaches it on an address callers cannot.
 */
export async function serveMetrics(
  registry: MetricsRegistry,
  listen: { host?: string; port?: number } = {},
): Promise<MetricsEndpoint> {
  const server = createServer((req, res) => answerScrape(registry, req, res));
  const host = listen.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
