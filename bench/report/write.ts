import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { charts } from "./charts.js";
import { markdownReport } from "./markdown.js";
import type { Report } from "./types.js";

/** Where `npm run bench` writes by default. */
export const RESULTS_DIR = fileURLToPath(new URL("../results/", import.meta.url));

/** Writes `latest.json`, `latest.md` and the SVG charts into `dir`; returns the paths written. */
export function writeReport(report: Report, dir: string = RESULTS_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  const files = charts(report.rows);
  const written: string[] = [];
  const put = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    written.push(path);
  };
  put("latest.json", `${JSON.stringify(report, null, 2)}\n`);
  for (const c of files) put(c.file, c.svg);
  put("latest.md", markdownReport(report, files));
  return written;
}
