/**
 * Protobuf binary to JSON text, in one pass over the wire: fields come out as properties in the
 * order they were written, JSON-text fields are checked and copied as they are, bytes become base64.
 */
import type { McpRevision } from "../schema/index.js";
import { compiledDecoding, decodeJsonRpcCompiled } from "./compiled-decoder.js";
import { TranscodeCode } from "./errors.js";
import { type IdKey, idKeyAt } from "./ids.js";
import { MAX_DEPTH } from "./json-scanner.js";
import {
  type FieldPlan,
  fieldByKey,
  fieldByNumber,
  methodAt,
  type MessagePlan,
  missingRequired,
  WIRE_LEN,
  WIRE_VARINT,
} from "./plan.js";
import { WireFieldReader } from "./wire-fields.js";

const utf8 = new TextEncoder();
const EMPTY_LIST = utf8.encode("[]");

/** Options of one conversion. */
export interface DecodeSettings {
  revision: McpRevision;
  requireFields: boolean;
}

export class BinaryToJson extends WireFieldReader {
  /** The id and method of the last request decoded, for the JSON-RPC layer to track. */
  lastRequestId: IdKey | undefined;
  lastRequestMethod: string | undefined;
  /** The id of the last response decoded. */
  lastResponseId: IdKey | undefined;

  constructor(
    b: Buffer,
    readonly settings: DecodeSettings,
  ) {
    super(b);
  }

  /** Starts over on new input, so that one decoder serves a whole connection. */
  reset(b: Buffer): void {
    this.b = b;
    this.p = 0;
    this.depth = 0;
    if (this.path.length !== 0) this.path.length = 0;
    this.lastRequestId = undefined;
    this.lastRequestMethod = undefined;
    this.lastResponseId = undefined;
    this.scanner.b = b;
  }

  decodeRoot(plan: MessagePlan): Uint8Array {
    // Base64 grows bytes by a third, JSON syntax a little more; `ensure` grows the rare rest.
    this.w.begin(Math.ceil(this.b.length * 1.5) + 64);
    if (!(plan.isJsonRpcMessage && compiledDecoding.enabled && this.decodeCompiled(plan)))
      this.decodeMessageBody(plan, this.b.length);
    return this.w.finish();
  }

  /**
   * Decodes the whole message by the compiled path (`compiled-decoder.ts`); true when it did.
   * Otherwise everything is as it was before, for the interpreter to start over: the compiled path
   * takes only the common shape and leaves every error, and every rare case, to it.
   */
  private decodeCompiled(plan: MessagePlan): boolean {
    const pos = this.w.pos;
    let end = -1;
    try {
      end = decodeJsonRpcCompiled(this, plan);
    } catch {
      // Whatever went wrong, the interpreter says it properly.
      end = -1;
    }
    if (end === this.b.length) return true;
    compiledDecoding.fallbacks++;
    this.w.pos = pos;
    this.p = 0;
    this.depth = 0;
    if (this.path.length !== 0) this.path.length = 0;
    this.lastRequestId = undefined;
    this.lastRequestMethod = undefined;
    this.lastResponseId = undefined;
    return false;
  }

  override decodeMessageBody(plan: MessagePlan, end: number): void {
    if (++this.depth > MAX_DEPTH)
      this.fail(TranscodeCode.LimitExceeded, `cannot convert: nested deeper than ${MAX_DEPTH}`);
    switch (plan.kind) {
      case "object":
        this.decodeObject(plan, end);
        break;
      case "union":
      case "scalar-union":
      case "raw":
        this.decodeSingle(plan, end);
        break;
    }
    this.depth--;
  }

  /** Unions, scalar unions and raw messages hold exactly one field, and their JSON is its value. */
  private decodeSingle(plan: MessagePlan, end: number): void {
    if (this.p >= end) this.fail(TranscodeCode.InvalidValue, `cannot convert ${plan.name}: no member is set`);
    const tag = this.varint();
    const no = tag >>> 3;
    const wireType = tag & 7;
    if (plan.kind === "raw" && no === 1 && wireType === WIRE_LEN) this.copyJson(this.length());
    else if (plan.kind === "scalar-union" && no === 1 && wireType === WIRE_LEN)
      this.writeString(this.length());
    else if (plan.kind === "scalar-union" && no === 2 && wireType === WIRE_VARINT) this.writeVarintText();
    else if (plan.kind === "union" && fieldByNumber(plan, no) !== undefined && wireType === WIRE_LEN) {
      const n = this.length();
      this.decodeMessageBody(fieldByNumber(plan, no)!.message!, this.p + n);
    } else
      this.fail(
        TranscodeCode.InvalidValue,
        `cannot convert ${plan.name}: field ${no} (wire type ${wireType}) is not one of its members`,
      );
    if (this.p !== end)
      this.fail(TranscodeCode.InvalidValue, `cannot convert ${plan.name}: more than one member is set`);
  }

  private decodeObject(plan: MessagePlan, end: number): void {
    const w = this.w;
    const objectStart = this.p;
    const outStart = w.pos;
    w.byte(0x7b);
    let first = true;
    let seen = 0;
    let listBits = 0;
    let lists: Set<number> | undefined;
    // Keys written so far, so that none is written twice: the fields' (and additional entries
    // under their keys) by `keyBit`, other additional keys by name.
    let keys = 0;
    let slots: Set<number> | undefined;
    let unknown: string[] | undefined;
    let id: IdKey | undefined;
    let method: string | undefined;
    while (this.p < end) {
      const tag = this.varint();
      const f = fieldByNumber(plan, tag >>> 3);
      if (f === undefined) {
        this.fail(TranscodeCode.InvalidValue, `cannot convert ${plan.name}: it has no field ${tag >>> 3}`);
      }
      if (!first) w.byte(0x2c);
      first = false;
      if (f.isAdditional) {
        // An empty list or map travels as an additional entry under its own key: it counts as present.
        const entryStart = this.p;
        const defined = this.decodeAdditional(plan, tag);
        if (defined !== undefined) {
          if ((keys & defined.keyBit) !== 0 || (defined.keyBit === 0 && slots?.has(defined.keySlot)))
            this.twice(plan, defined.key, entryStart);
          if (defined.keyBit !== 0) keys |= defined.keyBit;
          else {
            slots ??= new Set();
            slots.add(defined.keySlot);
          }
          seen |= defined.requiredBit;
        } else {
          const key = this.b.utf8Slice(this.additionalKeyStart, this.additionalKeyEnd);
          if (unknown === undefined) unknown = [key];
          else if (unknown.includes(key))
            this.twice(plan, key, entryStart, "is in additional_properties twice");
          else unknown.push(key);
        }
        continue;
      }
      if (f.repeated || f.map !== undefined) {
        // JSON has one place for a list; elements split across the message would become two keys.
        // Seen lists by field number: a bit each for the low numbers every message uses, a Set past them.
        const no = tag >>> 3;
        const bit = no < 31 ? 1 << no : 0;
        if ((listBits & bit) !== 0 || (bit === 0 && lists?.has(no) === true))
          this.fail(
            TranscodeCode.InvalidValue,
            `cannot convert ${plan.name}.${f.key}: its elements are not contiguous`,
          );
        if (bit !== 0) listBits |= bit;
        else {
          lists ??= new Set();
          lists.add(no);
        }
      }
      if ((keys & f.keyBit) !== 0 || (f.keyBit === 0 && slots?.has(f.keySlot)))
        this.twice(plan, f.key, this.p);
      if (f.keyBit !== 0) keys |= f.keyBit;
      else {
        slots ??= new Set();
        slots.add(f.keySlot);
      }
      seen |= f.requiredBit;
      w.raw(f.keyJson);
      this.path.push(f.key);
      const valueStart = w.pos;
      if (f.repeated) this.decodeList(f, tag, end);
      else if (f.map !== undefined) this.decodeMap(f, tag, end);
      else this.decodeValue(f, tag & 7);
      if (plan.envelope !== undefined) {
        if (f.key === "id") id = idKeyAt(w.buf, valueStart, w.pos);
        else if (f.key === "method") {
          method =
            methodAt(plan, w.buf, valueStart + 1, w.pos - 1) ??
            (JSON.parse(w.buf.utf8Slice(valueStart, w.pos)) as string);
        }
      }
      this.path.pop();
    }
    if (this.p !== end) this.truncated();
    // A constant's field marks its place. A producer that left out one the revision requires gets it
    // first, where the spec puts it; one the revision does not require stays out. Rare: typed
    // producers only, so it is done by moving the object's bytes rather than by a look-ahead.
    const requiredMask = plan.requiredMask[this.settings.revision];
    for (let i = plan.consts.length - 1; i >= 0; i--) {
      const c = plan.consts[i]!;
      if ((c.requiredBit & requiredMask) === 0 || (seen & c.requiredBit) !== 0) continue;
      w.insert(outStart + 1, c.keyJson, c.constJson!, first ? undefined : 0x2c);
      first = false;
      seen |= c.requiredBit;
    }
    for (const f of plan.alwaysRequiredLists) {
      if ((seen & f.requiredBit) !== 0) continue;
      if (!first) w.byte(0x2c);
      first = false;
      w.raw(f.keyJson);
      w.raw(EMPTY_LIST);
      seen |= f.requiredBit;
    }
    if (plan.envelope === "request" && id !== undefined && method !== undefined) {
      this.lastRequestId = id;
      this.lastRequestMethod = method;
    } else if (plan.envelope === "response" && id !== undefined) this.lastResponseId = id;
    if (this.settings.requireFields) {
      const missing = missingRequired(plan, this.settings.revision, seen);
      if (missing !== undefined) this.fail(TranscodeCode.InvalidValue, missing, objectStart);
    }
    w.byte(0x7d);
  }

  /** The key of the last additional entry decoded, in `b[additionalKeyStart, additionalKeyEnd)`. */
  additionalKeyStart = 0;
  additionalKeyEnd = 0;

  /**
   * Writes an additional entry as `"key":value`; returns the field of `plan` whose key it is, if
   * any (its key is in `b[additionalKeyStart, additionalKeyEnd)`). An entry may hold a property
   * the message defines only where its field cannot: an empty list or map (which leave no field on
   * the wire), or a property of another revision. Anything else there would be a second key of
   * that name, which a JSON parser downstream takes instead of the field: refused.
   */
  decodeAdditional(plan: MessagePlan, tag: number): FieldPlan | undefined {
    if ((tag & 7) !== WIRE_LEN)
      this.fail(TranscodeCode.MalformedBinary, "cannot read protobuf: bad additional property");
    const entryStart = this.p;
    const entryEndLength = this.length();
    const entryEnd = this.p + entryEndLength;
    const [keyStart, keyEnd, valueTag, valueStart] = this.entryParts(entryEnd);
    if (valueTag !== 0x12)
      this.fail(TranscodeCode.InvalidValue, "cannot convert an additional property: it has no JSON value");
    const defined =
      fieldByKey(plan, this.b, keyStart, keyEnd) ??
      (plan.oneofKeyBytes !== undefined && this.bytesAre(keyStart, keyEnd, plan.oneofKeyBytes)
        ? plan.oneofMembers[0]
        : undefined);
    this.writeStringAt(keyStart, keyEnd);
    this.w.byte(0x3a);
    this.p = valueStart;
    const valueLength = this.length();
    if (defined !== undefined && !this.mayHold(defined, this.p, this.p + valueLength))
      this.twice(plan, defined.key, entryStart, "is in additional_properties, but the message defines it");
    this.copyJson(valueLength);
    this.p = entryEnd;
    this.additionalKeyStart = keyStart;
    this.additionalKeyEnd = keyEnd;
    return defined;
  }

  private bytesAre(start: number, end: number, bytes: Uint8Array): boolean {
    if (end - start !== bytes.length) return false;
    for (let i = 0; i < bytes.length; i++) if (this.b[start + i] !== bytes[i]) return false;
    return true;
  }

  /** Whether an additional entry may hold the JSON text in `b[start, end)` under `f`'s key. */
  private mayHold(f: FieldPlan, start: number, end: number): boolean {
    if (f.definedIn !== undefined && !f.definedIn.includes(this.settings.revision)) return true;
    if (f.repeated) return isEmpty(this.b, start, end, 0x5b, 0x5d);
    if (f.map !== undefined) return isEmpty(this.b, start, end, 0x7b, 0x7d);
    return false;
  }

  /** Refuses a key written twice in one object: at `$.…key`, `at` where the second one starts. */
  twice(plan: MessagePlan, key: string, at: number, reason = "is set twice"): never {
    this.path.push(key);
    return this.fail(
      TranscodeCode.DuplicateKey,
      `cannot convert ${plan.name}: '${key}' ${reason} (a JSON object holds a key once)`,
      at,
    );
  }
}

/** Whether `b[start, end)` is `open`, `close` and JSON whitespace only: an empty list or object. */
function isEmpty(b: Uint8Array, start: number, end: number, open: number, close: number): boolean {
  let i = start;
  while (i < end && isSpace(b[i]!)) i++;
  if (b[i++] !== open) return false;
  while (i < end && isSpace(b[i]!)) i++;
  if (b[i++] !== close) return false;
  while (i < end && isSpace(b[i]!)) i++;
  return i === end;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
