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
    readFileSync(new URL(`../../../shared/mcp-spec/${revision}/schema.json`, import.meta.url), "utf8"),
  ).$defs;
  for (const unknownProperties of [false, true]) {
    describe(`transcode: generated ${revision} values${unknownProperties ? " with unknown properties" : ""}`, () => {
      const arbitraries = new SchemaArbitraries(defs, unknownProperties);
      for (const name of Object.keys(defs).sort()) {
        if (SCALAR_ALIASES.has(name) || defs[name].enum !== undefined) continue;
        it(`${name} round-trips`, () => {
          assert.ok(findMessage(name), `message ${name} exists`);
          fc.assert(
            fc.property(arbitraries.forDefinition(name), (value) => {
              const text = JSON.stringify(value);
              const options = { revision, requireFields: true } as const;
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
