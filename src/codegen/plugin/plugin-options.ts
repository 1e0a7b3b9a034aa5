import type { ToolNaming } from "../json-schema/tool-name.js";
import type { ToolDefinitionOptions, ToolFilter } from "../tools/tool-definition.js";

/** The options of `protoc-gen-mcp`, given as `opt:` entries in buf.gen.yaml. */
export interface PluginOptions extends ToolDefinitionOptions {
  /** Which services and methods get tools; all when unset. */
  filter: { services: string[]; methods: string[] } & ToolFilter;
}

const namings: readonly ToolNaming[] = ["qualified", "service", "method"];

/**
 * Parses the plugin's own options:
 * - `tool_prefix=<p>`: prepended to every tool name
 * - `tool_naming=qualified|service|method`
 * - `tool_name_max_length=<n>` (default 64, at most 128)
 * - `max_recursion=<n>`, `max_depth=<n>`: bounds for recursive messages
 * - `service=<name>`: generate tools for this service only (simple or full name); repeatable
 * - `method=<name>`: generate tools for this method only (`Method`, `Service.Method` or full); repeatable
 */
export function parsePluginOptions(raw: { key: string; value: string }[]): PluginOptions {
  const options: PluginOptions = { filter: { services: [], methods: [] } };
  const schema: NonNullable<PluginOptions["schema"]> = {};
  for (const { key, value } of raw) {
    switch (key) {
      case "tool_prefix":
        options.prefix = value;
        break;
      case "tool_naming":
        if (!namings.includes(value as ToolNaming)) {
          throw new Error(`cannot use tool_naming=${value}: want one of ${namings.join(", ")}`);
        }
        options.naming = value as ToolNaming;
        break;
      case "tool_name_max_length":
        options.maxLength = positiveInt(key, value);
        break;
      case "max_recursion":
        schema.maxRecursion = positiveInt(key, value);
        break;
      case "max_depth":
        schema.maxDepth = positiveInt(key, value);
        break;
      case "service":
        options.filter.services.push(value);
        break;
      case "method":
        options.filter.methods.push(value);
        break;
      default:
        throw new Error(`cannot use option ${key}: unknown to protoc-gen-mcp`);
    }
  }
  options.schema = schema;
  return options;
}

function positiveInt(key: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`cannot use ${key}=${value}: want a non-negative integer`);
  }
  return n;
}
