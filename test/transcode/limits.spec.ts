/**
 * Input nested far deeper than any MCP message gets a TranscodeError with a limit code, on every
 * entry point, never a RangeError from an exhausted stack.
 */
import assert from "node:assert/strict";
import {
  binaryToJson,
  binaryToValue,
  JsonRpcTranscoder,
  jsonToBinary,
  TranscodeCode,
  TranscodeError,
  valueToBinary,
} from "../../src/transcode/index.js";

const DEEP = 10_000;

function limitExceeded(run: () => unknown, path: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof TranscodeError, `a TranscodeError, got ${String(error)}`);
    assert.equal(error.code, TranscodeCode.LimitExceeded);
    assert.match(error.message, /nested deeper than 256/);
    assert.match(error.path, path);
    return true;
  });
}

/** `{"a":{"a":…1…}}`, `depth` objects deep, as a value. */
function deepObject(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}

/**
 * `ClientResult` holds itself (member 9): a chain `depth` long around an empty `Result` is valid
 * protobuf at any depth, so only the transcoder's limit stops it.
 */
function deepClientResult(depth: number): Uint8Array {
  let inner = Buffer.from([0x0a, 0x00]);
  for (let i = 0; i < depth; i++)
    inner = Buffer.concat([Buffer.from([0x4a, ...varint(inner.length)]), inner]);
  return inner;
}

describe("transcode: nesting limits", () => {
  it("valueToBinary refuses a 10,000-deep value with a limit error, not a stack overflow", () => {
    limitExceeded(
      () => valueToBinary("CallToolRequestParams", { name: "echo", arguments: deepObject(DEEP) }),
      /^\$\.arguments(\.a)*$/,
    );
    limitExceeded(() => valueToBinary("ContentBlock", deepObject(DEEP)), /^\$(\.a)*$/);
  });

  it("valueToBinary refuses a value just over the limit alike, whether or not JSON.stringify can write it", () => {
    // 300 deep: every engine stringifies it, so the limit must come from the transcoder, as it does
    // for 10,000 deep where V8 14.6 (Node 26) stringifies and older V8 runs out of stack.
    limitExceeded(
      () => valueToBinary("CallToolRequestParams", { name: "echo", arguments: deepObject(300) }),
      /^\$\.arguments(\.a)*$/,
    );
    limitExceeded(() => valueToBinary("ContentBlock", deepObject(300)), /^\$(\.a)*$/);
  });

  it("valueToBinary takes a value nested as deep as the limit allows", () => {
    const options = { revision: "2025-11-25" } as const;
    const value = { name: "echo", arguments: deepObject(200) };
    const bytes = valueToBinary("CallToolRequestParams", value, options);
    const back = binaryToValue("CallToolRequestParams", bytes, options) as { arguments: unknown };
    assert.deepEqual(back.arguments, deepObject(200));
  });

  it("valueToBinary refuses values JSON cannot carry with an invalid-value error", () => {
    const cyclic: Record<string, unknown> = { name: "echo" };
    cyclic.arguments = cyclic;
    for (const value of [cyclic, { name: "echo", arguments: { n: 1n } }]) {
      assert.throws(
        () => valueToBinary("CallToolRequestParams", value),
        (error: unknown) =>
          error instanceof TranscodeError &&
          error.code === TranscodeCode.InvalidValue &&
          /^cannot convert value: /.test(error.reason),
      );
    }
  });

  it("jsonToBinary refuses 10,000-deep JSON text, in open values and in typed ones", () => {
    const arrays = `${"[".repeat(DEEP)}${"]".repeat(DEEP)}`;
    limitExceeded(
      () => jsonToBinary("CallToolRequestParams", `{"name":"x","arguments":${arrays}}`),
      /^\$\.arguments$/,
    );
    const objects = `${'{"a":'.repeat(DEEP)}1${"}".repeat(DEEP)}`;
    limitExceeded(
      () => jsonToBinary("JSONRPCMessage", `{"jsonrpc":"2.0","id":1,"result":${objects}}`),
      /^\$\.result/,
    );
    limitExceeded(
      () => new JsonRpcTranscoder().toBinary(`{"jsonrpc":"2.0","method":"x","params":${objects}}`),
      /^\$\.params/,
    );
  });

  it("binaryToJson refuses 10,000-deep binary with a limit error", () => {
    assert.equal(
      Buffer.from(binaryToJson("ClientResult", deepClientResult(3), { requireFields: false })).toString(),
      "{}",
    );
    limitExceeded(() => binaryToJson("ClientResult", deepClientResult(DEEP)), /^\$$/);
  });

  it("binaryToJson keeps the limit code for deep JSON text inside a message", () => {
    const deepText = Buffer.from(`${"[".repeat(DEEP)}${"]".repeat(DEEP)}`);
    // CallToolRequestParams: name (3) "x", arguments (2) as JSON text.
    const bytes = Buffer.concat([
      Buffer.from([0x1a, 0x01, 0x78, 0x12, ...varint(deepText.length)]),
      deepText,
    ]);
    limitExceeded(
      () => binaryToJson("CallToolRequestParams", bytes, { revision: "2025-11-25" }),
      /^\$\.arguments$/,
    );
  });
});
