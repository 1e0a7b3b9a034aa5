/** The law, on the spec's own examples: JSON -> protobuf -> JSON gives back the same JSON. */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { binaryToJson, jsonToBinary } from "../../src/transcode/index.js";

const examples = new URL("../../spec/2026-07-28/examples/", import.meta.url);
const deviations = JSON.parse(
  readFileSync(new URL("../fixtures/spec-example-deviations.json", import.meta.url), "utf8"),
) as Record<string, string>;

/** Same values and the same key order, as JSON.stringify writes them. */
const canonical = (json: string | Uint8Array) =>
  JSON.stringify(JSON.parse(typeof json === "string" ? json : Buffer.from(json).toString("utf8")));

describe("transcode: official 2026-07-28 examples", () => {
  let count = 0;
  let binaryBytes = 0;
  let jsonBytes = 0;
  after(() => {
    assert.equal(count, 129, "every official example was tried");
    process.stderr.write(
      `      wire size: ${binaryBytes} bytes of protobuf for ${jsonBytes} of minified JSON\n`,
    );
  });
  for (const type of readdirSync(examples).sort()) {
    for (const file of readdirSync(new URL(`${type}/`, examples)).sort()) {
      const name = `${type}/${file}`;
      it(`${name} round-trips exactly`, () => {
        count++;
        const text = readFileSync(new URL(name, examples), "utf8");
        const options = { revision: "2026-07-28", requireFields: deviations[name] === undefined } as const;
        const binary = jsonToBinary(type, text, options);
        assert.equal(canonical(binaryToJson(type, binary, options)), canonical(text));
        binaryBytes += binary.length;
        jsonBytes += Buffer.byteLength(canonical(text));
      });
    }
  }
});
