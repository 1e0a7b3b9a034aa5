/**
 * A property one revision defines and the other does not: in the revision that does not, it is a
 * property the spec does not define, and any value of it is kept (the law's unknown properties).
 */
import assert from "node:assert/strict";
import { binaryToJson, jsonToBinary, TranscodeCode, TranscodeError } from "../../src/transcode/index.js";

const roundTrip = (name: string, json: string, revision: "2025-11-25" | "2026-07-28") =>
  Buffer.from(binaryToJson(name, jsonToBinary(name, json, { revision }), { revision })).toString("utf8");

describe("transcode: properties of the other revision", () => {
  // 2026-07-28's CreateMessageRequest (inside an input-required result) has no `id`: 2025-11-25's has.
  const request = (id: string) =>
    `{"params":{"messages":[],"maxTokens":0},"method":"sampling/createMessage","id":${id}}`;

  it("keeps a value the other revision's field cannot hold, as an additional property", () => {
    for (const id of ["{}", "[1,2]", "null", "true", "1.5", '{"nested":{"x":[]}}'])
      assert.equal(roundTrip("CreateMessageRequest", request(id), "2026-07-28"), request(id));
  });

  it("still types a value the field can hold", () => {
    for (const id of ["7", '"abc"'])
      assert.equal(roundTrip("CreateMessageRequest", request(id), "2026-07-28"), request(id));
  });

  it("refuses the same value where the revision defines the property", () => {
    const base = `{"jsonrpc":"2.0","params":{"messages":[],"maxTokens":0},"method":"sampling/createMessage","id":{}}`;
    assert.throws(
      () => jsonToBinary("CreateMessageRequest", base, { revision: "2025-11-25" }),
      (e: unknown) =>
        e instanceof TranscodeError && e.code === TranscodeCode.InvalidValue && e.path === "$.id",
    );
  });
});
