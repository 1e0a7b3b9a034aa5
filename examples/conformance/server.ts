/**
 * The conformance fixture: the tools, resources and prompts that the server scenarios of
 * `@modelcontextprotocol/conformance` call, written on the typed API. Served as `mcp.v1` and reached
 * through the MCP face, it checks the whole bridge (JSON-RPC -> protobuf -> typed handler -> back).
 *
 * @module
 */
import { toJson } from "@bufbuild/protobuf";
import { EmptySchema, StructSchema } from "@bufbuild/protobuf/wkt";
import { addClientRequestTools } from "./client-requests.js";
import { createMcpServer, type McpServer } from "../../src/server/index.js";

/** A 1x1 red PNG. */
const PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

/** A WAV header with no samples (44 bytes): valid audio, nothing to hear. */
const WAV_BASE64 = Buffer.from(
  "524946462400000057415645666d7420100000000100010044ac000088580100020010006461746100000000",
  "hex",
).toString("base64");

const EMBEDDED = {
  type: "resource",
  resource: {
    uri: "test://embedded-resource",
    mimeType: "text/plain",
    text: "This is an embedded resource content.",
  },
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the conformance fixture (not yet listening). */
export function createConformanceServer(): McpServer {
  const server = createMcpServer({ name: "protomcp-conformance", version: "0.1.0" });
  const noArgs = { input: EmptySchema } as const;
  server.tool({
    name: "test_simple_text",
    description: "Returns simple text content.",
    ...noArgs,
    handler: async () => ({
      content: [{ type: "text", text: "This is a simple text response for testing." }],
    }),
  });
  server.tool({
    name: "test_image_content",
    description: "Returns image content.",
    ...noArgs,
    handler: async () => ({ content: [{ type: "image", data: PNG_BASE64, mimeType: "image/png" }] }),
  });
  server.tool({
    name: "test_audio_content",
    description: "Returns audio content.",
    ...noArgs,
    handler: async () => ({ content: [{ type: "audio", data: WAV_BASE64, mimeType: "audio/wav" }] }),
  });
  server.tool({
    name: "test_embedded_resource",
    description: "Returns an embedded resource.",
    ...noArgs,
    handler: async () => ({ content: [EMBEDDED] }),
  });
  server.tool({
    name: "test_multiple_content_types",
    description: "Returns text, image and resource content.",
    ...noArgs,
    handler: async () => ({
      content: [
        { type: "text", text: "Multiple content types test:" },
        { type: "image", data: PNG_BASE64, mimeType: "image/png" },
        {
          type: "resource",
          resource: {
            uri: "test://mixed-content-resource",
            mimeType: "application/json",
            text: JSON.stringify({ test: "data", value: 123 }),
          },
        },
      ],
    }),
  });
  server.tool({
    name: "test_tool_with_logging",
    description: "Logs three messages while it runs.",
    ...noArgs,
    handler: async (_, ctx) => {
      for (const text of ["Tool execution started", "Tool processing data", "Tool execution completed"]) {
        await ctx.log("info", text);
        await sleep(50);
      }
      return { content: [{ type: "text", text: "Tool with logging executed successfully" }] };
    },
  });
  server.tool({
    name: "test_tool_with_progress",
    description: "Reports progress 0, 50 and 100 of 100.",
    ...noArgs,
    handler: async (_, ctx) => {
      for (const step of [0, 50, 100]) {
        await ctx.progress(step, 100, `Completed step ${step / 50 + 1} of 3`);
        await sleep(50);
      }
      return { content: [{ type: "text", text: "Tool with progress executed successfully" }] };
    },
  });
  server.tool({
    name: "test_error_handling",
    description: "Always fails with isError: true.",
    ...noArgs,
    handler: async () => {
      throw new Error("This tool intentionally returns an error for testing");
    },
  });
  server.tool({
    name: "json_schema_2020_12_tool",
    description: "Tool with JSON Schema 2020-12 features",
    // A Struct takes any object; the schema shows that $schema, $defs and $ref survive the bridge.
    input: StructSchema,
    inputSchema: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      $defs: {
        address: { type: "object", properties: { street: { type: "string" }, city: { type: "string" } } },
      },
      properties: { name: { type: "string" }, address: { $ref: "#/$defs/address" } },
      additionalProperties: false,
    },
    handler: async (input) => ({
      content: [{ type: "text", text: JSON.stringify(toJson(StructSchema, input)) }],
    }),
  });
  addClientRequestTools(server);
  server.resource({
    uri: "test://static-text",
    name: "static-text",
    description: "A static text resource.",
    mimeType: "text/plain",
    read: async () => "This is the content of the static text resource.",
  });
  server.resource({
    uri: "test://static-binary",
    name: "static-binary",
    description: "A static binary resource (PNG).",
    mimeType: "image/png",
    read: async () => Buffer.from(PNG_BASE64, "base64"),
  });
  server.resource({
    uri: "test://watched-resource",
    name: "watched-resource",
    description: "A resource clients subscribe to.",
    mimeType: "text/plain",
    read: async () => "Watched resource content",
  });
  server.resourceTemplate({
    uriTemplate: "test://template/{id}/data",
    name: "template-data",
    description: "Data for an id.",
    mimeType: "application/json",
    read: async (_, { id }) => JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` }),
    complete: async (_, value) => ["123", "456", "789"].filter((id) => id.startsWith(value)),
  });
  server.prompt({
    name: "test_simple_prompt",
    description: "A prompt without arguments.",
    get: async () => [
      { role: "user", content: { type: "text", text: "This is a simple prompt for testing." } },
    ],
  });
  server.prompt({
    name: "test_prompt_with_arguments",
    description: "A prompt with two arguments.",
    arguments: [
      { name: "arg1", description: "First test argument", required: true },
      { name: "arg2", description: "Second test argument", required: true },
    ],
    complete: async (_, value) => ["paris", "park", "party"].filter((word) => word.startsWith(value)),
    get: async ({ arg1, arg2 }) => [
      {
        role: "user",
        content: { type: "text", text: `Prompt with arguments: arg1='${arg1}', arg2='${arg2}'` },
      },
    ],
  });
  server.prompt({
    name: "test_prompt_with_embedded_resource",
    description: "A prompt that embeds a resource.",
    arguments: [{ name: "resourceUri", description: "URI of the resource to embed", required: true }],
    get: async ({ resourceUri }) => [
      {
        role: "user",
        content: {
          type: "resource",
          resource: {
            uri: resourceUri ?? "",
            mimeType: "text/plain",
            text: "Embedded resource content for testing.",
          },
        },
      },
      { role: "user", content: { type: "text", text: "Please process the embedded resource above." } },
    ],
  });
  server.prompt({
    name: "test_prompt_with_image",
    description: "A prompt that includes an image.",
    get: async () => [
      { role: "user", content: { type: "image", data: PNG_BASE64, mimeType: "image/png" } },
      { role: "user", content: { type: "text", text: "Please analyze the image above." } },
    ],
  });
  return server;
}
