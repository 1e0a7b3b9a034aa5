import type { DescMethod, DescService } from "@bufbuild/protobuf";
import { MethodOptions_IdempotencyLevel } from "@bufbuild/protobuf/wkt";
import { CodegenError } from "../codegen-error.js";
import { commentOf } from "../json-schema/descriptions.js";
import type { JsonSchema, JsonSchemaOptions } from "../json-schema/json-schema.js";
import { messageSchema } from "../json-schema/message-schema.js";
import { toolName, type ToolNameOptions } from "../json-schema/tool-name.js";
import { hasNonObjectJson } from "../json-schema/well-known-schema.js";

/** MCP tool annotations derived from method options. */
export interface ToolAnnotations {
  title?: string;
  readOnlyHint?: boolean;
  idempotentHint?: boolean;
}

/**
 * An MCP tool as listed by `tools/list`, without the binding to a method. This is the shape
 * `protoc-gen-mcp` embeds in generated code.
 */
export interface ToolDefinition {
  name: string;
  title: string;
  description: string;
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  annotations: ToolAnnotations;
}

/** A tool bound to the RPC it calls. */
export interface MethodTool extends ToolDefinition {
  readonly method: DescMethod;
}

/** Options for deriving tool definitions from methods. */
export interface ToolDefinitionOptions extends ToolNameOptions {
  /** Options for the input and output schemas (the direction is set per schema). */
  schema?: Omit<JsonSchemaOptions, "direction">;
}

/**
 * The property holding a request or response whose JSON is not an object (e.g. a
 * `google.protobuf.StringValue`), because MCP requires objects for arguments and structured content.
 */
export const WRAPPED_VALUE = "value";
/** The property holding the messages of a server-streaming response. */
export const STREAMED_MESSAGES = "messages";

/**
 * The tool definition of one RPC: a name within MCP's limits, the method comment as the
 * description, the request and response schemas, and hints from `idempotency_level`.
 */
export function toolDefinition(method: DescMethod, options: ToolDefinitionOptions = {}): ToolDefinition {
  if (method.methodKind === "client_streaming" || method.methodKind === "bidi_streaming") {
    throw new CodegenError(
      "unsupported",
      `cannot make a tool of ${method.parent.typeName}.${method.name}: ${method.methodKind.replace("_", "-")} methods take a stream of requests`,
    );
  }
  const schemaOptions = options.schema ?? {};
  let inputSchema = messageSchema(method.input, { ...schemaOptions, direction: "input" });
  if (hasNonObjectJson(method.input)) {
    inputSchema = { type: "object", properties: { [WRAPPED_VALUE]: inputSchema }, required: [WRAPPED_VALUE] };
  }
  let outputSchema = messageSchema(method.output, { ...schemaOptions, direction: "output" });
  if (hasNonObjectJson(method.output, "output")) {
    outputSchema = { type: "object", properties: { [WRAPPED_VALUE]: outputSchema } };
  }
  const streaming = method.methodKind === "server_streaming";
  if (streaming) {
    outputSchema = {
      type: "object",
      properties: { [STREAMED_MESSAGES]: { type: "array", items: outputSchema } },
      required: [STREAMED_MESSAGES],
    };
  }
  const title = method.name.replace(/([a-z0-9])([A-Z])/g, "$1 $2");
  const description = [
    commentOf(method) ?? `Calls ${method.parent.typeName}.${method.name}.`,
    streaming
      ? `The method streams its response: all messages are returned in "${STREAMED_MESSAGES}".`
      : undefined,
  ]
    .filter((s) => s !== undefined)
    .join("\n\n");
  const annotations: ToolAnnotations = { title };
  if (method.idempotency === MethodOptions_IdempotencyLevel.NO_SIDE_EFFECTS) {
    annotations.readOnlyHint = true;
  } else if (method.idempotency === MethodOptions_IdempotencyLevel.IDEMPOTENT) {
    annotations.readOnlyHint = false;
    annotations.idempotentHint = true;
  }
  return { name: toolName(method, options), title, description, inputSchema, outputSchema, annotations };
}

/** Which services and methods to expose. */
export interface ToolFilter {
  /** Service names, simple (`InventoryService`) or fully qualified. All services if unset or empty. */
  services?: readonly string[];
  /**
   * Method names: simple (`GetItem`), `Service.Method`, or fully qualified
   * (`inventory.v1.InventoryService.GetItem`). All methods if unset or empty.
   */
  methods?: readonly string[];
}

/** Whether a service passes the filter. */
export function matchesService(service: DescService, filter: ToolFilter): boolean {
  const names = filter.services ?? [];
  return names.length === 0 || names.includes(service.name) || names.includes(service.typeName);
}

/** Whether a method passes the filter. */
export function matchesMethod(method: DescMethod, filter: ToolFilter): boolean {
  const names = filter.methods ?? [];
  return (
    names.length === 0 ||
    names.includes(method.name) ||
    names.includes(`${method.parent.name}.${method.name}`) ||
    names.includes(`${method.parent.typeName}.${method.name}`) ||
    names.includes(`${method.parent.typeName}/${method.name}`)
  );
}
