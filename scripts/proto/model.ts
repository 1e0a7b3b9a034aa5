/**
 * Reads the MCP JSON Schemas of the revisions protomcp speaks and merges them into one model of
 * protobuf messages: one message per definition, the union of both revisions' properties.
 */
import { readFileSync } from "node:fs";

export type Revision = "2025-11-25" | "2026-07-28";
export const revisions: readonly Revision[] = ["2025-11-25", "2026-07-28"];

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is untyped input
export type JsonSchema = Record<string, any>;

export interface FieldModel {
  name: string;
  jsonName: string;
  number: number;
  /** Proto type: a scalar, or a fully qualified message/enum name. */
  type: string;
  repeated: boolean;
  /** For maps: the value type (keys are strings). */
  mapValue?: string;
  raw: boolean;
  rawValues: boolean;
  constJson?: string;
  required: Revision[];
  /** The revisions that define the property, when not every revision of its message does. */
  revisions?: Revision[];
  /**
   * For the text alternative of a base64 `bytes` field: the JSON property it shares with that field
   * (`(json).key`, with `(json).base64_text`).
   */
  base64TextOf?: string;
  description?: string;
}

export interface MessageModel {
  name: string;
  /** Dotted path inside the package, e.g. `Tool.Annotations`. */
  fullName: string;
  description?: string;
  revisions: Revision[];
  kind: "object" | "union" | "raw" | "scalar-union";
  fields: FieldModel[];
  variants: { field: string; type: string; number: number }[];
  nested: MessageModel[];
}

export interface EnumModel {
  name: string;
  description?: string;
  values: string[];
  revisions: Revision[];
}

export interface SchemaModel {
  messages: Map<string, MessageModel>;
  enums: Map<string, EnumModel>;
  scalars: Map<string, string>;
  defs: Map<string, Map<Revision, JsonSchema>>;
}

export function loadDefinitions(specDir: string): Map<string, Map<Revision, JsonSchema>> {
  const defs = new Map<string, Map<Revision, JsonSchema>>();
  for (const revision of revisions) {
    const schema = JSON.parse(readFileSync(`${specDir}/${revision}/schema.json`, "utf8")) as JsonSchema;
    for (const [name, def] of Object.entries(schema.$defs as Record<string, JsonSchema>)) {
      let byRevision = defs.get(name);
      if (byRevision === undefined) {
        byRevision = new Map();
        defs.set(name, byRevision);
      }
      byRevision.set(revision, def);
    }
  }
  return defs;
}

export const refName = (ref: string): string => ref.replace("#/$defs/", "");
export const snake = (s: string): string =>
  s
    .replace(/^[_$]+/, "")
    .replace(/[./-]/g, "_")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
export const pascal = (s: string): string =>
  snake(s)
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
