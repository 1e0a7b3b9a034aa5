/**
 * Escaped strings are decoded straight into protobuf bytes and escaped again on the way back: the
 * values must survive, surrogate pairs included, and a lone surrogate must be refused.
 */
import assert from "node:assert/strict";
import { binaryToJson, jsonToBinary, TranscodeCode, TranscodeError } from "../../src/transcode/index.js";

const options = { revision: "2025-11-25" } as const;

function roundTrip(json: string): string {
  return Buffer.from(
    binaryToJson("TextContent", jsonToBinary("TextContent", json, options), options),
  ).toString("utf8");
}

describe("transcode: escaped strings", () => {
  it("keeps every escape's value, as JSON.stringify writes it back", () => {
    const texts = [
      'line\nnext\ttab "quoted" back\\slash /',
      "\u0000\u0001\u001f\u007f",
      "é✓😀",
      `${"x".repeat(100)}\n${"é".repeat(100)}\n`,
    ];
    for (const text of texts) {
      const json = JSON.stringify({ type: "text", text });
      assert.equal(roundTrip(json), json);
    }
  });

  it("decodes \\u escapes, surrogate pairs and \\/ to the characters they stand for", () => {
    const json = '{"type":"text","text":"\\u00e9\\u2713\\ud83d\\ude00\\/\\b\\f\\u0041"}';
    assert.equal(roundTrip(json), JSON.stringify(JSON.parse(json)));
    const bytes = jsonToBinary("TextContent", json, options);
    assert.ok(Buffer.from(bytes).includes(Buffer.from("é✓😀/\b\fA")), "UTF-8 on the wire");
  });

  it("refuses a lone surrogate, which UTF-8 cannot carry", () => {
    for (const text of ["\\ud83d", "\\ude00x", "\\ud83d\\u0041", "a\\ud83d"]) {
      assert.throws(
        () => jsonToBinary("TextContent", `{"type":"text","text":"${text}"}`, options),
        (error: unknown) =>
          error instanceof TranscodeError &&
          error.code === TranscodeCode.InvalidValue &&
          /lone surrogate/.test(error.reason) &&
          error.path === "$.text",
      );
    }
  });

  // Past its first escape a string is checked, unescaped and written in one pass; anything wrong
  // there must be reported as the two-pass scan reports it: the first syntax error wins over a lone
  // surrogate before it, and every offset is the scan's.
  it("reports what is wrong after a string's first escape where the scan would", () => {
    const prefix = '{"type":"text","text":"';
    const cases: [string, TranscodeCode, RegExp, number][] = [
      [String.raw`a\nb\qc`, TranscodeCode.MalformedJson, /bad escape/, prefix.length + 4],
      [String.raw`a\nb\u12G4`, TranscodeCode.MalformedJson, /bad \\u escape/, prefix.length + 4],
      [`a\\nb\u0001c`, TranscodeCode.MalformedJson, /control character/, prefix.length + 4],
      [String.raw`a\ud83db\q`, TranscodeCode.MalformedJson, /bad escape/, prefix.length + 8],
      [String.raw`a\nb\ud83db`, TranscodeCode.InvalidValue, /lone surrogate/, prefix.length - 1],
    ];
    for (const [text, code, reason, offset] of cases) {
      const json = `${prefix}${text}"}`;
      assert.throws(
        () => jsonToBinary("TextContent", json, options),
        (error: unknown) =>
          error instanceof TranscodeError &&
          error.code === code &&
          reason.test(error.reason) &&
          error.offset === offset,
        json,
      );
    }
    assert.throws(
      () => jsonToBinary("TextContent", String.raw`{"type":"text","text":"a\nbc`, options),
      /unterminated/,
    );
  });

  it("keeps non-ASCII text and every escape after a string's first escape", () => {
    const text = `${"plain ".repeat(3)}"quoted"\t${'é✓😀\n"\\'.repeat(40)}\u0001 end`;
    const json = JSON.stringify({ type: "text", text });
    assert.equal(roundTrip(json), json);
    const escaped = String.raw`{"type":"text","text":"a\nb\u00e9\ud83d\ude00\/c"}`;
    assert.equal(roundTrip(escaped), JSON.stringify(JSON.parse(escaped)));
  });
});
