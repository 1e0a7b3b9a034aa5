/** The transcoder's entry points: a message type by name, JSON text or value in, bytes out, and back. */
import { Buffer } from "node:buffer";
import { defaultRevision, type McpRevision } from "../schema/index.js";
import { BinaryToJson } from "./binary-to-json.js";
import { TranscodeCode, TranscodeError } from "./errors.js";
import { JsonToBinary } from "./json-to-binary.js";
import { type MessagePlan, planFor } from "./plan.js";
import { deepValueError, valueJson } from "./value-json.js";

/** How to convert. */
export interface TranscodeOptions {
  /** The MCP revision whose required properties apply. Default: 2026-07-28. */
  revision?: McpRevision;
  /**
   * Refuse messages that lack a property the revision requires. Default: true. A gateway may turn it
   * off to pass along whatever a peer sends, as long as each value has the right type.
   */
  requireFields?: boolean;
}

function planOf(type: string): MessagePlan {
  const plan = planFor(type);
  if (plan === undefined) {
    throw new TranscodeError(
      TranscodeCode.UnknownType,
      `cannot convert: no MCP definition named '${type}'`,
      "$",
      0,
    );
  }
  return plan;
}

/**
 * The input as a Buffer, sharing its memory. (`Buffer` is imported: in Node 20 the global is a
 * getter, called on every use.)
 */
export function asBuffer(input: Uint8Array | string): Buffer {
  if (typeof input === "string") return Buffer.from(input, "utf8");
  return Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

/** @internal Runs an encoder with a hook that sees it before and after. */
export function jsonToBinaryWith(
  plan: MessagePlan,
  json: Uint8Array | string,
  options: TranscodeOptions,
  hook?: (enc: JsonToBinary) => () => void,
): Uint8Array {
  const b = asBuffer(json);
  const enc = new JsonToBinary(b, {
    revision: options.revision ?? defaultRevision,
    requireFields: options.requireFields ?? true,
  });
  const after = hook?.(enc);
  try {
    // A string's UTF-8 is UTF-8 by construction; bytes are checked as they are read.
    const out = enc.encodeRoot(plan, typeof json === "string");
    after?.();
    return out;
  } catch (error) {
    enc.w.abandon();
    throw error;
  }
}

/** @internal Runs a decoder with a hook that sees it before and after. */
export function binaryToJsonWith(
  plan: MessagePlan,
  bytes: Uint8Array,
  options: TranscodeOptions,
  hook?: (dec: BinaryToJson) => () => void,
): Uint8Array {
  const dec = new BinaryToJson(asBuffer(bytes), {
    revision: options.revision ?? defaultRevision,
    requireFields: options.requireFields ?? true,
  });
  const after = hook?.(dec);
  try {
    const out = dec.decodeRoot(plan);
    after?.();
    return out;
  } catch (error) {
    dec.w.abandon();
    throw error;
  }
}

/**
 * Converts JSON text (UTF-8 bytes or a string) of the MCP definition `type` (`Tool`,
 * `CallToolResult`, `JSONRPCMessage`, …) to the protobuf binary of its `mcp.v1` message.
 * @throws TranscodeError when the input is not JSON, or not a valid `type`.
 */
export function jsonToBinary(
  type: string,
  json: Uint8Array | string,
  options: TranscodeOptions = {},
): Uint8Array {
  return jsonToBinaryWith(planOf(type), json, options);
}

/**
 * Converts the protobuf binary of the `mcp.v1` message for `type` back to JSON text (UTF-8), with
 * the properties in the order they were written.
 * @throws TranscodeError when the bytes are not a valid message of that type.
 */
export function binaryToJson(type: string, bytes: Uint8Array, options: TranscodeOptions = {}): Uint8Array {
  return binaryToJsonWith(planOf(type), bytes, options);
}

/**
 * Like `jsonToBinary`, from a JSON value.
 * @throws TranscodeError also when the value has no JSON text (a cycle, a BigInt) or nests too deep.
 */
export function valueToBinary(type: string, value: unknown, options: TranscodeOptions = {}): Uint8Array {
  const text = valueJson(value);
  try {
    return jsonToBinary(type, text, options);
  } catch (error) {
    // A value too deep for one engine's JSON.stringify is written by another (V8 14.6, Node 26), and
    // its text may then fail for another reason first (none of a union's variants): refuse it for its
    // depth either way. Looked for only on failure, so a valid value costs no extra walk.
    throw (error instanceof TranscodeError && deepValueError(value)) || error;
  }
}

/** Like `binaryToJson`, to a JSON value. */
export function binaryToValue(type: string, bytes: Uint8Array, options: TranscodeOptions = {}): unknown {
  const json = binaryToJson(type, bytes, options);
  return JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString("utf8"));
}
