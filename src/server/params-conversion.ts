/**
 * JSON → protobuf conversion of what an MCP client sent, with the failures that are the client's
 * fault reported as JSON-RPC Invalid params.
 *
 * @module
 */
import { ErrorCode, JsonRpcError } from "../jsonrpc/index.js";
import { TranscodeError } from "../transcode/index.js";

/** Runs a JSON → protobuf conversion; what does not fit the schema is the client's error. */
export function convertParams<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof TranscodeError) {
      throw new JsonRpcError(ErrorCode.InvalidParams, `invalid params: ${error.message}`);
    }
    if (error instanceof RangeError) {
      // Nesting deep enough to overflow the stack before the transcoder's own depth check.
      throw new JsonRpcError(ErrorCode.InvalidParams, "invalid params: nested too deeply");
    }
    throw error;
  }
}
