/**
 * One mapping between Connect codes and JSON-RPC error codes, used by both faces: the typed server
 * raises `ConnectError`s, the MCP face turns them back into JSON-RPC errors.
 *
 * @module
 */
import { Code, ConnectError } from "@connectrpc/connect";
import { JsonRpcError } from "../jsonrpc/index.js";
import { ErrorCode } from "../jsonrpc/index.js";

/** The JSON-RPC error code that carries a Connect code to an MCP client. */
export function jsonRpcCodeOf(code: Code): number {
  switch (code) {
    case Code.NotFound:
      return ErrorCode.ResourceNotFound;
    case Code.InvalidArgument:
      return ErrorCode.InvalidParams;
    case Code.Unimplemented:
      return ErrorCode.MethodNotFound;
    default:
      return ErrorCode.InternalError;
  }
}

/** The Connect code that carries a JSON-RPC error code over the binary wire. */
export function connectCodeOf(code: number): Code {
  switch (code) {
    case ErrorCode.ResourceNotFound:
      return Code.NotFound;
    case ErrorCode.InvalidParams:
      return Code.InvalidArgument;
    case ErrorCode.MethodNotFound:
      return Code.Unimplemented;
    default:
      return Code.Internal;
  }
}

/** Any failure of an upstream RPC as the JSON-RPC error an MCP client gets; the message is kept. */
export function jsonRpcErrorFrom(reason: unknown): JsonRpcError {
  if (reason instanceof JsonRpcError) return reason;
  const error = ConnectError.from(reason);
  return new JsonRpcError(jsonRpcCodeOf(error.code), error.rawMessage);
}

/** A JSON-RPC error object (as a Call stream carries it) as a `ConnectError`. */
export function connectErrorFrom(code: number, message: string): ConnectError {
  return new ConnectError(message, connectCodeOf(code));
}
