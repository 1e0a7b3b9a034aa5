// The three ways to convert base64 the transcoder could take, timed on this Node (docs/base64.md):
// Node's string base64 (what src/transcode/base64.ts does without the addon), the addon from
// prebuilds/ (`node native/build.mjs` makes it), and Node 26's Uint8Array setFromBase64/toBase64.
// Decode reads the text out of a JSON-like buffer and writes bytes into a buffer; encode the reverse.
// Run: node bench/base64-paths.mjs [rounds] [addon kernels: 2 AVX-512, 1 AVX2, 0 scalar]; it prints
// a Markdown table of medians in microseconds.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const path = fileURLToPath(
  new URL(`../prebuilds/${process.platform}-${process.arch}/protomcp_base64.node`, import.meta.url),
);
const addon = existsSync(path) ? createRequire(import.meta.url)(path) : undefined;
const nodeApi = typeof Uint8Array.prototype.setFromBase64 === "function";
const rounds = Number(process.argv[2] ?? 5);
// The addon's test-only hook: at most the kernels this CPU has.
if (addon && process.argv[3] !== undefined) addon.setSimd(Number(process.argv[3]));
const sizes = [1024, 16384, 262144, 8 << 20];

/** Microseconds per call, after a warm-up. */
function time(fn, iterations) {
  for (let i = 0; i < Math.min(iterations, 200); i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  return Number(process.hrtime.bigint() - start) / iterations / 1000;
}

function median(values) {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function cases(n) {
  const bytes = Buffer.alloc(n);
  for (let i = 0; i < n; i++) bytes[i] = (i * 7919) & 255;
  const text = Buffer.from(bytes.toString("base64"), "latin1");
  const framed = Buffer.concat([Buffer.from('{"data":"'), text, Buffer.from('"}')]);
  const from = 9;
  const to = from + text.length;
  const out = Buffer.alloc(n + 64);
  const outText = Buffer.alloc(text.length + 64);
  const latin1 = (s) => outText.latin1Write(s, 0, s.length);
  return {
    "decode string": () => out.base64Write(framed.latin1Slice(from, to), 0),
    "decode addon": addon && (() => addon.decode(framed, from, to, out, 0)),
    "decode setFromBase64": nodeApi && (() => out.setFromBase64(framed.latin1Slice(from, to))),
    "encode string": () => latin1(bytes.base64Slice(0, n)),
    "encode addon": addon && (() => addon.encode(bytes, 0, n, outText, 0)),
    "encode toBase64": nodeApi && (() => latin1(bytes.toBase64())),
  };
}

const size = (n) => (n >= 1 << 20 ? `${n >> 20} MiB` : `${n >> 10} KiB`);
const columns = Object.keys(cases(3));
process.stdout.write(`Node ${process.version}, ${addon ? `addon ${addon.simd()}` : "no addon"}\n\n`);
process.stdout.write(`| size | ${columns.join(" | ")} |\n|---|${columns.map(() => "---:").join("|")}|\n`);
for (const n of sizes) {
  const iterations = Math.max(20, Math.floor(2e7 / n));
  const fns = cases(n);
  const times = Object.fromEntries(columns.map((c) => [c, []]));
  for (let r = 0; r < rounds; r++) for (const c of columns) if (fns[c]) times[c].push(time(fns[c], iterations));
  const cells = columns.map((c) => (fns[c] ? median(times[c]).toFixed(2) : "n/a"));
  process.stdout.write(`| ${size(n)} | ${cells.join(" | ")} |\n`);
}
