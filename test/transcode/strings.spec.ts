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
});
