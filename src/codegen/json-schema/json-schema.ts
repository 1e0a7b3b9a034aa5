/**
 * The subset of JSON Schema 2020-12 that the generator emits. Kept as a plain JSON object type so
 * that schemas can be embedded as literals in generated code and handed to ajv or an MCP client.
 */
export interface JsonSchema {
  // Arrays are readonly so that schemas embedded `as const` in generated code are assignable.
  type?: JsonSchemaType | readonly JsonSchemaType[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  required?: readonly string[];
  items?: JsonSchema;
  enum?: readonly (string | number | null)[];
  anyOf?: readonly JsonSchema[];
  pattern?: string;
  format?: string;
  contentEncoding?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  const?: string | number;
  deprecated?: boolean;
}

/** The JSON Schema primitive type names. */
export type JsonSchemaType = "object" | "array" | "string" | "number" | "integer" | "boolean" | "null";

/**
 * Which way a schema describes data. An input schema describes what a client may write and what
 * `fromJson` accepts; an output schema describes exactly what `toJson` produces (e.g. `"NaN"` for a
 * float, a number for an enum value unknown to the schema), because MCP clients validate
 * `structuredContent` against it.
 */
export type SchemaDirection = "input" | "output";

/** Options for generating a schema from a message descriptor. */
export interface JsonSchemaOptions {
  /** Defaults to `"input"`. */
  direction?: SchemaDirection;
  /**
   * How often a message may recur inside itself before the generator stops and emits a permissive
   * object. Defaults to 1.
   */
  maxRecursion?: number;
  /** The deepest message nesting expanded at all, recursive or not. Defaults to 16. */
  maxDepth?: number;
  /** Whether to add descriptions from proto comments (when the descriptor has source info). Defaults to true. */
  descriptions?: boolean;
}
