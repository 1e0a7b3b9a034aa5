import { createEcmaScriptPlugin } from "@bufbuild/protoplugin";
import { generateToolsFile } from "./generate-tools-file.js";
import { parsePluginOptions, type PluginOptions } from "./plugin-options.js";

/**
 * `protoc-gen-mcp`: generates MCP tool definitions for every service, next to the code of
 * protoc-gen-es (whose `_pb` files it imports). Only `target=ts` is supported.
 */
export const protocGenMcp = createEcmaScriptPlugin<PluginOptions>({
  name: "protoc-gen-mcp",
  version: "v0.1.0",
  parseOptions: parsePluginOptions,
  generateTs(schema) {
    for (const file of schema.files) {
      generateToolsFile(schema, file);
    }
  },
});
