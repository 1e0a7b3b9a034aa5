/**
 * What the schema allows, not only canonical shapes: for every definition of both revisions, values
 * generated across more of each type's range (any Unicode text and keys, integers up to 2^53,
 * doubles of any magnitude, base64 that is not canonical, or not base64) and written the ways JSON
 * may write them (white space between tokens, escaped characters, integers as `1.0` or `1e0`) must
 * convert, and come back as the same JSON value with its keys in the same order: what a JSON proxy
 * forwards, the transcoder must not refuse. Strings, base64 texts among them, come back exactly.
 * What is still refused or changed is listed in docs/transcoding.md (Limits) and held below.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { mcpRevisions } from "../../src/schema/index.js";
import { binaryToJson, jsonToBinary, TranscodeCode, TranscodeError } from "../../src/transcode/index.js";
import { SchemaArbitraries } from "./schema-arbitrary.js";

const SCALAR_ALIASES = new Set(["Cursor", "ResultType"]);

/** JSON text of `value`, written with choices from `choices` (one per decision, cycling). */
function noisyJson(value: unknown, choices: number[]): string {
  let k = 0;
  const pick = (n: number) => choices[k++ % choices.length]! % n;
  const ws = () => ["", "", " ", "\n\t", "\r\n  "][pick(5)]!;
  const str = (s: string) =>
    `"${[...s]
      .map((c) => {
        const plain = JSON.stringify(c).slice(1, -1);
        if (!/^[/A-Za-z]$/.test(c)) return plain;
        const how = pick(16);
        if (how === 0) return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
        if (how === 1 && c === "/") return "\\/";
        return c;
      })
      .join("")}"`;
  const write = (v: unknown): string => {
    if (typeof v === "string") return str(v);
    if (typeof v === "number") {
      if (Number.isInteger(v) && Math.abs(v) < 2 ** 31) {
        const how = pick(6);
        if (how === 0) return `${v}.0`;
        if (how === 1) return `${v}e0`;
        if (how === 2 && v !== 0) return `${v}0E-1`;
      }
      return JSON.stringify(v);
    }
    if (Array.isArray(v)) return `[${ws()}${v.map((x) => `${write(x)}${ws()}`).join(`,${ws()}`)}]`;
    if (v !== null && typeof v === "object")
      return `{${ws()}${Object.entries(v)
        .map(([key, x]) => `${str(key)}${ws()}:${ws()}${write(x)}${ws()}`)
        .join(`,${ws()}`)}}`;
    return JSON.stringify(v);
  };
  return `${ws()}${write(value)}${ws()}`;
}

for (const revision of mcpRevisions) {
  const defs = JSON.parse(
    readFileSync(new URL(`../../spec/${revision}/schema.json`, import.meta.url), "utf8"),
  ).$defs;
  for (const requireFields of [true, false]) {
    describe(`transcode: what the ${revision} schema allows, written any way JSON may${requireFields ? "" : ", permissive"}`, () => {
      const arbitraries = new SchemaArbitraries(defs, true, true);
      for (const name of Object.keys(defs).sort()) {
        if (SCALAR_ALIASES.has(name) || defs[name].enum !== undefined) continue;
        it(`${name} converts and comes back as the same value`, () => {
          fc.assert(
            fc.property(
              arbitraries.forDefinition(name),
              fc.array(fc.nat(), { minLength: 1, maxLength: 64 }),
              (value, choices) => {
                const text = noisyJson(value, choices);
                const options = { revision, requireFields } as const;
                const back = Buffer.from(
                  binaryToJson(name, jsonToBinary(name, text, options), options),
                ).toString("utf8");
                assert.equal(JSON.stringify(JSON.parse(back)), JSON.stringify(value));
              },
            ),
            { numRuns: 30 },
          );
        });
      }
    });
  }
}

describe("transcode: numbers the schema allows", () => {
  const options = { revision: "2025-11-25" } as const;
  const back = (name: string, text: string) =>
    Buffer.from(binaryToJson(name, jsonToBinary(name, text, options), options)).toString("utf8");
  const resource = (size: string) => `{"uri":"a:/b","name":"n","size":${size}}`;

  it("an integer written with a fraction or an exponent is its exact value, past 2^53 too", () => {
    assert.equal(back("Resource", resource("9007199254740993.0")), resource("9007199254740993"));
    assert.equal(back("Resource", resource("90071992547409930e-1")), resource("9007199254740993"));
    assert.equal(back("Resource", resource("9.007199254740993e15")), resource("9007199254740993"));
    assert.equal(back("Resource", resource("-9223372036854775808.000")), resource("-9223372036854775808"));
    assert.equal(back("Resource", resource("1.0e1")), resource("10"));
    assert.equal(back("Resource", resource("0e99999999")), resource("0"));
    assert.equal(back("Resource", resource("9223372036854775807")), resource("9223372036854775807"));
  });

  it("refuses what is not an integer, or what int64 cannot hold (listed in docs/transcoding.md)", () => {
    for (const text of ["1.5", "1e-1", "9007199254740993.5", "9223372036854775808", "1e19", "1e99999999"]) {
      assert.throws(
        () => jsonToBinary("Resource", resource(text), options),
        (e: unknown) => e instanceof TranscodeError && e.code === TranscodeCode.InvalidValue,
        text,
      );
    }
  });
});
