/**
 * JSON Schema (2020-12) from protobuf-es descriptors, following the proto3 JSON mapping.
 */
export type { JsonSchema, JsonSchemaOptions, JsonSchemaType, SchemaDirection } from "./json-schema.js";
export { messageSchema } from "./message-schema.js";
export { wellKnownSchema, hasNonObjectJson } from "./well-known-schema.js";
export { commentOf } from "./descriptions.js";
export { toolName, type ToolNameOptions, type ToolNaming } from "./tool-name.js";
