import type { DescMessage } from "@bufbuild/protobuf";
import type { JsonSchema, JsonSchemaType, SchemaDirection } from "./json-schema.js";
import { INT64_PATTERN, UINT64_PATTERN } from "./scalar-schema.js";

/** Matches a Duration in JSON: seconds with up to nine fractional digits and an `s` suffix. */
export const DURATION_PATTERN = "^-?[0-9]+(\\.[0-9]{1,9})?s$";

const wrapperTypes: Record<string, { type: JsonSchemaType; pattern?: string; hint?: string }> = {
  "google.protobuf.DoubleValue": { type: "number" },
  "google.protobuf.FloatValue": { type: "number" },
  "google.protobuf.Int64Value": {
    type: "string",
    pattern: INT64_PATTERN,
    hint: "A 64-bit integer as a decimal string",
  },
  "google.protobuf.UInt64Value": {
    type: "string",
    pattern: UINT64_PATTERN,
    hint: "An unsigned 64-bit integer as a decimal string",
  },
  "google.protobuf.Int32Value": { type: "integer" },
  "google.protobuf.UInt32Value": { type: "integer" },
  "google.protobuf.BoolValue": { type: "boolean" },
  "google.protobuf.StringValue": { type: "string" },
  "google.protobuf.BytesValue": { type: "string", hint: "Base64 encoded bytes" },
};

/**
 * The schema of a well-known type with a special JSON mapping, or `undefined` for any other
 * message. These types are never expanded field by field: their JSON form is not their fields.
 */
export function wellKnownSchema(desc: DescMessage, direction: SchemaDirection): JsonSchema | undefined {
  if (desc.file.proto.package !== "google.protobuf") {
    return undefined;
  }
  const wrapper = wrapperTypes[desc.typeName];
  if (wrapper !== undefined) {
    // A wrapper exists to tell "unset" from the zero value, so null is a meaningful value.
    const schema: JsonSchema = { type: [wrapper.type, "null"] };
    if (wrapper.pattern !== undefined) {
      schema.pattern = wrapper.pattern;
    }
    if (wrapper.hint !== undefined) {
      schema.description = `${wrapper.hint}, or null.`;
    }
    if (direction === "output" && (wrapper.type === "number" || wrapper.type === "string")) {
      schema.type = ["number", "string", "null"];
    }
    return schema;
  }
  switch (desc.typeName) {
    case "google.protobuf.Timestamp":
      return {
        type: "string",
        format: "date-time",
        description: 'An RFC 3339 date-time in UTC, such as "2024-01-31T12:00:00Z".',
      };
    case "google.protobuf.Duration":
      return {
        type: "string",
        pattern: DURATION_PATTERN,
        description: 'A duration in seconds with an "s" suffix, such as "1.5s".',
      };
    case "google.protobuf.FieldMask":
      return {
        type: "string",
        description: 'Comma-separated field paths in lowerCamelCase, such as "name,price.units".',
      };
    case "google.protobuf.Struct":
      return { type: "object", additionalProperties: true, description: "Any JSON object." };
    case "google.protobuf.Value":
      return { description: "Any JSON value." };
    case "google.protobuf.ListValue":
      return { type: "array", items: {}, description: "Any JSON array." };
    case "google.protobuf.Any":
      return {
        type: "object",
        properties: {
          "@type": {
            type: "string",
            description: 'The type URL of the packed message, such as "type.googleapis.com/pkg.Msg".',
          },
        },
        required: ["@type"],
        additionalProperties: true,
        description: "A message of any type: its JSON fields next to an @type naming the type.",
      };
    case "google.protobuf.Empty":
      return { type: "object", properties: {}, additionalProperties: false };
    default:
      return undefined;
  }
}

/** Whether a well-known type's JSON form is something other than an object. */
export function hasNonObjectJson(desc: DescMessage, direction: SchemaDirection = "input"): boolean {
  const schema = wellKnownSchema(desc, direction);
  return schema !== undefined && schema.type !== "object";
}
