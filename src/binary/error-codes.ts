/**
 * MCP's JSON-RPC error codes and Connect/gRPC codes, both ways. The binary side also carries the
 * MCP error itself (code, message, data) as an `mcp.v1.Error` detail, so nothing is lost.
 */
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import { type Error as McpError, ErrorSchema } from "../../gen/es/mcp/v1/errors_pb.js";

/** JSON-RPC and MCP error codes that have a natural gRPC code; the rest map to Internal/Unknown. */
const TO_CONNECT = new Map<number, Code>([
  [-32700, Code.InvalidArgument], // parse error
  [-32600, Code.InvalidArgument], // invalid request
  [-32601, Code.Unimplemented], // method not found
  [-32602, Code.InvalidArgument], // invalid params
  [-32603, Code.Internal], // internal error
  [-32002, Code.NotFound], // MCP: resource not found
  [-32042, Code.FailedPrecondition], // MCP: URL elicitation required
  [-32020, Code.InvalidArgument], // MCP: header mismatch
  [-32021, Code.FailedPrecondition], // MCP: missing required client capability
  [-32022, Code.Unimplemented], // MCP: unsupported protocol version
]);

const TO_JSON_RPC = new Map<Code, number>([
  [Code.InvalidArgument, -32602],
  [Code.Unimplemented, -32601],
  [Code.NotFound, -32002],
  [Code.Internal, -32603],
]);

/** The Connect code for a JSON-RPC error code. */
export function connectCodeFor(jsonRpcCode: number): Code {
  return (
    TO_CONNECT.get(jsonRpcCode) ??
    (jsonRpcCode <= -32000 && jsonRpcCode >= -32099 ? Code.Internal : Code.Unknown)
  );
}

/** The JSON-RPC code for a Connect error without an MCP detail. */
export function jsonRpcCodeFor(code: Code): number {
  return TO_JSON_RPC.get(code) ?? -32603;
}

/**
 * A ConnectError for an MCP error, carrying it whole as an `mcp.v1.Error` detail. The message is
 * diagnostic text: a lone surrogate in it becomes U+FFFD (a protobuf string, and the percent-encoded
 * `grpc-message`, cannot hold one); `data` is JSON text and keeps it.
 */
export function connectErrorFor(error: { code: number; message: string; data?: unknown }): ConnectError {
  const message = String(error.message).toWellFormed();
  const detail = create(ErrorSchema, {
    code: BigInt(error.code),
    message,
    ...(error.data !== undefined ? { data: JSON.stringify(error.data) } : {}),
  });
  return new ConnectError(message, connectCodeFor(error.code), undefined, [
    { desc: ErrorSchema, value: detail },
  ]);
}

/** The MCP error a ConnectError carries, or one made from its code and message. */
export function mcpErrorOf(error: ConnectError): { code: number; message: string; data?: unknown } {
  const [detail] = error.findDetails(ErrorSchema) as McpError[];
  if (detail?.code !== undefined) {
    return {
      code: Number(detail.code),
      message: (detail.message ?? error.rawMessage).toWellFormed(),
      ...(detail.data !== undefined ? { data: JSON.parse(detail.data) as unknown } : {}),
    };
  }
  return { code: jsonRpcCodeFor(error.code), message: error.rawMessage.toWellFormed() };
}
