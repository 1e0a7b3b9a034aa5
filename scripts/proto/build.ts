/**
 * Turns the merged MCP definitions into message, enum and service models. Every choice of how a JSON
 * shape becomes a protobuf field is made here, in `shapeOf`.
 */
import {
  type EnumModel,
  type FieldModel,
  type JsonSchema,
  type MessageModel,
  pascal,
  type Revision,
  refName,
  revisions,
  type SchemaModel,
  snake,
} from "./model.js";

const RAW_DEFINITIONS = /^(JSONValue|JSONArray|JSONObject)$/;
const META_DEFINITIONS = /MetaObject$/;
/** protomcp's extension field numbers stay out of the way of the spec's properties. */
export const ADDITIONAL_PROPERTIES_FIELD = 2047;
/**
 * The text alternative of base64 field N is field `BASE64_TEXT_FIELD_OFFSET + N`: far from the
 * spec's properties, which a later revision numbers on from the last one.
 */
export const BASE64_TEXT_FIELD_OFFSET = 1000;

type Shape =
  | { kind: "scalar"; type: "string" | "bytes" | "int64" | "double" | "bool" }
  | { kind: "const"; type: "string" | "int64"; json: string }
  | { kind: "raw" }
  | { kind: "ref"; type: string }
  | { kind: "enum"; type: string }
  | { kind: "repeated"; item: Shape }
  | { kind: "map"; value: Shape }
  | { kind: "object"; schemas: JsonSchema[] }
  | { kind: "union"; refs: string[] };

export function defKind(defs: SchemaModel["defs"], name: string): string {
  const byRevision = defs.get(name);
  const def = byRevision?.get("2026-07-28") ?? byRevision?.get("2025-11-25");
  if (def === undefined) throw new Error(`cannot resolve definition ${name}`);
  if (RAW_DEFINITIONS.test(name)) return "raw";
  // A union in either revision stays a union (2026-07-28 narrows ClientNotification to one member).
  if ([...byRevision!.values()].some((d) => d.anyOf !== undefined)) return "union";
  if (RAW_DEFINITIONS.test(name)) return "raw";
  if (def.enum !== undefined) return "enum";
  if (Array.isArray(def.type)) return "scalar-union";
  if (def.type === "string") return "string";
  if (def.anyOf !== undefined) return "union";
  return "object";
}

function shapeOf(defs: SchemaModel["defs"], key: string, s: JsonSchema): Shape {
  if (key === "_meta") return { kind: "raw" };
  if (s.$ref !== undefined) {
    const target = refName(s.$ref);
    if (META_DEFINITIONS.test(target)) return { kind: "raw" };
    const k = defKind(defs, target);
    if (k === "raw") return { kind: "raw" };
    if (k === "enum") return { kind: "enum", type: target };
    if (k === "string") return { kind: "scalar", type: "string" };
    return { kind: "ref", type: target };
  }
  if (s.const !== undefined) {
    return {
      kind: "const",
      type: typeof s.const === "number" ? "int64" : "string",
      json: JSON.stringify(s.const),
    };
  }
  if (s.anyOf !== undefined) {
    const refs = (s.anyOf as JsonSchema[]).map((a) => a.$ref as string | undefined);
    if (refs.every((r) => r !== undefined))
      return { kind: "union", refs: refs.map((r) => refName(r as string)) };
    return { kind: "raw" };
  }
  if (s.allOf !== undefined) {
    const parts = (s.allOf as JsonSchema[]).map((p) =>
      p.$ref !== undefined ? (defs.get(refName(p.$ref))?.get("2025-11-25") ?? {}) : p,
    );
    return { kind: "object", schemas: parts };
  }
  if (Array.isArray(s.type)) return { kind: "raw" };
  switch (s.type) {
    case "string":
      return { kind: "scalar", type: s.format === "byte" ? "bytes" : "string" };
    case "integer":
      return { kind: "scalar", type: "int64" };
    case "number":
      return { kind: "scalar", type: "double" };
    case "boolean":
      return { kind: "scalar", type: "bool" };
    case "array": {
      const item = shapeOf(defs, "", s.items ?? {});
      return item.kind === "raw" || item.kind === "repeated" ? { kind: "raw" } : { kind: "repeated", item };
    }
    case "object": {
      const additional = s.additionalProperties;
      const hasProperties = s.properties !== undefined && Object.keys(s.properties).length > 0;
      if (additional === undefined || additional === false) return { kind: "object", schemas: [s] };
      if (additional === true || Object.keys(additional).length === 0 || hasProperties)
        return { kind: "raw" };
      const value = shapeOf(defs, "", additional);
      if (value.kind === "repeated" || value.kind === "map" || value.kind === "union") return { kind: "raw" };
      return { kind: "map", value };
    }
    default:
      return { kind: "raw" };
  }
}

function sameShape(a: Shape, b: Shape): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "object" || b.kind === "object") return true;
  if (a.kind === "union" && b.kind === "union") return true;
  if (a.kind === "repeated" && b.kind === "repeated") return sameShape(a.item, b.item);
  if (a.kind === "map" && b.kind === "map") return sameShape(a.value, b.value);
  return JSON.stringify(a) === JSON.stringify(b);
}

export class ModelBuilder {
  readonly messages = new Map<string, MessageModel>();
  readonly enums = new Map<string, EnumModel>();
  readonly scalars = new Map<string, string>();

  constructor(readonly defs: SchemaModel["defs"]) {}

  build(): void {
    for (const name of [...this.defs.keys()].sort()) this.buildDefinition(name);
  }

  private buildDefinition(name: string): void {
    const byRevision = this.defs.get(name)!;
    const present = revisions.filter((r) => byRevision.has(r));
    const first = byRevision.get(present[present.length - 1]!)!;
    const description = first.description as string | undefined;
    const kind = defKind(this.defs, name);
    const base = {
      name,
      fullName: name,
      revisions: present,
      ...(description !== undefined ? { description } : {}),
    };
    if (kind === "enum") {
      this.enums.set(name, { ...base, values: first.enum as string[] });
    } else if (kind === "string") {
      this.scalars.set(name, "string");
    } else if (kind === "raw") {
      this.messages.set(name, { ...base, kind: "raw", fields: [], variants: [], nested: [] });
    } else if (kind === "scalar-union") {
      this.messages.set(name, { ...base, kind: "scalar-union", fields: [], variants: [], nested: [] });
    } else if (kind === "union") {
      const refs: string[] = [];
      for (const r of present) {
        const def = byRevision.get(r)!;
        // 2026-07-28 narrows ClientNotification to the one object it can be.
        const members = (def.anyOf as JsonSchema[] | undefined) ?? [
          { $ref: `#/$defs/${def.properties?.params ? "CancelledNotification" : name}` },
        ];
        for (const a of members) {
          const ref = refName(a.$ref as string);
          if (!refs.includes(ref)) refs.push(ref);
        }
      }
      this.messages.set(name, this.unionMessage(base, refs));
    } else {
      const perRevision = new Map<Revision, JsonSchema[]>();
      for (const r of present) perRevision.set(r, this.objectParts(byRevision.get(r)!, r));
      this.messages.set(name, this.objectMessage(base, perRevision));
    }
  }

  /** The object schemas whose properties make up a definition (allOf parts and aliases resolved). */
  private objectParts(def: JsonSchema, revision: Revision): JsonSchema[] {
    if (def.$ref !== undefined)
      return this.objectParts(this.defs.get(refName(def.$ref))!.get(revision)!, revision);
    if (def.allOf !== undefined)
      return (def.allOf as JsonSchema[]).flatMap((p) => this.objectParts(p, revision));
    return [def];
  }

  unionMessage(
    base: Pick<MessageModel, "name" | "fullName" | "revisions" | "description">,
    refs: string[],
  ): MessageModel {
    return {
      ...base,
      kind: "union",
      fields: [],
      nested: [],
      variants: refs.map((ref, i) => ({ field: snake(ref), type: ref, number: i + 1 })),
    };
  }

  objectMessage(
    base: Pick<MessageModel, "name" | "fullName" | "revisions" | "description">,
    perRevision: Map<Revision, JsonSchema[]>,
  ): MessageModel {
    const message: MessageModel = { ...base, kind: "object", fields: [], variants: [], nested: [] };
    const order: string[] = [];
    const byKey = new Map<string, { revision: Revision; schema: JsonSchema; required: boolean }[]>();
    for (const [revision, parts] of perRevision) {
      const required = new Set(parts.flatMap((p) => (p.required as string[] | undefined) ?? []));
      for (const part of parts) {
        for (const [key, schema] of Object.entries((part.properties ?? {}) as Record<string, JsonSchema>)) {
          let entries = byKey.get(key);
          if (entries === undefined) {
            entries = [];
            byKey.set(key, entries);
            order.push(key);
          }
          const existing = entries.find((e) => e.revision === revision);
          if (existing !== undefined) existing.schema = { ...existing.schema, ...schema };
          else entries.push({ revision, schema, required: required.has(key) });
        }
      }
    }
    let number = 1;
    for (const key of order) {
      const entries = byKey.get(key)!;
      let shapes = new Map(entries.map((e) => [e.revision, shapeOf(this.defs, key, e.schema)] as const));
      const first = [...shapes.values()][0]!;
      if (![...shapes.values()].every((s) => sameShape(s, first))) {
        shapes = new Map(entries.map((e) => [e.revision, { kind: "raw" } as Shape] as const));
      }
      const description = entries
        .map((e) => e.schema.description as string | undefined)
        .find((d) => d !== undefined);
      const field = this.fieldFor(message, key, shapes, number++);
      if (description !== undefined) field.description = description;
      field.required = entries.filter((e) => e.required).map((e) => e.revision);
      const definedIn = entries.map((e) => e.revision);
      if (definedIn.length < perRevision.size) field.revisions = revisionOrder(definedIn);
      message.fields.push(field);
    }
    for (const field of [...message.fields]) {
      if (field.type !== "bytes" || field.repeated) continue;
      const text = base64TextField(field);
      field.description =
        `${field.description ?? ""}\n\nCanonical base64 travels here as its bytes, any other text in \`${text.name}\`.`.trim();
      message.fields.push(text);
    }
    return message;
  }

  private fieldFor(
    parent: MessageModel,
    key: string,
    shapes: Map<Revision, Shape>,
    number: number,
  ): FieldModel {
    const field: FieldModel = {
      name: snake(key) || "value",
      jsonName: key,
      number,
      type: "string",
      repeated: false,
      raw: false,
      rawValues: false,
      required: [],
    };
    const shape = [...shapes.values()][0]!;
    const project = (f: (s: Shape) => Shape): Map<Revision, Shape> =>
      new Map([...shapes].map(([r, s]) => [r, f(s)] as const));
    switch (shape.kind) {
      case "raw":
        field.raw = true;
        break;
      case "const":
        field.constJson = shape.json;
        field.type = shape.type;
        break;
      case "repeated":
        field.repeated = true;
        field.type = this.typeOf(
          parent,
          key,
          project((s) => (s as { item: Shape }).item),
          "Item",
        );
        break;
      case "map": {
        const values = project((s) => (s as { value: Shape }).value);
        field.mapValue = this.typeOf(parent, key, values, "Value");
        field.rawValues = [...values.values()][0]!.kind === "raw";
        field.type = "map";
        break;
      }
      default:
        field.type = this.typeOf(parent, key, shapes, "");
    }
    return field;
  }

  private typeOf(parent: MessageModel, key: string, shapes: Map<Revision, Shape>, suffix: string): string {
    const s = [...shapes.values()][0]!;
    const present = [...shapes.keys()];
    switch (s.kind) {
      case "scalar":
      case "const":
        return s.type;
      case "raw":
        return "string";
      case "ref":
      case "enum":
        return `.mcp.v1.${s.type}`;
      case "object": {
        const name = pascal(key) + suffix;
        const perRevision = new Map(
          [...shapes].map(([r, x]) => [r, (x as { schemas: JsonSchema[] }).schemas] as const),
        );
        const fullName = `${parent.fullName}.${name}`;
        parent.nested.push(this.objectMessage({ name, fullName, revisions: present }, perRevision));
        return `.mcp.v1.${fullName}`;
      }
      case "union": {
        const name = pascal(key) + suffix;
        const refs = [...new Set([...shapes.values()].flatMap((x) => (x as { refs: string[] }).refs))];
        const fullName = `${parent.fullName}.${name}`;
        parent.nested.push(this.unionMessage({ name, fullName, revisions: present }, refs));
        return `.mcp.v1.${fullName}`;
      }
      default:
        throw new Error(`cannot map ${parent.name}.${key}: nested ${s.kind}`);
    }
  }
}

/**
 * The text alternative of a base64 (`format: byte`) property: JSON Schema's `format` only annotates,
 * so the property may hold any string, and servers send base64 that is not canonical (unpadded,
 * URL-safe). The `bytes` field holds canonical base64 as its bytes; this field holds any other text
 * as it came, so that it goes back to JSON unchanged. Not a oneof with the `bytes` field: moving a
 * field into a oneof breaks buf's WIRE_JSON rules (and the generated code of every language).
 */
function base64TextField(bytes: FieldModel): FieldModel {
  const key = bytes.jsonName;
  const name = `${bytes.name}_text`;
  return {
    name,
    jsonName: name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
    number: BASE64_TEXT_FIELD_OFFSET + bytes.number,
    type: "string",
    repeated: false,
    raw: false,
    rawValues: false,
    required: [],
    ...(bytes.revisions !== undefined ? { revisions: bytes.revisions } : {}),
    base64TextOf: key,
    description: `\`${key}\` when its text is not canonical base64 (unpadded, the URL-safe alphabet, white
space, non-zero bits after the last byte, or not base64 at all: the schema's \`format: byte\` only
annotates): the string as it came, so that it goes back to JSON unchanged. \`${bytes.name}\` holds
canonical (standard, padded) base64 as its bytes; at most one of the two is set. A reader that wants
the bytes decodes this text leniently (padding optional, \`-\` and \`_\` for \`+\` and \`/\`, white
space skipped).`,
  };
}

/** Revisions in the spec's order (the order the model reads them in). */
function revisionOrder(list: Revision[]): Revision[] {
  return revisions.filter((r) => list.includes(r));
}
