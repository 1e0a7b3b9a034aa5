import fs from "node:fs";
import { JsonRpcTranscoder } from "../src/transcode/index.js";
const fx = JSON.parse(fs.readFileSync("bench/fixtures/captured/everything.json", "utf8")) as { name: string; json: string; method: string }[];
const name = process.argv[2] ?? "everything-tools-call-echo";
const f = fx.find((x) => x.name === name)!;
const msg = JSON.parse(f.json);
const t = new JsonRpcTranscoder({ revision: "2025-11-25" });
const json = Buffer.from(f.json);
const isResp = msg.method === undefined;
if (isResp) t.expect(msg.id, f.method);
const bin = t.toBinary(json);
const N = +(process.argv[3] ?? 1_000_000);
const enc = new TextEncoder(), dec = new TextDecoder();
function time(label: string, fn: () => unknown) {
  for (let i = 0; i < 100000; i++) fn();
  const s = process.hrtime.bigint();
  for (let i = 0; i < N; i++) fn();
  const ns = Number(process.hrtime.bigint() - s) / N;
  console.log(label.padEnd(22), ns.toFixed(0), "ns");
  return ns;
}
const mode = process.argv[4] ?? "all";
if (mode === "all" || mode === "json") { time("json encode", () => enc.encode(JSON.stringify(msg))); time("json decode", () => JSON.parse(dec.decode(json))); }
if (mode === "all" || mode === "enc") time("tc encode", () => { if (isResp) t.expect(msg.id, f.method); return t.toBinary(json); });
if (mode === "all" || mode === "dec") time("tc decode", () => { if (isResp) t.expect(msg.id, f.method); return t.toJson(bin); });
