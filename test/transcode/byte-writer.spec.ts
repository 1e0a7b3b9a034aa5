/**
 * One writer per encoder and decoder, outputs carved from a shared slab: every output handed over
 * must keep its bytes while later messages are converted, across slab ends and outgrown claims.
 */
import assert from "node:assert/strict";
import { JsonRpcTranscoder } from "../../src/transcode/index.js";

/** A `tools/call` result whose text makes it about `size` bytes; escapes make the output outgrow its guess. */
function result(id: number, size: number, escaped: boolean): string {
  const text = escaped ? "\\n".repeat(size / 2) : "x".repeat(size);
  return `{"jsonrpc":"2.0","id":${id},"result":{"content":[{"type":"text","text":"${text}"}]}}`;
}

describe("transcode: outputs stay intact while later messages are converted", () => {
  it("keeps every output of a connection, across slab ends and outgrown buffers", () => {
    const transcoder = new JsonRpcTranscoder({ revision: "2025-11-25" });
    const sizes = [10, 900, 5_000, 15_000, 31_000, 40_000, 200, 12_000, 3];
    const inputs: string[] = [];
    const binaries: Uint8Array[] = [];
    const copies: Buffer[] = [];
    for (let i = 0; i < 120; i++) {
      const json = result(i, sizes[i % sizes.length]!, i % 3 === 0);
      transcoder.expect(i, "tools/call");
      const binary = transcoder.toBinary(json);
      inputs.push(json);
      binaries.push(binary);
      copies.push(Buffer.from(binary));
    }
    for (const [i, binary] of binaries.entries())
      assert.ok(copies[i]!.equals(binary), `binary ${i} unchanged`);
    const jsons = binaries.map((binary, i) => {
      transcoder.expect(i, "tools/call");
      return transcoder.toJson(binary);
    });
    const texts = jsons.map((json) => Buffer.from(json).toString("utf8"));
    for (const [i, json] of jsons.entries()) {
      assert.equal(Buffer.from(json).toString("utf8"), texts[i], `json ${i} unchanged`);
      assert.equal(texts[i], JSON.stringify(JSON.parse(inputs[i]!)), `json ${i} is its input`);
    }
  });

  it("gives a failed conversion's claim back without touching earlier outputs", () => {
    const transcoder = new JsonRpcTranscoder({ revision: "2025-11-25" });
    transcoder.expect(1, "tools/call");
    const first = transcoder.toBinary(result(1, 100, false));
    const copy = Buffer.from(first);
    assert.throws(() => transcoder.toBinary('{"jsonrpc":"2.0","id":2,"result":{"content":[{"type":"text"'));
    transcoder.expect(3, "tools/call");
    transcoder.toBinary(result(3, 100, false));
    assert.ok(copy.equals(first));
  });
});
