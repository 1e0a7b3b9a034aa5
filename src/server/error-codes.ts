/**
 * Errors between the faces: the typed server raises `ConnectError`s, the MCP face turns them back
 * into JSON-RPC errors. The code mapping itself is `src/binary`'s, shared with the gateway.
 *
 * @module
 */
import { ConnectError } from "@connectrpc/connect";
import { mcpErrorOf } from "../binary/index.js";
import { JsonRpcError } from "../jsonrpc/index.js";

/** Any failure of an upstream RPC as the JSON-RPC error an MCP client gets (code, message, data kept). */
export function jsonRpcErrorFrom(reason: unknown): JsonRpcError {
  if (reason instanceof JsonRpcError) return reason;
  const mcp = mcpErrorOf(ConnectError.from(reason));
  return new JsonRpcError(mcp.code, mcp.message, mcp.data === undefined ? {} : { data: mcp.data });
}
