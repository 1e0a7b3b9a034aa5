/**
 * One writer per encoder and decoder, outputs carved from a shared slab: every output handed over
 * must keep its bytes while later messages are converted, across slab ends and outgrown claims.
 */
import assert from "node:assert/strict";
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { JSONRPCMessageSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
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

describe("transcode: length prefixes around 2 MiB", () => {
  // A prefix's room is reserved from the input left (3 bytes below 2 MiB, 4 from there): contents
  // just under and over 0x200000 bytes, at each of a result's four levels, must get exact lengths
  // whether the room reserved was right or one byte too much.
  for (const size of [0x200000 - 200, 0x200000 - 20, 0x200000 + 20, 0x200000 + 200, 0x1000000 + 20]) {
    it(`writes exact prefixes for a ${size}-byte text, read back by protobuf-es`, () => {
      const transcoder = new JsonRpcTranscoder({ revision: "2025-11-25" });
      // Keys in field-number order, as protobuf-es writes fields.
      const json = `{"id":7,"jsonrpc":"2.0","result":{"content":[{"text":"${"x".repeat(size)}","type":"text"}]}}`;
      transcoder.expect(7, "tools/call");
      const binary = transcoder.toBinary(json);
      // Re-encoded by protobuf-es, which writes minimal prefixes: the same bytes only if ours are.
      const decoded = fromBinary(JSONRPCMessageSchema, binary);
      assert.ok(Buffer.from(toBinary(JSONRPCMessageSchema, decoded)).equals(binary));
      assert.equal(decoded.value.case, "jsonrpcResultResponse");
      const result = decoded.value.value.result;
      assert.equal(result.case, "callToolResult");
      const block = result.value.content[0]?.value;
      assert.equal(block?.case, "textContent");
      assert.equal(block.value.text?.length, size);
      transcoder.expect(7, "tools/call");
      assert.equal(Buffer.from(transcoder.toJson(binary)).toString("utf8"), json);
    });
  }
});
