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
        const keyStart = this.decodeAdditional(tag);
        const keyEnd = this.additionalKeyEnd;
        const defined = fieldByKey(plan, this.b, keyStart, keyEnd);
        if (defined !== undefined) seen |= defined.requiredBit;
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

  /** End of the key of the last additional entry decoded. */
  additionalKeyEnd = 0;

  /** Writes an additional entry as `"key":value`; returns where its key starts (`additionalKeyEnd` ends it). */
  decodeAdditional(tag: number): number {
    if ((tag & 7) !== WIRE_LEN)
      this.fail(TranscodeCode.MalformedBinary, "cannot read protobuf: bad additional property");
    const entryEndLength = this.length();
    const entryEnd = this.p + entryEndLength;
    const [keyStart, keyEnd, valueTag, valueStart] = this.entryParts(entryEnd);
    if (valueTag !== 0x12)
      this.fail(TranscodeCode.InvalidValue, "cannot convert an additional property: it has no JSON value");
    this.writeStringAt(keyStart, keyEnd);
    this.w.byte(0x3a);
    this.p = valueStart;
    this.copyJson(this.length());
    this.p = entryEnd;
    this.additionalKeyEnd = keyEnd;
    return keyStart;
  }
}
