/**
 * The compact-JSON fast path never accepts what the scanner refuses, and it ends a value where the
 * scanner ends it; on compact JSON (what the SDKs write), text past ASCII included, it does not give up.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { COMPACT_MAX_DEPTH, compactJsonEnd, compactScan } from "../../src/transcode/compact-json.js";
import { JsonScanner } from "../../src/transcode/json-scanner.js";

/** Where `skipValue` ends the value at 0, or -1 where it refuses it. */
function scannerEnd(b: Buffer): number {
  const scanner = new JsonScanner(b, 0, b.length);
  try {
    scanner.skipValue();
    return scanner.p;
  } catch {
    return -1;
  }
}

function agrees(b: Buffer): void {
  const fast = compactJsonEnd(b, 0);
  if (fast >= 0)
    assert.equal(fast, scannerEnd(b), `compactJsonEnd accepted ${JSON.stringify(b.toString("latin1"))}`);
}

const isAscii = (text: string) => !/[^\x00-\x7f]/.test(text);

const examples = new URL("../../spec/2026-07-28/examples/", import.meta.url);
const exampleTexts = readdirSync(examples)
  .sort()
  .flatMap((type) =>
    readdirSync(new URL(`${type}/`, examples))
      .sort()
      .map((file) => JSON.stringify(JSON.parse(readFileSync(new URL(`${type}/${file}`, examples), "utf8")))),
  );

describe("transcode: compact JSON fast path", () => {
  it("crosses every official example, compact, and says which hold text past ASCII", () => {
    let nonAscii = 0;
    for (const text of exampleTexts) {
      const b = Buffer.from(text);
      assert.equal(compactJsonEnd(b, 0), b.length, text);
      assert.equal(compactScan.nonAscii, !isAscii(text), "says whether it saw a byte past ASCII");
      if (!isAscii(text)) nonAscii++;
    }
    assert.ok(nonAscii > 0, "some examples hold text past ASCII");
  });

  it("gives up on white space, which the scanner accepts", () => {
    const b = Buffer.from('{"a": 1}');
    assert.equal(compactJsonEnd(b, 0), -1);
    assert.equal(scannerEnd(b), b.length);
  });

  it("takes any compact JSON value, where the scanner ends it", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const b = Buffer.from(JSON.stringify(value));
        assert.equal(compactJsonEnd(b, 0), b.length);
        assert.equal(scannerEnd(b), b.length);
      }),
    );
  });

  it("stops where a value ends, with more bytes after it", () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 3 }),
        fc.constantFrom(",", "}", "]", ' "x"', "\n"),
        (value, tail) => {
          const text = JSON.stringify(value);
          assert.equal(compactJsonEnd(Buffer.from(text + tail), 0), Buffer.byteLength(text));
        },
      ),
    );
  });

  it("never accepts what the scanner refuses: JSON with bytes changed, cut or added", () => {
    const bytes = fc.constantFrom(...Buffer.from('{}[]",:\\/-+.0123456789eEtrufalsn \t\nu\u0001x'));
    const mutated = fc
      .tuple(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.tuple(fc.nat(), bytes, fc.nat(2)), { maxLength: 3 }))
      .map(([value, edits]) => {
        const b = [...Buffer.from(JSON.stringify(value))];
        for (const [at, byte, how] of edits) {
          const i = b.length === 0 ? 0 : at % b.length;
          if (how === 0) b[i] = byte;
          else if (how === 1) b.splice(i, 0, byte);
          else b.splice(i, 1);
        }
        return Buffer.from(b);
      });
    fc.assert(fc.property(mutated, agrees), { numRuns: 2000 });
  });

  it("does not take as one value the bad escapes, numbers and literals the scanner refuses", () => {
    for (const text of [
      '"\\x"',
      '"\\u12g4"',
      "01",
      "1.",
      "1e",
      "-",
      ".5",
      "tru",
      "nul",
      "[1,]",
      '{"a"}',
      '{"a":1,}',
      "[1 2]",
    ]) {
      const b = Buffer.from(text);
      assert.notEqual(compactJsonEnd(b, 0), b.length, text);
      assert.notEqual(scannerEnd(b), b.length, text);
      agrees(b);
    }
  });

  it(`leaves values nested deeper than ${COMPACT_MAX_DEPTH} to the scanner`, () => {
    const deep = (n: number) => Buffer.from("[".repeat(n) + "]".repeat(n));
    assert.equal(compactJsonEnd(deep(COMPACT_MAX_DEPTH), 0), 2 * COMPACT_MAX_DEPTH);
    assert.equal(compactJsonEnd(deep(COMPACT_MAX_DEPTH + 1), 0), -1);
  });
});
