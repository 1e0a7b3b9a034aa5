import { type DescField, type DescMessage, ScalarType } from "@bufbuild/protobuf";
import { FeatureSet_FieldPresence } from "@bufbuild/protobuf/wkt";
import { commentOf, enumValuesDescription, joinDescriptions } from "./descriptions.js";
import { isRequiredByFieldBehavior } from "./field-behavior.js";
import type { JsonSchema, JsonSchemaOptions, SchemaDirection } from "./json-schema.js";
import { mapKeySchema, scalarSchema } from "./scalar-schema.js";
import { validateRules } from "./validate-rules.js";
import { wellKnownSchema } from "./well-known-schema.js";

interface Context {
  readonly direction: SchemaDirection;
  readonly maxRecursion: number;
  readonly maxDepth: number;
  readonly descriptions: boolean;
  /** The messages being expanded, outermost first, to bound recursion. */
  readonly stack: DescMessage[];
}

/**
 * The JSON Schema (2020-12) of a message under the proto3 JSON mapping, so that JSON valid against
 * an input schema is accepted by `fromJson`, and JSON written by `toJson` is valid against an
 * output schema.
 *
 * The schema is self-contained (no `$ref`): recursive messages are expanded a bounded number of
 * times and then become a permissive object, because several LLM providers resolve no `$ref`.
 * Oneof groups stay flat properties with a "set at most one of" note, because providers reject
 * `anyOf`/`oneOf` at the top of a tool's input schema.
 */
export function messageSchema(desc: DescMessage, options: JsonSchemaOptions = {}): JsonSchema {
  const ctx: Context = {
    direction: options.direction ?? "input",
    maxRecursion: options.maxRecursion ?? 1,
    maxDepth: options.maxDepth ?? 16,
    descriptions: options.descriptions ?? true,
    stack: [],
  };
  const schema = messageTypeSchema(desc, ctx);
  const comment = ctx.descriptions ? commentOf(desc) : undefined;
  return comment === undefined || schema.description !== undefined
    ? schema
    : { ...schema, description: comment };
}

function messageTypeSchema(desc: DescMessage, ctx: Context): JsonSchema {
  const wkt = wellKnownSchema(desc, ctx.direction);
  if (wkt !== undefined) {
    return wkt;
  }
  const seen = ctx.stack.filter((m) => m.typeName === desc.typeName).length;
  if (seen > ctx.maxRecursion || ctx.stack.length >= ctx.maxDepth) {
    return {
      type: "object",
      description: `A ${desc.typeName} message. Its schema is not expanded here because it nests too deeply; use the same fields as above.`,
    };
  }
  ctx.stack.push(desc);
  try {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const field of desc.fields) {
      properties[field.jsonName] = fieldSchema(field, ctx);
      if (ctx.direction === "input" && (isRequired(field) || validateRules(field).required)) {
        required.push(field.jsonName);
      }
    }
    // Unknown keys are an error in fromJson (ignoreUnknownFields is off), so say so up front.
    const schema: JsonSchema = { type: "object", properties, additionalProperties: false };
    if (required.length > 0) {
      schema.required = required;
    }
    return schema;
  } finally {
    ctx.stack.pop();
  }
}

function fieldSchema(field: DescField, ctx: Context): JsonSchema {
  let schema: JsonSchema;
  switch (field.fieldKind) {
    case "scalar":
      schema = scalarSchema(field.scalar, ctx.direction);
      break;
    case "enum":
      schema = enumSchema(field.enum, ctx);
      break;
    case "message":
      schema = messageTypeSchema(field.message, ctx);
      break;
    case "list":
      schema = {
        type: "array",
        items:
          field.listKind === "scalar"
            ? scalarSchema(field.scalar, ctx.direction)
            : field.listKind === "enum"
              ? enumSchema(field.enum, ctx)
              : messageTypeSchema(field.message, ctx),
      };
      break;
    case "map": {
      const values =
        field.mapKind === "scalar"
          ? scalarSchema(field.scalar, ctx.direction)
          : field.mapKind === "enum"
            ? enumSchema(field.enum, ctx)
            : messageTypeSchema(field.message, ctx);
      schema = { type: "object", additionalProperties: values };
      const keys = mapKeySchema(field.mapKey);
      if (keys !== undefined) {
        schema.propertyNames = keys;
      }
      break;
    }
  }
  // protovalidate rules say what the service accepts, not what it answers: input schemas only.
  let ruleNote: string | undefined;
  if (ctx.direction === "input") {
    const rules = validateRules(field);
    const { description, ...keywords } = rules.value;
    ruleNote = description;
    schema = { ...schema, ...keywords };
    if (schema.items !== undefined && Object.keys(rules.items).length > 0) {
      const { description: itemNote, ...itemKeywords } = rules.items;
      schema.items = { ...schema.items, ...itemKeywords };
      ruleNote = joinDescriptions(ruleNote, itemNote === undefined ? undefined : `Each item: ${itemNote}`);
    }
  }
  if (!ctx.descriptions) {
    return field.deprecated ? { ...schema, deprecated: true } : schema;
  }
  // A message type's own comment says what the type is; the field's comment says what it is for.
  // Well-known types and scalars keep their note on the JSON form (e.g. "decimal string").
  const plainMessage =
    field.message !== undefined && wellKnownSchema(field.message, ctx.direction) === undefined;
  // A message cut off by the recursion bound keeps its note that it was cut off.
  const typeNote = plainMessage && schema.properties !== undefined ? undefined : schema.description;
  const fallback = plainMessage && field.fieldKind === "message" ? commentOf(field.message) : undefined;
  const mapNote =
    field.fieldKind === "map" && field.mapKey !== ScalarType.STRING
      ? `Keys are ${ScalarType[field.mapKey].toLowerCase()} values written as strings.`
      : undefined;
  const description = joinDescriptions(
    commentOf(field) ?? fallback,
    typeNote,
    mapNote,
    oneofNote(field),
    ruleNote,
  );
  const result: JsonSchema = { ...schema };
  if (description !== undefined) {
    result.description = description;
  } else {
    delete result.description;
  }
  if (field.deprecated) {
    result.deprecated = true;
  }
  return result;
}

function enumSchema(desc: DescField["enum"] & object, ctx: Context): JsonSchema {
  const names = desc.values.map((v) => v.name);
  const description = ctx.descriptions ? enumValuesDescription(desc) : undefined;
  // toJson writes a value unknown to this schema as its number (open enums, newer servers).
  const schema: JsonSchema =
    desc.typeName === "google.protobuf.NullValue"
      ? { type: "null" }
      : ctx.direction === "output"
        ? { anyOf: [{ type: "string", enum: names }, { type: "integer" }] }
        : { type: "string", enum: names };
  if (description !== undefined) {
    schema.description = description;
  }
  return schema;
}

function oneofNote(field: DescField): string | undefined {
  const oneof = field.fieldKind === "list" || field.fieldKind === "map" ? undefined : field.oneof;
  if (oneof === undefined) {
    return undefined;
  }
  const names = oneof.fields.map((f) => f.jsonName);
  return `Part of the oneof "${oneof.name}": set at most one of ${names.join(", ")}.`;
}

function isRequired(field: DescField): boolean {
  return field.presence === FeatureSet_FieldPresence.LEGACY_REQUIRED || isRequiredByFieldBehavior(field);
}
