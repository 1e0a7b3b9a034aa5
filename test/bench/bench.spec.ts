import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { codecs } from "../../bench/codecs/index.js";
import { loadCorpus } from "../../bench/corpus/index.js";
import { times } from "../../bench/report/format.js";
import { Progress } from "../../bench/report/progress.js";
import { transcoderTargets } from "../../bench/report/transcoder-targets.js";
import { runCodecSuite } from "../../bench/suites/codec.js";
import { percentile } from "../../bench/suites/load.js";

// Smoke test: structure only, never speed.
describe("bench", () => {
  it("builds a deterministic corpus of whole JSON-RPC messages", () => {
    const a = loadCorpus({ quick: true });
    const b = loadCorpus({ quick: true });
    deepStrictEqual(
      a.map((f) => f.name),
      b.map((f) => f.name),
    );
    ok(
      a.every((f, i) => f.json === b[i]?.json),
      "generated fixtures differ between two loads",
    );
    const names = new Set(a.map((f) => f.name));
    strictEqual(names.size, a.length, "fixture names are unique");
    for (const name of [
      "tools-list-10",
      "tools-list-1000",
      "tools-call-image-8mb",
      "sampling-create-message-tools",
    ]) {
      ok(names.has(name), `corpus has ${name}`);
    }
    for (const f of a) {
      const msg = JSON.parse(f.json) as Record<string, unknown>;
      strictEqual(msg.jsonrpc, "2.0", `${f.name} is a JSON-RPC envelope`);
      ok(
        f.kind === "request" ? "method" in msg : "result" in msg || "error" in msg,
        `${f.name} matches its kind`,
      );
    }
  });

  it("runs one codec case per op with a tiny time budget", () => {
    const fixture = loadCorpus({ quick: true }).find((f) => f.name === "everything-tools-call-echo");
    ok(fixture);
    const progress = new Progress(0, "test");
    const log = process.stderr.write;
    process.stderr.write = () => true;
    let rows: ReturnType<typeof runCodecSuite>;
    try {
      rows = runCodecSuite({ quick: true, filter: null, timeMs: 2 }, progress, {
        fixtures: [fixture],
        codecs,
      });
    } finally {
      process.stderr.write = log;
    }
    const json = rows.filter((r) => r.implementation === "json");
    deepStrictEqual(json.map((r) => r.case).sort(), [
      "decode/everything-tools-call-echo",
      "encode/everything-tools-call-echo",
      "roundtrip/everything-tools-call-echo",
    ]);
    for (const r of rows) {
      strictEqual(r.suite, "codec");
      // Other codecs may skip a fixture, but a skip must say why.
      if (r.skipped !== undefined) {
        ok(r.skipped.length > 0 && r.implementation !== "json", `${r.case} skipped with a reason`);
        continue;
      }
      ok((r.opsPerSec ?? 0) > 0 && (r.meanNs ?? 0) > 0, `${r.case} has figures`);
      ok((r.ratio ?? 0) > 0, `${r.case} has a ratio to json`);
    }
    strictEqual(json[0]?.bytes, Buffer.byteLength(fixture.json));

    // The report's targets read each direction against json's parse+stringify (its roundtrip).
    const hz = (impl: string, op: string) =>
      rows.find((r) => r.implementation === impl && r.case === `${op}/everything-tools-call-echo`)
        ?.opsPerSec ?? 0;
    const targets = transcoderTargets(rows).join("\n");
    for (const op of ["encode", "decode"]) {
      const ratio = times(hz("transcode", op) / hz("json", "roundtrip"));
      ok(targets.includes(`JSON-shaped payloads, ${op}: ${ratio} to ${ratio}, median ${ratio}`), targets);
    }
  });

  it("takes nearest-rank percentiles", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    strictEqual(percentile(sorted, 0.5), 50);
    strictEqual(percentile(sorted, 0.99), 99);
    strictEqual(percentile([7], 0.9), 7);
  });
});
