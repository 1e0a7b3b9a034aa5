import { JSONRPCMessage } from "../../gen/ts-proto/mcp/v1/jsonrpc.js";
import { fixtureBinary } from "./fixture-binary.js";
import { defineCodec } from "./types.js";

/**
 * ts-proto generated `mcp.v1.JSONRPCMessage`: `encode(m).finish()` / `decode`.
 * Prepare builds the message from the transcoder's bytes (untimed).
 */
export const tsProtoCodec = defineCodec<JSONRPCMessage>({
  name: "ts-proto",
  description: "ts-proto JSONRPCMessage.encode(m).finish() / JSONRPCMessage.decode on gen/ts-proto",
  prepare: (fixture) => JSONRPCMessage.decode(fixtureBinary(fixture)),
  encode: (message) => JSONRPCMessage.encode(message).finish(),
  decode: (bytes) => JSONRPCMessage.decode(bytes),
});
