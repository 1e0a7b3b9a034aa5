import * as assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import fc from "fast-check";
import { JsonRpcError } from "../../src/jsonrpc/errors.js";
import { LineDecoder } from "../../src/jsonrpc/line-framing.js";
import { classifyMessage, type JsonRpcMessage } from "../../src/jsonrpc/messages.js";
import { StdioServerTransport } from "../../src/jsonrpc/stdio-server.js";

function decoder(maxLineBytes?: number) {
  const messages: JsonRpcMessage[] = [];
  const errors: JsonRpcError[] = [];
  const d = new LineDecoder({
    ...(maxLineBytes === undefined ? {} : { maxLineBytes }),
    onmessage: (m) => messages.push(m),
    onerror: (e) => errors.push(e),
  });
  return { d, messages, errors };
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe("jsonrpc: line framing", () => {
  it("joins a message split across chunks, byte by byte", () => {
    const { d, messages, errors } = decoder();
    const line = bytes(
      '{"jsonrpc":"2.0","method":"a","params":{"x":1}}\n{"jsonrpc":"2.0","id":1,"result":{}}\n',
    );
    for (const b of line) d.push(Uint8Array.of(b));
    assert.equal(errors.length, 0);
    assert.deepEqual(messages, [
      { jsonrpc: "2.0", method: "a", params: { x: 1 } },
      { jsonrpc: "2.0", id: 1, result: {} },
    ]);
  });

  it("decodes multi-byte UTF-8 split inside a character", () => {
    const { d, messages } = decoder();
    const line = bytes('{"jsonrpc":"2.0","method":"m","params":{"t":"世界🙂"}}\n');
    const cut = line.indexOf(0xe4) + 1; // inside the 3-byte 世
    d.push(line.subarray(0, cut));
    d.push(line.subarray(cut, cut + 3));
    d.push(line.subarray(cut + 3));
    assert.deepEqual(messages[0]?.params, { t: "世界🙂" });
  });

  it("accepts CRLF and skips blank lines", () => {
    const { d, messages, errors } = decoder();
    d.push(bytes('\r\n{"jsonrpc":"2.0","method":"a"}\r\n\n'));
    assert.deepEqual(messages, [{ jsonrpc: "2.0", method: "a" }]);
    assert.equal(errors.length, 0);
  });

  it("reports malformed JSON as -32700 and keeps going", () => {
    const { d, messages, errors } = decoder();
    d.push(bytes('{"jsonrpc":\n{"jsonrpc":"2.0","method":"ok"}\n'));
    assert.equal(errors[0]?.code, -32700);
    assert.match(errors[0]!.message, /^cannot parse message/);
    assert.deepEqual(messages, [{ jsonrpc: "2.0", method: "ok" }]);
  });

  it("reports invalid UTF-8 as -32700 (never U+FFFD) and keeps going", () => {
    const { d, messages, errors } = decoder();
    const bad = Buffer.concat([
      bytes('{"jsonrpc":"2.0","method":"m","params":{"t":"'),
      Uint8Array.of(0xff, 0xfe), // never valid in UTF-8
      bytes('"}}\n'),
      Uint8Array.of(0xe4, 0xb8), // a truncated 3-byte character
      bytes('\n{"jsonrpc":"2.0","method":"ok"}\n'),
    ]);
    d.push(bad);
    assert.deepEqual(
      errors.map((e) => [e.code, e.message]),
      [
        [-32700, "cannot parse message: invalid UTF-8"],
        [-32700, "cannot parse message: invalid UTF-8"],
      ],
    );
    assert.deepEqual(messages, [{ jsonrpc: "2.0", method: "ok" }]);
  });

  it("fuzz: any bytes in any chunking give one message or one error per non-blank line", () => {
    const line = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.jsonValue().map((v) => bytes(JSON.stringify({ jsonrpc: "2.0", method: "m", params: { v } }))),
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 12 }),
        fc.array(fc.nat(80), { maxLength: 8 }),
        (lines, cuts) => {
          // Newlines end lines; bytes.filter keeps a random line from splitting into two.
          const clean = lines.map((l) => l.filter((b) => b !== 0x0a));
          const all = Buffer.concat(clean.flatMap((l) => [l, Uint8Array.of(0x0a)]));
          const { d, messages, errors } = decoder(1024);
          let at = 0;
          for (const cut of [...cuts].sort((a, b) => a - b)) {
            const end = Math.min(all.length, at + cut);
            d.push(all.subarray(at, end));
            at = end;
          }
          d.push(all.subarray(at));
          d.end();
          const blank = clean.filter((l) => l.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)).length;
          assert.equal(messages.length + errors.length, clean.length - blank);
          for (const e of errors) assert.ok(e.code === -32700 || e.code === -32600, e.message);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("reports valid JSON that is no message as -32600", () => {
    const { d, errors } = decoder();
    d.push(bytes('[1,2]\n{"jsonrpc":"1.0","method":"x"}\n{"jsonrpc":"2.0","id":1}\n'));
    assert.deepEqual(
      errors.map((e) => e.code),
      [-32600, -32600, -32600],
    );
  });

  it("rejects an oversized line with a clear error and resynchronises", () => {
    const { d, messages, errors } = decoder(64);
    d.push(bytes(`{"jsonrpc":"2.0","method":"${"x".repeat(40)}`));
    d.push(bytes(`${"y".repeat(40)}"}\n{"jsonrpc":"2.0","method":"small"}\n`));
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, /cannot read line: longer than the limit of 64 bytes/);
    assert.deepEqual(messages, [{ jsonrpc: "2.0", method: "small" }]);
  });

  it("rejects an oversized line arriving in one chunk", () => {
    const { d, messages, errors } = decoder(16);
    d.push(bytes(`{"jsonrpc":"2.0","method":"${"x".repeat(40)}"}\n{"jsonrpc":"2.0","method":"a"}\n`));
    assert.equal(errors.length, 2); // the second line is over 16 bytes too
    assert.equal(messages.length, 0);
  });

  it("keeps unknown properties untouched", () => {
    const value = { jsonrpc: "2.0", id: "a", method: "m", params: { _meta: { z: 1 } }, extra: [1] };
    assert.equal(classifyMessage(value), "request");
    const { d, messages } = decoder();
    d.push(bytes(`${JSON.stringify(value)}\n`));
    assert.deepEqual(messages[0], value);
  });

  it("classifies each kind and rejects bad shapes", () => {
    assert.equal(classifyMessage({ jsonrpc: "2.0", method: "n" }), "notification");
    assert.equal(classifyMessage({ jsonrpc: "2.0", id: 1, result: {} }), "result");
    assert.equal(
      classifyMessage({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "x" } }),
      "error",
    );
    for (const bad of [
      null,
      1,
      { jsonrpc: "2.0", id: 1.5, method: "m" },
      { jsonrpc: "2.0", method: "m", params: 3 },
    ]) {
      const result = classifyMessage(bad);
      assert.ok(result instanceof JsonRpcError && result.code === -32600, JSON.stringify(bad));
    }
  });

  it("a stdio server reports bad lines via onerror and closes when input ends", async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const server = new StdioServerTransport({ stdin, stdout });
    const errors: JsonRpcError[] = [];
    const received: JsonRpcMessage[] = [];
    const closed = new Promise<void>((resolve) => {
      server.onclose = () => resolve();
    });
    server.onerror = (e) => errors.push(e);
    server.onmessage = (m) => received.push(m);
    await server.start();
    stdin.write('not json\n{"jsonrpc":"2.0","id":7,"method":"ping"}\n');
    stdin.write(Buffer.from([0x7b, 0xff, 0x7d, 0x0a])); // {<invalid UTF-8>}
    await new Promise((resolve) => setImmediate(resolve));
    await server.send({ jsonrpc: "2.0", id: 7, result: {} });
    // Every chunk written so far: `read()` returns one buffered chunk per call (Node 26 no longer
    // joins them all into one, as the stream docs always allowed), so read until it returns null.
    const chunks: Buffer[] = [];
    for (let chunk = stdout.read() as Buffer | null; chunk !== null; chunk = stdout.read() as Buffer | null)
      chunks.push(chunk);
    const lines = Buffer.concat(chunks).toString().trimEnd().split("\n");
    const answers = lines.map((l) => JSON.parse(l) as { id?: unknown; error?: { code: number } });
    assert.deepEqual(
      answers.map((a) => [a.id, a.error?.code]),
      [
        [null, -32700],
        [null, -32700],
        [7, undefined],
      ],
    );
    stdin.end();
    await closed;
    assert.deepEqual(
      errors.map((e) => e.code),
      [-32700, -32700],
    );
    assert.deepEqual(received, [{ jsonrpc: "2.0", id: 7, method: "ping" }]);
  });
});
