/**
 * Errors between the faces: the typed server raises `ConnectError`s, the MCP face turns them back
 * into JSON-RPC errors. The code mapping itself is `src/binary`'s, shared with the gateway.
 *
 * @module
 */
import { Code, ConnectError } from "@connectrpc/connect";
import { mcpErrorOf } from "../binary/index.js";
import { ErrorCode, JsonRpcError } from "../jsonrpc/index.js";

/** connect's size refusal: the face's own `writeMaxBytes` or the upstream's `readMaxBytes`. */
const TOO_LARGE = /^message size (\d+) is larger than configured (read|write)MaxBytes (\d+)$/;

/** Any failure of an upstream RPC as the JSON-RPC error an MCP client gets (code, message, data kept). */
export function jsonRpcErrorFrom(reason: unknown): JsonRpcError {
  if (reason instanceof JsonRpcError) return reason;
  const error = ConnectError.from(reason);
  const size = error.code === Code.ResourceExhausted ? TOO_LARGE.exec(error.rawMessage) : null;
  if (size !== null) {
    // The client's message is too large for the binary side: invalid params, naming the limit.
    const [, bytes, side, limit] = size;
    const whose = side === "write" ? "the MCP face's limit (--max-message-bytes)" : "the upstream's limit";
    return new JsonRpcError(
      ErrorCode.InvalidParams,
      `invalid params: the request is ${bytes} bytes in protobuf, larger than ${whose} of ${limit} bytes`,
      { data: { size: Number(bytes), limit: Number(limit) } },
    );
  }
  const mcp = mcpErrorOf(error);
  return new JsonRpcError(mcp.code, mcp.message, mcp.data === undefined ? {} : { data: mcp.data });
}
