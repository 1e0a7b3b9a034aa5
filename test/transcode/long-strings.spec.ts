/**
 * Long strings take native paths (`JSON.parse` over their latin1 text when encoding, a chunked loop
 * past the first escape when decoding): their values, their bytes on the wire and their errors must
 * be the byte loops' own, whatever escapes, quotes and characters past ASCII they hold.
 */
import assert from "node:assert/strict";
import { fromBinary } from "@bufbuild/protobuf";
import fc from "fast-check";
import { TextContentSchema } from "../../gen/es/mcp/v1/content_pb.js";
import { binaryToJson, jsonToBinary, TranscodeCode, TranscodeError } from "../../src/transcode/index.js";

const options = { revision: "2025-11-25" } as const;

/** Pieces of JSON string text: plain runs, every escape form, and characters past ASCII. */
const piece = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }).map((s) => s.replace(/["\\\u0000-\u001f]/g, "")),
  fc.constantFrom("\\n", '\\"', "\\\\", "\\/", "\\t", "\\r", "\\b", "\\f", "\\u0001", "\\u0041"),
  fc.constantFrom("\\u00e9", "\\u2713", "\\ud83d\\ude00", "é", "–", "✓", "😀", "\u007f"),
);
/** The text of a JSON string (quotes included), long enough for the native paths. */
const longString = fc
  .array(piece, { minLength: 20, maxLength: 200 })
  .map((pieces) => `"${"x".repeat(130)}${pieces.join("")}"`);

function textContent(text: string, meta = '{"k":1}'): string {
  return `{"type":"text","text":${text},"_meta":${meta}}`;
}

function decodeToText(bytes: Uint8Array): string {
  return Buffer.from(binaryToJson("TextContent", bytes, options)).toString("utf8");
}

function transcodeError(fn: () => unknown): TranscodeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TranscodeError) return error;
    throw error;
  }
  assert.fail("no error");
}

describe("transcode: long strings", () => {
  it("carry the value JSON.parse reads, on the wire as protobuf-es reads it, and back as JSON.stringify writes it", () => {
    fc.assert(
      fc.property(longString, (text) => {
        const value = JSON.parse(text) as string;
        const bytes = jsonToBinary("TextContent", textContent(text), options);
        assert.equal(fromBinary(TextContentSchema, bytes).text, value);
        assert.equal(decodeToText(bytes), textContent(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it("are copied byte for byte inside open JSON values", () => {
    fc.assert(
      fc.property(longString, (text) => {
        const json = textContent('"short"', `{"k":${text}}`);
        assert.equal(decodeToText(jsonToBinary("TextContent", json, options)), json);
      }),
      { numRuns: 300 },
    );
  });

  it("with many escaped quotes (source code) or past 4 KiB, still round-trip", () => {
    const code = 'const greeting = "hello";\n'.repeat(400);
    for (const value of [code, `${"é".repeat(3000)}\n${"a\tb".repeat(2000)}`]) {
      const json = textContent(JSON.stringify(value));
      const bytes = jsonToBinary("TextContent", json, options);
      assert.equal(fromBinary(TextContentSchema, bytes).text, value);
      assert.equal(decodeToText(bytes), json);
    }
  });

  it("report a control character, a bad escape or a lone surrogate where the byte loop does", () => {
    const head = `{"type":"text","text":"${"y".repeat(150)}\\n`;
    const faults = [
      { fault: "\u0001", code: TranscodeCode.MalformedJson, reason: /control character/ },
      { fault: "\\x", code: TranscodeCode.MalformedJson, reason: /bad escape/ },
      { fault: "\\u12G4", code: TranscodeCode.MalformedJson, reason: /bad \\u escape/ },
      { fault: "\\ud800", code: TranscodeCode.InvalidValue, reason: /lone surrogate/ },
    ];
    for (const { fault, code, reason } of faults) {
      const json = `${head}${fault}${"z".repeat(150)}"}`;
      const error = transcodeError(() => jsonToBinary("TextContent", json, options));
      assert.equal(error.code, code, `${fault}: ${error.message}`);
      assert.match(error.reason, reason);
      assert.equal(error.path, "$.text");
      if (code === TranscodeCode.MalformedJson) assert.equal(error.offset, head.length);
    }
    // Inside an open value, a lone surrogate is JSON text like any other; the rest are refused.
    const meta = `{"k":"${"y".repeat(150)}\\ud800${"z".repeat(150)}"}`;
    const json = textContent('"short"', meta);
    assert.equal(decodeToText(jsonToBinary("TextContent", json, options)), json);
    const bad = textContent('"short"', `{"k":"${"y".repeat(150)}\\q"}`);
    assert.match(transcodeError(() => jsonToBinary("TextContent", bad, options)).reason, /bad escape/);
  });

  it("refuse bytes that are not UTF-8, both ways", () => {
    const text = `${"a".repeat(200)}\n${"b".repeat(200)}`;
    const json = Buffer.from(textContent(JSON.stringify(text)));
    const broken = Buffer.from(json);
    broken[json.indexOf("b")] = 0xff;
    const error = transcodeError(() => jsonToBinary("TextContent", broken, options));
    assert.equal(error.code, TranscodeCode.MalformedJson);
    assert.match(error.reason, /not UTF-8/);

    const bytes = Buffer.from(jsonToBinary("TextContent", json, options));
    bytes[bytes.indexOf("b")] = 0xff;
    const back = transcodeError(() => binaryToJson("TextContent", bytes, options));
    assert.equal(back.code, TranscodeCode.InvalidValue);
    assert.match(back.reason, /not UTF-8/);
  });
});
