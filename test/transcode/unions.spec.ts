/**
 * Unions whose members look alike at the top and differ deeper down: the transcoder must pick the
 * member that gives the value back exactly, in strict mode and in the permissive mode the bridges use.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mcpRevisions } from "../../src/schema/index.js";
import { binaryToJson, JsonRpcTranscoder, jsonToBinary } from "../../src/transcode/index.js";

/**
 * The `elicitation/create` request that examples/conformance sends for the conformance scenario
 * `elicitation-sep1330-enums` (all five enum variants of MCP 2025-11-25 SEP-1330).
 */
const request = JSON.parse(
  readFileSync(new URL("fixtures/elicitation-sep1330-enums.json", import.meta.url), "utf8"),
) as { params: { requestedSchema: { properties: Record<string, unknown> } } };

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");

describe("transcode: look-alike union members (SEP-1330 enums)", () => {
  for (const revision of mcpRevisions) {
    for (const requireFields of [true, false]) {
      const options = { revision, requireFields };
      const mode = `${revision}, ${requireFields ? "strict" : "permissive"}`;

      it(`each enum schema comes back as itself as a PrimitiveSchemaDefinition (${mode})`, () => {
        for (const [name, schema] of Object.entries(request.params.requestedSchema.properties)) {
          const json = JSON.stringify(schema);
          const back = text(
            binaryToJson(
              "PrimitiveSchemaDefinition",
              jsonToBinary("PrimitiveSchemaDefinition", json, options),
              options,
            ),
          );
          assert.equal(back, json, name);
        }
      });

      it(`the whole elicitation/create request round-trips (${mode})`, () => {
        const json = JSON.stringify(request);
        for (const type of ["ElicitRequest", "JSONRPCMessage"]) {
          assert.equal(text(binaryToJson(type, jsonToBinary(type, json, options), options)), json, type);
        }
        const transcoder = new JsonRpcTranscoder(options);
        assert.equal(text(transcoder.toJson(transcoder.toBinary(json))), json, "JsonRpcTranscoder");
      });
    }
  }

  it("a titled multi-select is encoded as TitledMultiSelectEnumSchema even when permissive", () => {
    const titled = JSON.stringify(request.params.requestedSchema.properties.titledMulti);
    const binary = jsonToBinary("PrimitiveSchemaDefinition", titled, {
      revision: "2025-11-25",
      requireFields: false,
    });
    // Field 7 of PrimitiveSchemaDefinition, length-delimited: titled_multi_select_enum_schema.
    assert.equal(binary[0], (7 << 3) | 2);
  });
});
