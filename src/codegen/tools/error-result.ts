import { Code, ConnectError } from "@connectrpc/connect";
import type { CallToolResult } from "./call-tool-result.js";

/**
 * The tool result of a failed RPC. Per MCP, an error of the called service is a result with
 * `isError: true` that the model can read and act on, not a protocol error.
 */
export function rpcErrorResult(reason: unknown): CallToolResult {
  const error = ConnectError.from(reason);
  const lines = [`${codeName(error.code)}: ${error.rawMessage}`];
  for (const detail of error.details) {
    if ("desc" in detail) {
      continue;
    }
    lines.push(`detail ${detail.type}`);
  }
  return errorResult(lines.join("\n"));
}

/** A tool result with `isError: true` and one text block. */
export function errorResult(text: string): CallToolResult {
  return { content: [{ type: "text", text }], isError: true };
}

/** The gRPC spelling of a code, such as `NOT_FOUND`, which models and people know best. */
export function codeName(code: Code): string {
  return (Code[code] ?? "UNKNOWN").replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
}
