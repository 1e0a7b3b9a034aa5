/**
 * The seam between MCP's JSON values and `mcp.v1` protobuf-es messages, through the lossless
 * transcoder. Both faces of `src/server/` use it: the typed server to turn its JSON results into RPC
 * responses, the MCP face to turn JSON-RPC params into RPC requests and back.
 *
 * @module
 */
import { type DescMessage, fromBinary, type MessageShape, toBinary } from "@bufbuild/protobuf";
import { binaryToValue, type TranscodeOptions, valueToBinary } from "../transcode/index.js";

/** JSON as `JSON.parse` returns it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonRecord = { [key: string]: JsonValue };

/** The bridge converts permissively: any value with the right types passes, required or not. */
export const BRIDGE_OPTIONS: TranscodeOptions = { revision: "2025-11-25", requireFields: false };

/** A JSON value of the spec definition `type` as a protobuf-es message of `schema`. */
export function messageFromValue<Desc extends DescMessage>(
  schema: Desc,
  type: string,
  value: unknown,
): MessageShape<Desc> {
  return fromBinary(schema, valueToBinary(type, value ?? {}, BRIDGE_OPTIONS));
}

/** A protobuf-es message of `schema` as the JSON value of the spec definition `type`. */
export function valueFromMessage<Desc extends DescMessage>(
  schema: Desc,
  type: string,
  message: MessageShape<Desc>,
): JsonRecord {
  return binaryToValue(type, toBinary(schema, message), BRIDGE_OPTIONS) as JsonRecord;
}

/** Parses JSON text held in a raw string field; absent or empty text is `undefined`. */
export function parseJsonText(text: string | undefined): JsonValue | undefined {
  if (text === undefined || text === "") return undefined;
  return JSON.parse(text) as JsonValue;
}
