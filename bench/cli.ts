/**
 * `npm run bench`: runs the suites, prints tables to stdout, progress to
 * stderr, and writes bench/results/latest.{json,md} plus SVG charts.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { compareReports } from "./report/compare.js";
import { textReport } from "./report/text.js";
import type { Report } from "./report/types.js";
import { RESULTS_DIR, writeReport } from "./report/write.js";
import { runBenchmarks } from "./run.js";

const usage = `USAGE: npm run bench -- [options]

Runs the protomcp benchmark suites and writes bench/results/latest.{json,md}
and SVG charts. Tables go to stdout, progress to stderr.

Case ids are suite/implementation/op/payload, e.g.
  codec/json/encode/tools-list-100
  roundtrip/sdk-http/tools-call-echo/c8
  memory/sdk-in-memory/tools-call-image-8mb

Options:
  --filter <regex>    only cases whose id matches (unanchored)
  --quick             short time per case and fewer sizes (< 3 min on 2 cores)
  --json              print the JSON report to stdout instead of tables
  --compare <file>    compare this run with an earlier latest.json
  --out <dir>         write results here (default bench/results/)
  --no-write          do not write result files
  -h, --help          print this help

Examples:
  npm run bench -- --quick
  npm run bench -- --filter '^codec/.*/tools-list'
  npm run bench -- --quick --compare bench/results/latest.json --no-write
`;

const { values } = parseArgs({
  options: {
    filter: { type: "string" },
    quick: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    compare: { type: "string" },
    out: { type: "string" },
    "no-write": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}

const before = values.compare ? (JSON.parse(readFileSync(values.compare, "utf8")) as Report) : undefined;
const report = await runBenchmarks({
  quick: values.quick,
  filter: values.filter ? new RegExp(values.filter) : null,
});
if (report.rows.length === 0) {
  process.stderr.write(`no cases match ${JSON.stringify(values.filter)}\n`);
  process.exit(1);
}
process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : textReport(report.rows));
if (before) (values.json ? process.stderr : process.stdout).write(`\n${compareReports(before, report)}`);
if (!values["no-write"]) {
  for (const path of writeReport(report, values.out ?? RESULTS_DIR)) process.stderr.write(`wrote ${path}\n`);
}
// Spawned servers and keep-alive sockets are closed; exit without waiting on stray timers.
process.exit(0);
