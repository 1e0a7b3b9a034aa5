/**
 * The resources of a typed server: fixed URIs and URI templates. Subscriptions are the callers'
 * (see `McpServer.resourceUpdated`), not the registry's.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { Code, ConnectError } from "@connectrpc/connect";
import type { JsonRecord } from "./codec.js";
import type { HandlerContext, ResourceDefinition, ResourceTemplateDefinition } from "./types.js";

interface CompiledTemplate {
  definition: ResourceTemplateDefinition;
  pattern: RegExp;
  names: string[];
}

/** Fixed resources by URI and templates in the order they were added. */
export class ResourceRegistry {
  private readonly fixed = new Map<string, ResourceDefinition>();
  private readonly templates = new Map<string, CompiledTemplate>();

  /** Adds or replaces a resource at a fixed URI. */
  add(definition: ResourceDefinition): void {
    this.fixed.set(definition.uri, definition);
  }

  /** Adds or replaces a resource template. */
  addTemplate(definition: ResourceTemplateDefinition): void {
    this.templates.set(definition.uriTemplate, compile(definition));
  }

  /** The `resources/list` result. */
  list(): JsonRecord {
    return { resources: [...this.fixed.values()].map((r) => describe(r, { uri: r.uri })) };
  }

  /** The `resources/templates/list` result. */
  listTemplates(): JsonRecord {
    const resourceTemplates = [...this.templates.values()].map(({ definition: t }) =>
      describe(t, { uriTemplate: t.uriTemplate }),
    );
    return { resourceTemplates };
  }

  /** The `resources/read` result: a fixed resource first, else the first template that matches. */
  async read(uri: string, context: HandlerContext): Promise<JsonRecord> {
    const fixed = this.fixed.get(uri);
    if (fixed !== undefined) return contents(uri, fixed.mimeType, await fixed.read(uri, context));
    for (const template of this.templates.values()) {
      const variables = match(template, uri);
      if (variables === undefined) continue;
      const body = await template.definition.read(uri, variables, context);
      return contents(uri, template.definition.mimeType, body);
    }
    throw new ConnectError(`cannot read resource: no resource or template matches '${uri}'`, Code.NotFound);
  }

  /** Suggestions for a variable of the template `uriTemplate` (`ref/resource` completion). */
  async complete(uriTemplate: string, name: string, value: string): Promise<string[]> {
    const template = this.templates.get(uriTemplate);
    if (template === undefined) {
      throw new ConnectError(
        `cannot complete: unknown resource template '${uriTemplate}'`,
        Code.InvalidArgument,
      );
    }
    return (await template.definition.complete?.(name, value)) ?? [];
  }
}

function compile(definition: ResourceTemplateDefinition): CompiledTemplate {
  const names: string[] = [];
  const parts = definition.uriTemplate.split(/(\{[^}]+\})/);
  const source = parts
    .map((part) => {
      const variable = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (variable === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(variable);
      return "([^/]+)";
    })
    .join("");
  return { definition, pattern: new RegExp(`^${source}$`), names };
}

function match(template: CompiledTemplate, uri: string): Record<string, string> | undefined {
  const found = template.pattern.exec(uri);
  if (found === null) return undefined;
  const variables: Record<string, string> = {};
  template.names.forEach((name, i) => {
    variables[name] = decodeURIComponent(found[i + 1] ?? "");
  });
  return variables;
}

function contents(uri: string, mimeType: string | undefined, body: string | Uint8Array): JsonRecord {
  const entry: JsonRecord = { uri };
  if (mimeType !== undefined) entry.mimeType = mimeType;
  if (typeof body === "string") entry.text = body;
  else entry.blob = Buffer.from(body).toString("base64");
  return { contents: [entry] };
}

function describe(
  resource: { name: string; title?: string; description?: string; mimeType?: string },
  entry: JsonRecord,
): JsonRecord {
  entry.name = resource.name;
  if (resource.title !== undefined) entry.title = resource.title;
  if (resource.description !== undefined) entry.description = resource.description;
  if (resource.mimeType !== undefined) entry.mimeType = resource.mimeType;
  return entry;
}
