/**
 * Unions (`ContentBlock`, `JSONRPCMessage`, `PrimitiveSchemaDefinition`) written as the protobuf
 * oneof member their JSON is, for `JsonToBinary`: decided by a discriminator or a decisive key
 * without a trial, else by trying the candidates in turn and keeping the first that takes the
 * whole value.
 */
import { TranscodeCode, TranscodeError } from "./errors.js";
import { requestByMethod, variantCandidates } from "./choose.js";
import type { JsonToBinary } from "./json-to-binary.js";
import { MAX_DEPTH } from "./json-scanner.js";
import type { FieldPlan, MessagePlan } from "./plan.js";

/** Writes the union value at the scanner's position as the member it is. */
export function encodeUnion(enc: JsonToBinary, plan: MessagePlan): void {
  if (enc.peek() !== 0x7b) enc.typeError(plan.name, "an object");
  if (plan.isJsonRpcMessage && encodeGuessedRequest(enc, plan)) return;
  const candidates = variantCandidates(enc, plan);
  if (candidates.length === 1 || enc.requireFields) return tryVariants(enc, candidates);
  // Permissive, a member that lacks a required property deeper down takes the value too (an
  // untitled multi-select takes a titled one's `items: {anyOf}`, keeping `anyOf` as unknown), and
  // its decoder then writes that member's constants and empty lists back. Members that take the
  // value strictly come first; the permissive trial is the fallback.
  enc.requireFields = true;
  try {
    return tryVariants(enc, candidates);
  } catch (error) {
    if (!(error instanceof TranscodeError) || error.code !== TranscodeCode.InvalidValue) throw error;
  } finally {
    enc.requireFields = false;
  }
  return tryVariants(enc, candidates);
}

/**
 * Encodes a JSON-RPC message as the request its method names ({@link requestByMethod}) if that
 * takes the value and the value has an `id` (which makes it a request in either mode); otherwise
 * leaves everything as it was and returns false.
 */
function encodeGuessedRequest(enc: JsonToBinary, plan: MessagePlan): boolean {
  const request = requestByMethod(enc, plan);
  if (request === undefined) return false;
  const p = enc.p;
  const pos = enc.w.pos;
  const path = enc.path.length;
  const depth = enc.depth;
  const requestId = enc.lastRequestId;
  enc.lastRequestId = undefined;
  try {
    tryVariants(enc, request.alone);
    if (enc.lastRequestId !== undefined) return true;
  } catch (error) {
    if (!(error instanceof TranscodeError) || error.code !== TranscodeCode.InvalidValue) throw error;
  }
  enc.rewind(p, pos, path, depth);
  enc.lastRequestId = requestId;
  return false;
}

/** Writes `variant` as a length-delimited member of the union one level below `depth`. */
function encodeVariant(enc: JsonToBinary, variant: FieldPlan, depth: number): void {
  enc.depth = depth + 1;
  enc.w.raw(variant.tag);
  const start = enc.w.beginLength(enc.end - enc.p);
  enc.encodeMessageBody(variant.message!);
  enc.w.endLength(start);
  enc.depth = depth;
}

/**
 * Variants can look alike at the top (two enum schemas of type "array") and differ deeper down:
 * tries each in turn, the best first, and keeps the first that takes the whole value.
 */
function tryVariants(enc: JsonToBinary, candidates: FieldPlan[]): void {
  const p = enc.p;
  const pos = enc.w.pos;
  const path = enc.path.length;
  const depth = enc.depth;
  // A union may hold itself (ClientResult): each member counts as a level.
  if (depth >= MAX_DEPTH)
    enc.fail(TranscodeCode.LimitExceeded, `cannot convert: nested deeper than ${MAX_DEPTH}`);
  if (candidates.length === 1) {
    // Decided by a discriminator or a decisive key: nothing to fall back on, so no trial.
    encodeVariant(enc, candidates[0]!, depth);
    return;
  }
  let firstError: unknown;
  for (const variant of candidates) {
    try {
      encodeVariant(enc, variant, depth);
      return;
    } catch (error) {
      if (!(error instanceof TranscodeError) || error.code !== TranscodeCode.InvalidValue) throw error;
      firstError ??= error;
      enc.rewind(p, pos, path, depth);
    }
  }
  throw firstError;
}
