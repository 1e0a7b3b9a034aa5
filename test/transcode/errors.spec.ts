/** Bad input gets a clear error — code, JSON path, what was expected — never a crash or a silent drop. */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  binaryToJson,
  JsonRpcTranscoder,
  jsonToBinary,
  TranscodeCode,
  TranscodeError,
} from "../../src/transcode/index.js";

function rejects(run: () => unknown, code: TranscodeCode, pattern: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof TranscodeError, `a TranscodeError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  });
}

describe("transcode: errors", () => {
  it("rejects malformed JSON with where it broke", () => {
    rejects(
      () => jsonToBinary("TextContent", '{"type":"text","text":"hi"'),
      TranscodeCode.MalformedJson,
      /expected ',' or '}'/,
    );
    rejects(
      () => jsonToBinary("TextContent", '{"type":"text",}'),
      TranscodeCode.MalformedJson,
      /property name/,
    );
    rejects(
      () => jsonToBinary("TextContent", '{"type":"text","text":"a\u0001"}'),
      TranscodeCode.MalformedJson,
      /control character/,
    );
    rejects(
      () => jsonToBinary("TextContent", '{"type":"text","text":"hi"} x'),
      TranscodeCode.MalformedJson,
      /end of the input/,
    );
    rejects(
      () => jsonToBinary("TextContent", new Uint8Array([0x7b, 0xff, 0x7d])),
      TranscodeCode.MalformedJson,
      /not UTF-8/,
    );
  });

  it("rejects a bad escape that a look-ahead crossed first (a discriminator, an id, base64)", () => {
    const t = new JsonRpcTranscoder({ revision: "2025-11-25" });
    const response = (result: string, id = "1") => {
      t.expect(1, "tools/call");
      return () => t.toBinary(`{"jsonrpc":"2.0","result":${result},"id":${id}}`);
    };
    rejects(response('{"content":[{"type":"\\x","text":"a"}]}'), TranscodeCode.MalformedJson, /bad escape/);
    rejects(response('{"content":[]}', '"\\x"'), TranscodeCode.MalformedJson, /bad escape/);
    rejects(
      response('{"content":[{"type":"image","mimeType":"image/png","data":"AA\\x="}]}'),
      TranscodeCode.MalformedJson,
      /bad escape/,
    );
  });

  it("rejects bytes that are not UTF-8 inside strings, keys and open values", () => {
    // UTF-8 is checked only once a string held a byte past ASCII: each place a string is read must say so.
    const bad = (text: string) => Buffer.from(text.replace("@", "\xff"), "latin1");
    const inputs: [string, Buffer][] = [
      ["TextContent", bad('{"type":"text","text":"a@b"}')],
      ["TextContent", bad('{"type":"text","@":1}')],
      ["CallToolRequestParams", bad('{"name":"x","arguments":{"k":"@"}}')],
      ["JSONRPCMessage", bad('{"jsonrpc":"2.0","method":"x@"}')],
    ];
    for (const [type, bytes] of inputs) {
      rejects(
        () => jsonToBinary(type, bytes, { revision: "2025-11-25" }),
        TranscodeCode.MalformedJson,
        /not UTF-8/,
      );
    }
    rejects(
      () => new JsonRpcTranscoder().toBinary(bad('{"jsonrpc":"2.0","method":"x","params":{"@":1}}')),
      TranscodeCode.MalformedJson,
      /not UTF-8/,
    );
    // Compact open values as the SDKs write them, crossed by the compiled encoder's fast path.
    for (const params of ['{"name":"x","arguments":{"k":"@"}}', '{"name":"x","_meta":{"@":1}}']) {
      rejects(
        () =>
          new JsonRpcTranscoder().toBinary(
            bad(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":${params}}`),
          ),
        TranscodeCode.MalformedJson,
        /not UTF-8/,
      );
    }
    // Decoding, likewise: JSON text fields that are compact, with their bytes broken after the fact.
    const options = { revision: "2025-11-25" } as const;
    for (const params of ['{"name":"x","arguments":{"k":"é"}}', '{"name":"x","arguments":{"é":[1]}}']) {
      const bytes = Buffer.from(jsonToBinary("CallToolRequestParams", params, options));
      bytes[bytes.indexOf(Buffer.from("é"))] = 0xff;
      rejects(
        () => binaryToJson("CallToolRequestParams", bytes, options),
        TranscodeCode.InvalidValue,
        /not UTF-8/,
      );
    }
    // And in strings, short ones as well as long ones.
    for (const text of ["é", `${"a".repeat(300)}é`]) {
      const bytes = Buffer.from(jsonToBinary("TextContent", JSON.stringify({ type: "text", text }), options));
      bytes[bytes.indexOf(Buffer.from("é"))] = 0xff;
      rejects(() => binaryToJson("TextContent", bytes, options), TranscodeCode.InvalidValue, /not UTF-8/);
    }
    // Valid UTF-8 past ASCII passes, in strings and in open values.
    const ok = Buffer.from('{"name":"é✓😀","arguments":{"ключ":"値"}}');
    assert.equal(
      Buffer.from(
        binaryToJson(
          "CallToolRequestParams",
          jsonToBinary("CallToolRequestParams", ok, { revision: "2025-11-25" }),
          {
            revision: "2025-11-25",
          },
        ),
      ).toString(),
      ok.toString(),
    );
  });

  it("rejects wrong types with the JSON path", () => {
    rejects(
      () => jsonToBinary("CallToolResult", '{"content":[{"type":"text","text":5}]}'),
      TranscodeCode.InvalidValue,
      /expected a string, got a number at \$\.content\[0\]\.text/,
    );
    rejects(
      () => jsonToBinary("TextContent", '{"type":"image","text":"x"}'),
      TranscodeCode.InvalidValue,
      /expected "text", got "image"/,
    );
    // Any string is a base64 field's value (non-canonical base64 travels as text: base64.spec.ts).
    rejects(
      () => jsonToBinary("ImageContent", '{"type":"image","data":5,"mimeType":"x"}'),
      TranscodeCode.InvalidValue,
      /expected a base64 string, got a number at \$\.data/,
    );
    rejects(
      () => jsonToBinary("Annotations", '{"audience":["robot"]}'),
      TranscodeCode.InvalidValue,
      /'robot' is not one of assistant, user/,
    );
  });

  it("rejects missing required properties, naming them and the revision", () => {
    rejects(
      () => jsonToBinary("Tool", '{"name":"x"}'),
      TranscodeCode.InvalidValue,
      /missing required 'inputSchema' \(MCP 2026-07-28\)/,
    );
    assert.ok(jsonToBinary("Tool", '{"name":"x"}', { requireFields: false }).length > 0);
  });

  it("rejects unknown types", () => {
    rejects(
      () => jsonToBinary("NoSuchThing", "{}"),
      TranscodeCode.UnknownType,
      /no MCP definition named 'NoSuchThing'/,
    );
  });

  it("rejects truncated and garbage binary", () => {
    const good = jsonToBinary("TextContent", '{"type":"text","text":"hello"}');
    for (let cut = 1; cut < good.length; cut++) {
      assert.throws(() => binaryToJson("TextContent", good.subarray(0, cut)), TranscodeError);
    }
    rejects(
      () => binaryToJson("TextContent", new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff])),
      TranscodeCode.MalformedBinary,
      /varint/,
    );
    rejects(
      () => binaryToJson("TextContent", new Uint8Array([0x78, 0x01])),
      TranscodeCode.InvalidValue,
      /has no field 15/,
    );
  });

  it("rejects a constant on the wire that is not the constant", () => {
    const good = Buffer.from(jsonToBinary("TextContent", '{"type":"text","text":"hello"}'));
    const at = good.indexOf(Buffer.from([4, ...Buffer.from("text")]));
    assert.ok(at > 0, "the constant travels as its text");
    const withConstant = (text: string) =>
      Buffer.concat([
        good.subarray(0, at),
        Buffer.from([Buffer.byteLength(text)]),
        Buffer.from(text),
        good.subarray(at + 5),
      ]);
    assert.equal(
      Buffer.from(binaryToJson("TextContent", withConstant("text"))).toString(),
      '{"type":"text","text":"hello"}',
    );
    for (const other of ["tent", "tex", "texts", "tëxt"]) {
      rejects(
        () => binaryToJson("TextContent", withConstant(other)),
        TranscodeCode.InvalidValue,
        /type: it must be "text"/,
      );
    }
  });

  it("rejects a JSON-text field that is not JSON", () => {
    // Field 1 of TextContent is _meta, carried as JSON text.
    rejects(
      () => binaryToJson("TextContent", new Uint8Array([0x0a, 0x02, 0x7b, 0x7b])),
      TranscodeCode.InvalidValue,
      /JSON text field/,
    );
  });

  it("never throws anything but a TranscodeError on random bytes or text", () => {
    const transcoder = new JsonRpcTranscoder();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          transcoder.toJson(bytes);
        } catch (error) {
          assert.ok(error instanceof TranscodeError, String(error));
        }
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), (text) => {
        try {
          transcoder.toBinary(text);
        } catch (error) {
          assert.ok(error instanceof TranscodeError, String(error));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses nesting deeper than its limit instead of exhausting the stack", () => {
    const deep = `{"type":"text","text":"x","_meta":${"[".repeat(10_000)}${"]".repeat(10_000)}}`;
    rejects(() => jsonToBinary("TextContent", deep), TranscodeCode.LimitExceeded, /nested deeper/);
  });
});
