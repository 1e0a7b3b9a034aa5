/**
 * The pending-request table behaves as a Map from id to method would, whatever the ids: integer
 * ids that share a slot, ids past the slots, string ids, repeats and answers of unknown ids.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import type { IdKey } from "../../src/transcode/ids.js";
import { PendingRequests } from "../../src/transcode/pending-requests.js";

type Op =
  | { kind: "remember"; id: IdKey; method: string }
  | { kind: "forget"; id: IdKey }
  | { kind: "methodOf"; id: IdKey };

// Few distinct ids, so that operations meet: small integers, integers a multiple of the slot
// count apart (they share a slot), large integers and strings.
const id: fc.Arbitrary<IdKey> = fc.oneof(
  fc.integer({ min: 0, max: 4 }),
  fc.integer({ min: 0, max: 2 }).map((k) => 3 + 64 * k),
  fc.constantFrom(2 ** 40, 999_999_999_999_999),
  fc.constantFrom('"a"', '"3"', "3.5"),
);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("remember" as const), id, method: fc.constantFrom("tools/call", "ping") }),
  fc.record({ kind: fc.constant("forget" as const), id }),
  fc.record({ kind: fc.constant("methodOf" as const), id }),
);

describe("transcode: pending requests", () => {
  it("answers as a Map of id to method does, for any sequence of requests and responses", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const table = new PendingRequests();
        const model = new Map<IdKey, string>();
        for (const o of ops) {
          if (o.kind === "remember") {
            table.remember(o.id, o.method);
            model.set(o.id, o.method);
          } else if (o.kind === "forget") {
            table.forget(o.id);
            model.delete(o.id);
          } else assert.equal(table.methodOf(o.id), model.get(o.id), `methodOf(${o.id})`);
          assert.equal(table.size, model.size);
        }
        for (const [k, v] of model) assert.equal(table.methodOf(k), v);
      }),
      { numRuns: 500 },
    );
  });

  it("an id kept apart while its slot was taken stays one entry once the slot frees", () => {
    const table = new PendingRequests();
    table.remember(3, "ping");
    table.remember(67, "tools/list");
    table.forget(3);
    table.remember(67, "tools/call");
    assert.equal(table.size, 1);
    assert.equal(table.methodOf(67), "tools/call");
    table.forget(67);
    assert.equal(table.size, 0);
    assert.equal(table.methodOf(67), undefined);
  });

  it("keeps more requests in flight than it has slots", () => {
    const table = new PendingRequests();
    for (let i = 0; i < 1000; i++) table.remember(i, `m${i}`);
    assert.equal(table.size, 1000);
    for (let i = 0; i < 1000; i += 2) table.forget(i);
    assert.equal(table.size, 500);
    for (let i = 0; i < 1000; i++) assert.equal(table.methodOf(i), i % 2 === 0 ? undefined : `m${i}`);
  });
});
