/**
 * The tool a binary request calls, whichever RPC carries it (`CallTool`'s params, or `Call` with a
 * `tools/call` request).
 *
 * @module
 */

interface Shape {
  $typeName?: string;
  name?: string;
  method?: string;
  params?: { name?: string; case?: string; value?: { name?: string } };
}

/**
 * The tool name `message` calls; `""` for a tool call that names none; undefined when the message
 * is not a tool call.
 */
export function toolNameOf(message: unknown): string | undefined {
  const m = message as Shape | null;
  if (m === null || typeof m !== "object") return undefined;
  if (m.$typeName === "mcp.v1.CallToolRequestParams") return m.name ?? "";
  if (m.$typeName === "mcp.v1.JSONRPCRequest") {
    if (m.params?.case === "callToolRequestParams") return m.params.value?.name ?? "";
    if (m.method === "tools/call") return "";
  }
  return undefined;
}
