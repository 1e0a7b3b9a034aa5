/**
 * The fixture's tools that ask the client something while they run: sampling and elicitation.
 * They go through `ctx.request`, which the MCP face carries over the `Exchange` stream.
 *
 * @module
 */
import { toJson } from "@bufbuild/protobuf";
import { EmptySchema, StructSchema } from "@bufbuild/protobuf/wkt";
import type { JsonRecord, McpServer } from "../../src/server/index.js";

const text = (value: string) => ({ content: [{ type: "text", text: value }] });

/** Adds `test_sampling`, `test_elicitation` and the SEP-1034/SEP-1330 elicitation tools. */
export function addClientRequestTools(server: McpServer): void {
  server.tool({
    name: "test_sampling",
    description: "Asks the client's LLM to answer a prompt (sampling/createMessage).",
    input: StructSchema,
    handler: async (input, ctx) => {
      const { prompt } = toJson(StructSchema, input) as JsonRecord;
      const result = await ctx.request("sampling/createMessage", {
        messages: [{ role: "user", content: { type: "text", text: String(prompt) } }],
        maxTokens: 100,
      });
      const content = result.content as JsonRecord | undefined;
      return text(`LLM response: ${String(content?.text ?? "")}`);
    },
  });
  server.tool({
    name: "test_elicitation",
    description: "Asks the user for a name and an email (elicitation/create).",
    input: StructSchema,
    handler: async (input, ctx) => {
      const { message } = toJson(StructSchema, input) as JsonRecord;
      const result = await ctx.request("elicitation/create", {
        message: String(message),
        requestedSchema: {
          type: "object",
          properties: {
            username: { type: "string", description: "User's response" },
            email: { type: "string", description: "User's email address" },
          },
          required: ["username", "email"],
        },
      });
      return text(
        `User response: action=${String(result.action)}, content=${JSON.stringify(result.content)}`,
      );
    },
  });
  server.tool({
    name: "test_elicitation_sep1034_defaults",
    description: "Elicits one field of each primitive type, each with a default (SEP-1034).",
    input: EmptySchema,
    handler: async (_, ctx) => {
      const result = await ctx.request("elicitation/create", {
        message: "Please review and update the form fields with defaults",
        requestedSchema: {
          type: "object",
          properties: {
            name: { type: "string", description: "User name", default: "John Doe" },
            age: { type: "integer", description: "User age", default: 30 },
            score: { type: "number", description: "User score", default: 95.5 },
            status: {
              type: "string",
              description: "User status",
              enum: ["active", "inactive", "pending"],
              default: "active",
            },
            verified: { type: "boolean", description: "Verification status", default: true },
          },
        },
      });
      return text(
        `Elicitation completed: action=${String(result.action)}, content=${JSON.stringify(result.content)}`,
      );
    },
  });
  server.tool({
    name: "test_elicitation_sep1330_enums",
    description: "Elicits all five enum variants (SEP-1330).",
    input: EmptySchema,
    handler: async (_, ctx) => {
      const titled = (prefix: string, title: string) =>
        [1, 2, 3].map((i) => ({ const: `${prefix}${i}`, title: `${title} ${i}` }));
      const result = await ctx.request("elicitation/create", {
        message: "Please select options from the enum fields",
        requestedSchema: {
          type: "object",
          properties: {
            untitledSingle: { type: "string", enum: ["option1", "option2", "option3"] },
            titledSingle: { type: "string", oneOf: titled("value", "Option") },
            legacyEnum: {
              type: "string",
              enum: ["opt1", "opt2", "opt3"],
              enumNames: ["Option One", "Option Two", "Option Three"],
            },
            untitledMulti: {
              type: "array",
              items: { type: "string", enum: ["option1", "option2", "option3"] },
            },
            titledMulti: { type: "array", items: { anyOf: titled("value", "Choice") } },
          },
        },
      });
      return text(
        `Elicitation completed: action=${String(result.action)}, content=${JSON.stringify(result.content)}`,
      );
    },
  });
}
