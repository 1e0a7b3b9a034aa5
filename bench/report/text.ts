import { bytes, int, sig, textTable, times } from "./format.js";
import type { ResultRow } from "./types.js";

/** The stdout tables: one per suite, one line per case. */
export function textReport(rows: readonly ResultRow[]): string {
  const out: string[] = [];
  const codec = rows.filter((r) => r.suite === "codec" && !r.skipped);
  if (codec.length > 0) {
    out.push(
      "codec (ratio: ops/s vs json, same run)",
      textTable([
        ["case", "impl", "ns/op", "ops/s", "±%", "bytes", "ratio"],
        ...codec.map((r) => [
          r.case,
          r.implementation,
          sig(r.meanNs),
          int(r.opsPerSec),
          sig(r.rmePercent, 2),
          int(r.bytes),
          times(r.ratio),
        ]),
      ]),
      "",
    );
  }
  const rt = rows.filter((r) => r.suite === "roundtrip" && !r.skipped);
  if (rt.length > 0) {
    out.push(
      "roundtrip (latency in ms; ratio: sdk-http p50 / this p50, same run)",
      textTable([
        ["case", "impl", "calls/s", "p50", "p90", "p99", "calls", "ratio"],
        ...rt.map((r) => [
          r.case,
          r.implementation,
          int(r.callsPerSec),
          sig(r.p50Ms),
          sig(r.p90Ms),
          sig(r.p99Ms),
          int(r.calls),
          times(r.ratio),
        ]),
      ]),
      "",
    );
  }
  const mem = rows.filter((r) => r.suite === "memory" && !r.skipped);
  if (mem.length > 0) {
    out.push(
      "memory (this process's RSS)",
      textTable([
        ["case", "impl", "p50 ms", "peak RSS", "growth"],
        ...mem.map((r) => [
          r.case,
          r.implementation,
          sig(r.p50Ms),
          bytes(r.peakRssBytes),
          bytes(r.rssGrowthBytes),
        ]),
      ]),
      "",
    );
  }
  const skipped = rows.filter((r) => r.skipped);
  if (skipped.length > 0) {
    out.push(
      "skipped",
      ...skipped.map((r) => `  ${r.suite}/${r.implementation}/${r.case}: ${r.skipped}`),
      "",
    );
  }
  return out.join("\n");
}
