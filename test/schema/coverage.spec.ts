/**
 * Every definition of both MCP revisions has its message (or enum), and every property its field:
 * read from the normative schema files, so a definition the schema gains fails this test by name.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { getOption, hasOption, type DescMessage } from "@bufbuild/protobuf";
import { json } from "../../gen/es/mcp/v1/options_pb.js";
import { mcpRegistry, mcpRevisions } from "../../src/schema/index.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is untyped input
type Schema = Record<string, any>;
/** Definitions that are plain strings in JSON, carried as `string` fields wherever they appear. */
const SCALAR_ALIASES = new Set(["Cursor", "ResultType"]);

function specDefinitions(revision: string): Record<string, Schema> {
  const schema = JSON.parse(
    readFileSync(new URL(`../../spec/${revision}/schema.json`, import.meta.url), "utf8"),
  );
  return schema.$defs as Record<string, Schema>;
}

function propertiesOf(defs: Record<string, Schema>, def: Schema): Record<string, Schema> {
  if (def.$ref !== undefined) return propertiesOf(defs, defs[def.$ref.replace("#/$defs/", "")]!);
  if (def.allOf !== undefined)
    return Object.assign({}, ...def.allOf.map((p: Schema) => propertiesOf(defs, p)));
  return def.properties ?? {};
}

/** The JSON keys a message carries; a union carries those of its members (its JSON is theirs). */
function jsonKeys(message: DescMessage, seen = new Set<string>()): Set<string> {
  const isUnion =
    message.oneofs.length === 1 &&
    message.fields.every((f) => f.oneof !== undefined && f.message !== undefined);
  if (isUnion && !seen.has(message.typeName)) {
    seen.add(message.typeName);
    return new Set(message.fields.flatMap((f) => [...jsonKeys(f.message!, seen)]));
  }
  return new Set(message.fields.map((f) => (hasOption(f, json) ? getOption(f, json).key : "") || f.jsonName));
}

describe("schema coverage", () => {
  for (const revision of mcpRevisions) {
    it(`maps every definition and property of MCP ${revision}`, () => {
      const defs = specDefinitions(revision);
      const registry = mcpRegistry();
      const missing: string[] = [];
      let definitions = 0;
      let properties = 0;
      for (const [name, def] of Object.entries(defs)) {
        definitions++;
        if (SCALAR_ALIASES.has(name)) continue;
        if (def.enum !== undefined) {
          if (registry.getEnum(`mcp.v1.${name}`) === undefined) missing.push(`enum ${name}`);
          continue;
        }
        const message = registry.getMessage(`mcp.v1.${name}`);
        if (message === undefined) {
          missing.push(`message ${name}`);
          continue;
        }
        const keys = jsonKeys(message);
        for (const key of Object.keys(propertiesOf(defs, def))) {
          properties++;
          if (!keys.has(key)) missing.push(`${name}.${key}`);
        }
      }
      assert.deepEqual(missing, [], `unmapped in ${revision}: ${missing.join(", ")}`);
      assert.ok(
        definitions > 140 && properties > 450,
        `read ${definitions} definitions, ${properties} properties`,
      );
      process.stderr.write(
        `      ${revision}: ${definitions} definitions, ${properties} properties mapped\n`,
      );
    });
  }
});
