/** The law, for every definition of both revisions: schema-valid values round-trip exactly. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { findMessage, mcpRevisions } from "../../src/schema/index.js";
import { binaryToJson, jsonToBinary } from "../../src/transcode/index.js";
import { SchemaArbitraries } from "./schema-arbitrary.js";

/** Scalar aliases have no message of their own: they are fields wherever they appear. */
const SCALAR_ALIASES = new Set(["Cursor", "ResultType"]);

for (const revision of mcpRevisions) {
  const defs = JSON.parse(
    readFileSync(new URL(`../../spec/${revision}/schema.json`, import.meta.url), "utf8"),
  ).$defs;
  // Strict, and permissive as the bridges convert (src/server/codec.ts): a permissive encoder must
  // still pick the union member that gives the value back.
  for (const [unknownProperties, requireFields] of [
    [false, true],
    [true, true],
    [false, false],
  ] as const) {
    const variant = `${unknownProperties ? " with unknown properties" : ""}${requireFields ? "" : ", permissive"}`;
    describe(`transcode: generated ${revision} values${variant}`, () => {
      const arbitraries = new SchemaArbitraries(defs, unknownProperties);
      for (const name of Object.keys(defs).sort()) {
        if (SCALAR_ALIASES.has(name) || defs[name].enum !== undefined) continue;
        it(`${name} round-trips`, () => {
          assert.ok(findMessage(name), `message ${name} exists`);
          fc.assert(
            fc.property(arbitraries.forDefinition(name), (value) => {
              const text = JSON.stringify(value);
              const options = { revision, requireFields } as const;
              const back = Buffer.from(
                binaryToJson(name, jsonToBinary(name, text, options), options),
              ).toString("utf8");
              assert.equal(JSON.stringify(JSON.parse(back)), text);
            }),
            { numRuns: 25 },
          );
        });
      }
    });
  }
}
