/**
 * The base64 addon itself (native/base64.cc): it writes into memory JavaScript handed it, so every
 * range is checked before a byte moves, views at any offset are read where they start, and its
 * answers match Node's own base64 on every size around simdutf's block lengths.
 */
import assert from "node:assert/strict";
import { nativeBase64 } from "../../src/transcode/native-base64.js";

describe("transcode: the base64 addon", () => {
  const addon = nativeBase64.addon;
  before(function () {
    if (addon !== undefined) return;
    if (process.platform === "linux" && process.env.PROTOMCP_NATIVE !== "0")
      throw new Error(`the base64 addon is not in use: ${nativeBase64.why} (npm install builds it)`);
    this.skip();
  });

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

  it("agrees with Node's base64 both ways on every size from 0 to 300 bytes and around 64 KiB", () => {
    const sizes = [...Array.from({ length: 301 }, (_, i) => i), 65535, 65536, 65537, 196608];
    for (const n of sizes) {
      const data = bytes(n, n + 1);
      const text = Buffer.from(data.toString("base64"), "latin1");
      const encoded = Buffer.alloc(text.length);
      assert.equal(addon!.encode(data, 0, n, encoded, 0), text.length, `encode ${n}`);
      assert.ok(encoded.equals(text), `encode ${n}`);
      const decoded = Buffer.alloc(Math.ceil(n / 3) * 3);
      assert.equal(addon!.decode(text, 0, text.length, decoded, 0), n, `decode ${n}`);
      assert.ok(decoded.subarray(0, n).equals(data), `decode ${n}`);
    }
  });

  it("reads and writes views where they start, not where their memory starts", () => {
    const memory = new ArrayBuffer(4096);
    const data = bytes(300);
    const source = new Uint8Array(memory, 13, 300);
    source.set(data);
    const target = new Uint8Array(memory, 1001, 500);
    assert.equal(addon!.encode(source, 0, 300, target, 7), 400);
    const text = data.toString("base64");
    assert.equal(Buffer.from(target.subarray(7, 407)).toString("latin1"), text);
    const back = new Uint8Array(memory, 2003, 400);
    assert.equal(addon!.decode(target, 7, 407, back, 1), 300);
    assert.ok(Buffer.from(back.subarray(1, 301)).equals(data));
    assert.ok(Buffer.from(source).equals(data), "the source is untouched");
  });

  it("refuses ranges outside its views and outputs without room, before writing", () => {
    const text = Buffer.from("AAECAwQF");
    const out = Buffer.alloc(6, 0xee);
    const calls: [string, () => unknown][] = [
      ["to past the text", () => addon!.decode(text, 0, 12, out, 0)],
      ["from after to", () => addon!.decode(text, 8, 4, out, 0)],
      ["at past the output", () => addon!.decode(text, 0, 8, out, 7)],
      ["no room for the bytes", () => addon!.decode(text, 0, 8, out, 1)],
      ["a length not a multiple of 4", () => addon!.decode(text, 0, 6, out, 0)],
      ["no room for the text", () => addon!.encode(text, 0, 8, out, 0)],
      ["a negative index", () => addon!.encode(text, -1, 3, out, 0)],
      ["a fractional index", () => addon!.encode(text, 0.5, 3, out, 0)],
      ["a view that is not bytes", () => addon!.encode(new Uint16Array(4) as never, 0, 3, out, 0)],
    ];
    for (const [what, call] of calls) assert.throws(call, RangeError, what);
    assert.ok(out.equals(Buffer.alloc(6, 0xee)), "nothing was written");
  });

  it("refuses what strict, standard base64 refuses", () => {
    const out = Buffer.alloc(16);
    for (const text of ["AA-A", "AA_A", "AA A", "AAB=", "AB==", "A===", "====", "AA=A", "AAA\u00e9"])
      assert.equal(addon!.decode(Buffer.from(text, "latin1"), 0, 4, out, 0), -1, text);
  });
});
