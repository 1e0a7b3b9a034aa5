import type { DescMethod } from "@bufbuild/protobuf";

/**
 * How a tool is named after its RPC:
 * - `qualified`: `inventory_v1_InventoryService_GetItem` (unique across packages)
 * - `service`: `InventoryService_GetItem`
 * - `method`: `GetItem`
 */
export type ToolNaming = "qualified" | "service" | "method";

/** Options for {@link toolName}. */
export interface ToolNameOptions {
  /** Prepended as is, e.g. `"shop_"`. */
  prefix?: string;
  /** Defaults to `"qualified"`. */
  naming?: ToolNaming;
  /**
   * The longest name produced. MCP allows 128 characters; the default of 64 is the limit of some
   * LLM providers' function names, so tools stay callable everywhere.
   */
  maxLength?: number;
}

/** The characters MCP allows in a tool name (SEP-986); anything else becomes `_`. */
const DISALLOWED = /[^A-Za-z0-9_.-]/g;

/**
 * The tool name of an RPC. A name that would pass `maxLength` falls back to a shorter naming,
 * and as a last resort is cut and given a short hash of the full name so it stays unique.
 */
export function toolName(method: DescMethod, options: ToolNameOptions = {}): string {
  const prefix = options.prefix ?? "";
  const maxLength = Math.max(1, Math.min(options.maxLength ?? 64, 128));
  const service = method.parent;
  const candidates: Record<ToolNaming, string> = {
    qualified: `${service.typeName.replace(/\./g, "_")}_${method.name}`,
    service: `${service.name}_${method.name}`,
    method: method.name,
  };
  const order: ToolNaming[] = ["qualified", "service", "method"];
  const start = order.indexOf(options.naming ?? "qualified");
  for (const naming of order.slice(start)) {
    const name = sanitize(prefix + candidates[naming]);
    if (name.length <= maxLength) {
      return name;
    }
  }
  const full = sanitize(prefix + candidates.qualified);
  const hash = fnv1a(full).toString(36);
  const keep = maxLength - hash.length - 1;
  return keep > 0 ? `${full.slice(0, keep)}_${hash}` : hash.slice(0, maxLength);
}

function sanitize(name: string): string {
  return name.replace(DISALLOWED, "_");
}

/** A small stable string hash; collisions only matter among the tools of one server. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
