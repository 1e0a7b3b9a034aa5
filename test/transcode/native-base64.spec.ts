/**
 * The base64 addon itself (native/base64.c): that it is in use exactly where expected, and, since it
 * writes into memory JavaScript handed it, that every range is checked before a byte moves, views at
 * any offset are read where they start, and its answers match Node's own base64 around every SIMD
 * block length, with each set of kernels the CPU has.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Base64Addon, nativeBase64 } from "../../src/transcode/native-base64.js";

const prebuild = new URL("../../prebuilds/linux-x64/protomcp_base64.node", import.meta.url);
const turnedOff = process.env.PROTOMCP_NATIVE === "0";
/** Whether the addon must load and be used: on linux-x64 with its prebuild there, and AVX2. */
const loadable =
  process.platform === "linux" &&
  process.arch === "x64" &&
  existsSync(prebuild) &&
  /^flags\s*:.* avx2( |$)/m.test(readFileSync("/proc/cpuinfo", "utf8"));
/** Whether it must be in use here: where it must load, unless turned off. */
const expected = loadable && !turnedOff;

/** Deterministic bytes over the whole alphabet. */
function bytes(n: number, seed = 7): Buffer {
  const b = Buffer.allocUnsafe(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

describe("transcode: where the base64 addon is in use", () => {
  it("is in use where its prebuild is expected to load, and not when turned off", () => {
    if (turnedOff) assert.equal(nativeBase64.addon, undefined, "PROTOMCP_NATIVE=0, yet the addon is in use");
    if (expected) assert.notEqual(nativeBase64.addon, undefined, `not in use: ${nativeBase64.why}`);
    assert.match(nativeBase64.path(), nativeBase64.enabled ? /^addon/ : /^Node's string base64/);
  });

  it("says which path it took on stderr when DEBUG asks for protomcp, and only then", () => {
    const root = fileURLToPath(new URL("../../", import.meta.url));
    const stderr = (env: Record<string, string>) => {
      const { PROTOMCP_NATIVE: _, DEBUG: __, ...rest } = process.env;
      const code = 'await import("./src/transcode/native-base64.ts")';
      const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
        cwd: root,
        env: { ...rest, ...env },
        encoding: "utf8",
      });
      assert.equal(run.status, 0, run.stderr);
      return run.stderr;
    };
    // The children run without this process's PROTOMCP_NATIVE.
    const path = loadable ? /^protomcp:base64 addon/ : /^protomcp:base64 Node's string base64/;
    assert.match(stderr({ DEBUG: "protomcp" }), path);
    assert.match(stderr({ DEBUG: "other,protomcp:*" }), path);
    assert.match(stderr({ DEBUG: "protomcp", PROTOMCP_NATIVE: "0" }), /string base64 .*PROTOMCP_NATIVE=0/);
    assert.equal(stderr({}), "");
    assert.equal(stderr({ DEBUG: "other:*" }), "");
  });
});

describe("transcode: the base64 addon", () => {
  // setSimd is a test-only hook of the addon (not part of Base64Addon): it picks among the kernels
  // the CPU has, and returns the name of those then in use.
  const addon = nativeBase64.addon as (Base64Addon & { setSimd(level: number): string }) | undefined;
  before(function () {
    if (addon === undefined) this.skip();
  });

  // Each level the CPU has once (a lower one asked for on a CPU without it names the same kernels).
  const levels = new Map<string, number>();
  for (const level of [2, 1, 0])
    if (addon && !levels.has(addon.setSimd(level))) levels.set(addon.setSimd(level), level);
  addon?.setSimd(2); // the other suites run with the best kernels
  after(() => addon?.setSimd(2));

  for (const [simd, level] of levels) {
    describe(`with its ${simd} kernels`, () => {
      before(() => assert.equal(addon!.setSimd(level), simd));

      it("agrees with Node's base64 both ways on 0-300 bytes and around 64 KiB, at unaligned offsets", () => {
        const sizes = [...Array.from({ length: 301 }, (_, i) => i), 65535, 65536, 65537, 196608];
        for (const n of sizes) {
          const data = bytes(n, n + 1);
          const text = Buffer.from(data.toString("base64"), "latin1");
          for (const [from, at] of [
            [0, 0],
            [1, 3],
            [7, 13],
          ] as const) {
            const source = Buffer.concat([Buffer.alloc(from, 0xaa), data]);
            const encoded = Buffer.alloc(at + text.length + 5, 0x55);
            assert.equal(addon!.encode(source, from, from + n, encoded, at), text.length, `encode ${n}`);
            assert.ok(encoded.subarray(at, at + text.length).equals(text), `encode ${n}`);
            assert.ok(
              encoded.subarray(at + text.length).every((b) => b === 0x55),
              `encode ${n} overran`,
            );
            const framed = Buffer.concat([Buffer.alloc(from, 0x22), text]);
            const decoded = Buffer.alloc(at + n + 5, 0x77);
            assert.equal(addon!.decode(framed, from, from + text.length, decoded, at), n, `decode ${n}`);
            assert.ok(decoded.subarray(at, at + n).equals(data), `decode ${n}`);
            assert.ok(
              decoded.subarray(at + n).every((b) => b === 0x77),
              `decode ${n} overran`,
            );
          }
        }
      });

      it("refuses what strict, standard base64 refuses, in the SIMD blocks and the tail", () => {
        const out = Buffer.alloc(1024);
        for (const text of [
          "AA-A",
          "AA_A",
          "AA A",
          "AAB=",
          "AB==",
          "A===",
          "====",
          "AA=A",
          "AAA\u00e9",
          "QQ==QQ==",
        ])
          assert.equal(addon!.decode(Buffer.from(text, "latin1"), 0, text.length, out, 0), -1, text);
        assert.equal(addon!.decode(Buffer.from("AAECAw"), 0, 6, out, 0), -1, "a length not a multiple of 4");
        const long = Buffer.from(bytes(600).toString("base64"), "latin1");
        for (const at of [0, 31, 32, 63, 64, 400, 795]) {
          for (const bad of [0x2d, 0x5f, 0x3d, 0x20, 0x00, 0xc3]) {
            const text = Buffer.from(long);
            text[at] = bad;
            assert.equal(addon!.decode(text, 0, text.length, out, 0), -1, `${bad} at ${at}`);
          }
        }
      });
    });
  }

  it("reads and writes views where they start, not where their memory starts", () => {
    const memory = new ArrayBuffer(4096);
    const data = bytes(300);
    const source = new Uint8Array(memory, 13, 300);
    source.set(data);
    const target = new Uint8Array(memory, 1001, 500);
    assert.equal(addon!.encode(source, 0, 300, target, 7), 400);
    assert.equal(Buffer.from(target.subarray(7, 407)).toString("latin1"), data.toString("base64"));
    const back = new Uint8Array(memory, 2003, 400);
    assert.equal(addon!.decode(target, 7, 407, back, 1), 300);
    assert.ok(Buffer.from(back.subarray(1, 301)).equals(data));
    assert.ok(Buffer.from(source).equals(data), "the source is untouched");
  });

  it("throws RangeError or TypeError for bad arguments, before writing", () => {
    const text = Buffer.from("AAECAwQF");
    const out = Buffer.alloc(6, 0xee);
    const ranges: [string, () => unknown][] = [
      ["to past the text", () => addon!.decode(text, 0, 12, out, 0)],
      ["from after to", () => addon!.decode(text, 8, 4, out, 0)],
      ["at past the output", () => addon!.decode(text, 0, 8, out, 7)],
      ["no room for the bytes", () => addon!.decode(text, 0, 8, out, 1)],
      ["no room for the text", () => addon!.encode(text, 0, 8, out, 0)],
      ["a negative index", () => addon!.encode(text, -1, 3, out, 0)],
      ["a fractional index", () => addon!.encode(text, 0.5, 3, out, 0)],
      ["an infinite index", () => addon!.encode(text, 0, 3, out, Number.POSITIVE_INFINITY)],
      ["NaN", () => addon!.encode(text, Number.NaN, 3, out, 0)],
      ["overlapping source and target", () => addon!.encode(out, 0, 3, out, 1)],
    ];
    for (const [what, call] of ranges) assert.throws(call, RangeError, what);
    const types: [string, () => unknown][] = [
      ["a view that is not bytes", () => addon!.encode(new Uint16Array(4) as never, 0, 3, out, 0)],
      ["a string source", () => addon!.decode("AAAA" as never, 0, 4, out, 0)],
      ["an index that is not a number", () => addon!.encode(text, "0" as never, 3, out, 0)],
      ["a missing argument", () => (addon!.encode as (...a: unknown[]) => number)(text, 0, 3, out)],
    ];
    for (const [what, call] of types) assert.throws(call, TypeError, what);
    assert.ok(out.equals(Buffer.alloc(6, 0xee)), "nothing was written");
  });
});
