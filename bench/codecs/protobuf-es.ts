import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { type JSONRPCMessage, JSONRPCMessageSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { fixtureBinary } from "./fixture-binary.js";
import { defineCodec } from "./types.js";

/**
 * protobuf-es generated `mcp.v1.JSONRPCMessage`: `toBinary` / `fromBinary`.
 * Prepare builds the message from the transcoder's bytes (untimed).
 */
export const protobufEsCodec = defineCodec<JSONRPCMessage>({
  name: "protobuf-es",
  description: "@bufbuild/protobuf toBinary / fromBinary on gen/es mcp.v1.JSONRPCMessage",
  prepare: (fixture) => fromBinary(JSONRPCMessageSchema, fixtureBinary(fixture)),
  encode: (message) => toBinary(JSONRPCMessageSchema, message),
  decode: (bytes) => fromBinary(JSONRPCMessageSchema, bytes),
});
