/** Comparing what two MCP paths answer: shared by the gateway and double-bridge suites. */
import assert from "node:assert/strict";
import { ConnectError } from "@connectrpc/connect";
import { mcpErrorOf } from "../../src/binary/index.js";

/** Arguments that satisfy a tool's input schema, made from the schema alone. */
export function sampleArguments(schema: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const key of (schema.required ?? []) as string[]) {
    const p = properties[key] ?? {};
    if (Array.isArray(p.enum)) out[key] = p.enum[0];
    else if (p.type === "number" || p.type === "integer")
      out[key] = typeof p.minimum === "number" ? p.minimum : 1;
    else if (p.type === "boolean") out[key] = false;
    else if (p.type === "array") out[key] = [];
    else if (p.type === "object") out[key] = {};
    else out[key] = "protomcp";
  }
  return out;
}

/** Tools of server-everything whose answers differ between two runs of it, and why. */
export const NONDETERMINISTIC_TOOLS = new Map([
  ["get-env", "prints the server process's environment, which differs between two spawns"],
  ["trigger-long-running-operation", "sleeps; its progress is tested on its own"],
  ["simulate-research-query", "long-running and task-shaped; listed, not called"],
]);

/** The outcome of a call: its answer, or the MCP error code it failed with. */
async function settle(
  call: () => Promise<unknown>,
): Promise<{ ok: unknown } | { error: number | undefined }> {
  try {
    return { ok: await call() };
  } catch (error) {
    return {
      error: error instanceof ConnectError ? mcpErrorOf(error).code : (error as { code?: number }).code,
    };
  }
}

/**
 * server-everything stamps resources with the time it made them ("created at 8:40:44 PM"): two runs
 * a second apart differ there and nowhere else.
 */
function withoutClockTimes(outcome: unknown): unknown {
  const text = JSON.stringify(outcome, (_key, value) => (typeof value === "bigint" ? `${value}n` : value));
  return JSON.parse(text.replace(/created at \d{1,2}:\d{2}:\d{2}( [AP]M)?/g, "created at <time>"));
}

/** Both succeed with the same answer, or both fail with the same MCP error code. */
export async function assertSameOutcome(a: () => Promise<unknown>, b: () => Promise<unknown>, what: string) {
  assert.deepEqual(withoutClockTimes(await settle(a)), withoutClockTimes(await settle(b)), what);
}
