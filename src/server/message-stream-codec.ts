/**
 * JSON-RPC messages of one `Exchange` stream as `mcp.v1.JSONRPCMessage`s and back. A response's
 * result is typed by the method of the request it answers, so one codec (one
 * {@link JsonRpcTranscoder}) serves both directions of a stream and remembers every request id.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { type JSONRPCMessage, JSONRPCMessageSchema } from "../../gen/es/mcp/v1/jsonrpc_pb.js";
import { JsonRpcTranscoder } from "../transcode/index.js";
import { BRIDGE_OPTIONS, type JsonRecord } from "./codec.js";

/** Converts the messages of one bidirectional stream; make one per stream. */
export class MessageStreamCodec {
  private readonly transcoder = new JsonRpcTranscoder(BRIDGE_OPTIONS);

  /** A JSON-RPC message (request, notification or response) as a protobuf-es message. */
  encode(json: JsonRecord): JSONRPCMessage {
    return fromBinary(JSONRPCMessageSchema, this.transcoder.toBinary(JSON.stringify(json)));
  }

  /** A protobuf-es message as its JSON-RPC JSON. */
  decode(message: JSONRPCMessage): JsonRecord {
    const text = Buffer.from(this.transcoder.toJson(toBinary(JSONRPCMessageSchema, message))).toString(
      "utf8",
    );
    return JSON.parse(text) as JsonRecord;
  }
}
