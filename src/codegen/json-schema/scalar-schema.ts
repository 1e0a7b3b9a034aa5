import { ScalarType } from "@bufbuild/protobuf";
import type { JsonSchema, SchemaDirection } from "./json-schema.js";

/** Matches a decimal 64-bit signed integer as the proto3 JSON mapping writes it. */
export const INT64_PATTERN = "^-?[0-9]+$";
/** Matches a decimal 64-bit unsigned integer. */
export const UINT64_PATTERN = "^[0-9]+$";
/** Matches standard or URL-safe base64, padded or not; `fromJson` accepts both. */
export const BASE64_PATTERN = "^[A-Za-z0-9+/_-]*={0,2}$";

/**
 * The schema of a scalar field value under the proto3 JSON mapping
 * (https://protobuf.dev/programming-guides/json/).
 */
export function scalarSchema(scalar: ScalarType, direction: SchemaDirection): JsonSchema {
  switch (scalar) {
    case ScalarType.STRING:
      return { type: "string" };
    case ScalarType.BOOL:
      return { type: "boolean" };
    case ScalarType.BYTES:
      return { type: "string", contentEncoding: "base64", pattern: BASE64_PATTERN };
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      return { type: "integer", minimum: -2147483648, maximum: 2147483647 };
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return { type: "integer", minimum: 0, maximum: 4294967295 };
    // 64-bit integers are strings in JSON because a JSON number loses precision past 2^53.
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      return { type: "string", pattern: INT64_PATTERN, description: "A 64-bit integer as a decimal string." };
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return {
        type: "string",
        pattern: UINT64_PATTERN,
        description: "An unsigned 64-bit integer as a decimal string.",
      };
    case ScalarType.FLOAT:
    case ScalarType.DOUBLE:
      // toJson writes non-finite values as strings; an input schema keeps to plain numbers.
      return direction === "output"
        ? { anyOf: [{ type: "number" }, { type: "string", enum: ["NaN", "Infinity", "-Infinity"] }] }
        : { type: "number" };
  }
}

/** The pattern a map key of the given scalar type has as a JSON object key. */
export function mapKeySchema(scalar: ScalarType): JsonSchema | undefined {
  switch (scalar) {
    case ScalarType.STRING:
      return undefined;
    case ScalarType.BOOL:
      return { enum: ["true", "false"] };
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return { pattern: UINT64_PATTERN };
    default:
      return { pattern: INT64_PATTERN };
  }
}
