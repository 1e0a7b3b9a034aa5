import type { DescFile } from "@bufbuild/protobuf";
import type { Schema } from "@bufbuild/protoplugin";
import { matchesMethod, matchesService, toolDefinition } from "../tools/tool-definition.js";
import type { PluginOptions } from "./plugin-options.js";

/**
 * Generates `<file>_mcp.ts` for a file with services: per service, a constant
 * `<Service>Tools` holding the service's protobuf-es descriptor and its tool definitions, with
 * names, descriptions and JSON Schemas embedded as literals. The descriptors protoc-gen-es embeds
 * carry no comments, so the descriptions can only be taken here, from the plugin request.
 *
 * The file imports nothing from protomcp: it is plain data that `createToolSet` accepts, so
 * generated code does not pin a runtime version.
 */
export function generateToolsFile(schema: Schema<PluginOptions>, file: DescFile): void {
  const { filter } = schema.options;
  const services = file.services.filter((service) => matchesService(service, filter));
  if (services.length === 0) {
    return;
  }
  const f = schema.generateFile(`${file.name}_mcp.ts`);
  f.preamble(file);
  for (const service of services) {
    const serviceSymbol = f.importSchema(service);
    const tools: string[] = [];
    for (const method of service.methods) {
      if (method.methodKind === "client_streaming" || method.methodKind === "bidi_streaming") {
        continue;
      }
      if (!matchesMethod(method, filter)) {
        continue;
      }
      const definition = toolDefinition(method, schema.options);
      tools.push(literal({ method: method.name, ...definition }, "    "));
    }
    f.print(
      f.jsDoc(`MCP tools for the RPCs of ${service.typeName}, to serve with protomcp's \`createToolSet\`.`),
    );
    f.print(f.export("const", `${service.name}Tools`), " = {");
    f.print("  service: ", serviceSymbol, ",");
    f.print("  tools: [");
    for (const tool of tools) {
      f.print("    ", tool, ",");
    }
    f.print("  ],");
    f.print("} as const;");
    f.print();
  }
}

/** JSON text indented to sit inside the generated array; JSON is valid TypeScript. */
function literal(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}
