/**
 * JSON text to protobuf binary, in one pass over the bytes: each property is written as its field
 * the moment it is read, in the JSON's own key order, so the order survives without being stored.
 * Values the schema leaves open (`_meta`, `inputSchema`, `arguments`) are checked and copied as spans.
 */
import type { McpRevision } from "../schema/index.js";
import { TranscodeCode, TranscodeError } from "./errors.js";
import { MAX_DEPTH } from "./json-scanner.js";
import { COMPACT_MAX_DEPTH, compactJsonEnd, compactScan } from "./compact-json.js";
import { encodeUnion } from "./json-unions.js";
import { JsonPropertyWriter } from "./json-properties.js";
import { type IdKey, idKeyAt } from "./ids.js";
import { type FieldPlan, fieldByKey, Kind, type MessagePlan, methodAt, missingRequired } from "./plan.js";
import { writeBase64Field } from "./base64.js";
import { compiledEncoding, encodeJsonRpcCompiled } from "./compiled-encoder.js";
import {
  alternateNamedBy,
  alternateResult,
  answeredMethod,
  hasAlternateResults,
  methodOf,
} from "./choose.js";

const QUOTE = 0x22;

/** Options of one conversion. */
export interface EncodeSettings {
  revision: McpRevision;
  /** Refuse objects that lack a property the revision requires. */
  requireFields: boolean;
}

export class JsonToBinary extends JsonPropertyWriter {
  override depth = 0;
  /**
   * Whether objects must hold every property the revision requires: the setting, or true while a
   * permissive conversion tries the members of a union strictly first.
   */
  requireFields: boolean;
  /** Resolves the method a response answers, from its id (set by the JSON-RPC layer). */
  resultMethod: ((id: IdKey) => string | undefined) | undefined;
  /** The id and method of the last request encoded, for the JSON-RPC layer to track. */
  lastRequestId: IdKey | undefined;
  lastRequestMethod: string | undefined;
  /** The id of the last response encoded. */
  lastResponseId: IdKey | undefined;

  constructor(
    b: Buffer,
    readonly settings: EncodeSettings,
  ) {
    super(b, 0, b.length);
    this.requireFields = settings.requireFields;
  }

  /** Starts over on new input, so that one encoder serves a whole connection. */
  reset(b: Buffer): void {
    this.b = b;
    this.p = 0;
    this.end = b.length;
    this.nonAscii = false;
    if (this.path.length !== 0) this.path.length = 0;
    this.depth = 0;
    this.lastRequestId = undefined;
    this.lastRequestMethod = undefined;
    this.lastResponseId = undefined;
  }

  /**
   * Converts the whole input. Unless `utf8Known`, the input is checked to be UTF-8 — only when a
   * string held a byte past ASCII, and before any other error is reported.
   */
  encodeRoot(plan: MessagePlan, utf8Known = false): Uint8Array {
    this.w.begin(this.end + 64);
    try {
      if (!(plan.isJsonRpcMessage && compiledEncoding.enabled && this.encodeCompiled(plan)))
        this.encodeMessageBody(plan);
      this.ws();
      if (this.p !== this.end) this.syntax("the end of the input");
    } catch (error) {
      if (!utf8Known && error instanceof TranscodeError) this.checkUtf8(true);
      throw error;
    }
    if (!utf8Known) this.checkUtf8(this.nonAscii);
    return this.w.finish();
  }

  /**
   * Converts the whole message by the compiled path (`compiled-encoder.ts`); true when it did. Otherwise
   * everything is as it was before, for the interpreter to start over: the compiled path takes
   * only the common shape and leaves every error, and every rare case, to it.
   */
  private encodeCompiled(plan: MessagePlan): boolean {
    const pos = this.w.pos;
    let end = -1;
    try {
      this.ws();
      end = encodeJsonRpcCompiled(this, plan, this.p);
    } catch {
      // Whatever went wrong, the interpreter says it properly.
      end = -1;
    }
    if (end >= 0) {
      this.p = end;
      this.ws();
      if (this.p === this.end) return true;
    }
    compiledEncoding.fallbacks++;
    this.w.pos = pos;
    this.p = 0;
    this.nonAscii = false;
    this.escaped = false;
    this.depth = 0;
    if (this.path.length !== 0) this.path.length = 0;
    this.lastRequestId = undefined;
    this.lastRequestMethod = undefined;
    this.lastResponseId = undefined;
    return false;
  }

  encodeMessageBody(plan: MessagePlan): void {
    switch (plan.kind) {
      case "object":
        return this.encodeObject(plan);
      case "union":
        return encodeUnion(this, plan);
      case "raw": {
        this.ws();
        const start = this.p;
        this.skipValue(this.depth);
        this.w.byte(0x0a);
        this.w.varint(this.p - start);
        this.w.copy(this.b, start, this.p);
        return;
      }
      case "scalar-union": {
        const c = this.peek();
        if (c === QUOTE) return this.writeString(0x0a);
        if (c !== 0x2d && (c < 0x30 || c > 0x39)) this.typeError(plan.name, "a string or an integer");
        this.w.byte(0x10);
        return this.writeInteger(plan, undefined);
      }
    }
  }

  /** Writes one value (at `p`) of field `f`, with its tag. */
  override encodeField(f: FieldPlan, owner: MessagePlan): void {
    const c = this.peek();
    switch (f.kind) {
      case Kind.String:
        if (c !== QUOTE) this.typeError(this.where(owner, f), "a string");
        return this.writeString(f.tag);
      case Kind.Bytes:
        if (c !== QUOTE) this.typeError(this.where(owner, f), "a base64 string");
        return writeBase64Field(this, f);
      case Kind.Int64:
        if (c !== 0x2d && (c < 0x30 || c > 0x39)) this.typeError(this.where(owner, f), "an integer");
        this.w.raw(f.tag);
        return this.writeInteger(owner, f);
      case Kind.Double: {
        if (c !== 0x2d && (c < 0x30 || c > 0x39)) this.typeError(this.where(owner, f), "a number");
        const start = this.p;
        const end = this.scanNumber();
        this.w.raw(f.tag);
        return this.w.double(this.numberValue(start, end));
      }
      case Kind.Bool: {
        if (c !== 0x74 && c !== 0x66) this.typeError(this.where(owner, f), "a boolean");
        this.w.raw(f.tag);
        return this.w.byte(this.literal() === "true" ? 1 : 0);
      }
      case Kind.Enum: {
        if (c !== QUOTE) this.typeError(this.where(owner, f), "a string");
        const start = this.p;
        const value = this.stringValue(start, this.scanString());
        const n = f.enumNumbers!.get(value);
        if (n === undefined) {
          this.fail(
            TranscodeCode.InvalidValue,
            `cannot convert ${this.where(owner, f)}: '${value}' is not one of ${[...f.enumNumbers!.keys()].join(", ")}`,
            start,
          );
        }
        this.w.raw(f.tag);
        return this.w.varint(n);
      }
      case Kind.Message: {
        if (f.message!.kind === "object" && c !== 0x7b) this.typeError(this.where(owner, f), "an object");
        this.w.raw(f.tag);
        const start = this.w.beginLength(this.end - this.p);
        if (++this.depth > MAX_DEPTH)
          this.fail(TranscodeCode.LimitExceeded, `cannot convert: nested deeper than ${MAX_DEPTH}`);
        this.encodeMessageBody(f.message!);
        this.depth--;
        return this.w.endLength(start);
      }
      case Kind.Raw: {
        const start = this.p;
        const compactEnd = this.depth <= MAX_DEPTH - COMPACT_MAX_DEPTH ? compactJsonEnd(this.b, start) : -1;
        if (compactEnd >= 0 && compactEnd <= this.end) {
          this.p = compactEnd;
          if (compactScan.nonAscii) this.nonAscii = true;
        } else this.skipValue(this.depth);
        this.w.raw(f.tag);
        this.w.varint(this.p - start);
        return this.w.copy(this.b, start, this.p);
      }
      case Kind.Const:
        return this.encodeConst(f, owner);
    }
  }

  encodeObject(plan: MessagePlan): void {
    if (this.peek() !== 0x7b) this.typeError(plan.name, "an object");
    const objectStart = this.p;
    this.p++;
    let seen = 0;
    // Keys read so far: a key twice in one object is refused (parsers differ in which one they
    // keep, and a second key must not reach one downstream behind the first). The fields' by
    // `keyBit`, others by name.
    let keys = 0;
    let slots: Set<number> | undefined;
    let unknown: Set<string> | undefined;
    let method: string | undefined;
    let id: IdKey | undefined;
    if (this.peek() === 0x7d) this.p++;
    else {
      for (;;) {
        if (this.peek() !== QUOTE) this.syntax("a property name");
        const keyStart = this.p;
        const keyClose = this.scanKey();
        const keyEscaped = this.escaped;
        const escapedKey = keyEscaped ? this.stringValue(keyStart, keyClose) : undefined;
        // An escaped key is looked up by its value; the oneof's key is typed below either way.
        let f =
          escapedKey !== undefined
            ? plan.fields.find(
                (x) =>
                  !x.isAdditional &&
                  x.key === escapedKey &&
                  x.textOf === undefined &&
                  !plan.oneofMembers.includes(x),
              )
            : fieldByKey(plan, this.b, keyStart + 1, keyClose);
        this.expect(0x3a, "':'");
        this.ws();
        let answered: string | undefined;
        if (
          f === undefined &&
          plan.oneofKeyBytes !== undefined &&
          (escapedKey !== undefined
            ? escapedKey === plan.oneofKey
            : this.keyEquals(keyStart, keyClose, plan.oneofKeyBytes))
        ) {
          if (plan.oneofKey === "params") f = this.paramsMember(plan, objectStart, method);
          else {
            answered = answeredMethod(this, objectStart, id);
            f = (answered === undefined ? undefined : plan.oneofByMethod.get(answered)) ?? plan.oneofRaw;
          }
        }
        if (this.depth === this.watchDepth && this.alternateSeen === undefined)
          this.alternateSeen = alternateNamedBy(this, keyStart, keyClose, this.watchPrimary!);
        const key = f?.key ?? escapedKey ?? this.stringValue(keyStart, keyClose);
        this.path.push(key);
        const slotOf = f ?? (key === plan.oneofKey ? plan.oneofMembers[0] : undefined);
        if (slotOf !== undefined) {
          if ((keys & slotOf.keyBit) !== 0 || (slotOf.keyBit === 0 && slots?.has(slotOf.keySlot)))
            this.twice(plan, key, keyStart);
          if (slotOf.keyBit !== 0) keys |= slotOf.keyBit;
          else {
            slots ??= new Set();
            slots.add(slotOf.keySlot);
          }
        } else if (unknown?.has(key)) this.twice(plan, key, keyStart);
        else {
          unknown ??= new Set();
          unknown.add(key);
        }
        if (f === undefined) this.writeAdditional(plan, keyStart, keyClose, undefined);
        else {
          const valueStart = this.p;
          if (f.definedIn !== undefined && !f.definedIn.includes(this.settings.revision))
            this.encodeUndefinedHere(f, plan, keyStart, keyClose);
          else if (f.repeated) this.encodeList(f, plan, keyStart, keyClose);
          else if (f.map !== undefined) this.encodeMap(f, plan, keyStart, keyClose);
          else if (answered !== undefined && f !== plan.oneofRaw && hasAlternateResults(answered))
            f = this.encodeResult(f, plan);
          else this.encodeField(f, plan);
          seen |= f.requiredBit;
          if (plan.readsIdAndMethod) {
            if (key === "method" && this.b[valueStart] === QUOTE) {
              method = methodAt(plan, this.b, valueStart + 1, this.p - 1) ?? this.textOf(valueStart, this.p);
            } else if (key === "id") id = idKeyAt(this.b, valueStart, this.p);
          }
        }
        this.path.pop();
        if (this.closes(0x7d)) break;
      }
    }
    if (plan.envelope === "request" && id !== undefined && method !== undefined) {
      this.lastRequestId = id;
      this.lastRequestMethod = method;
    } else if (plan.envelope === "response" && id !== undefined) this.lastResponseId = id;
    if (this.requireFields) {
      const missing = missingRequired(plan, this.settings.revision, seen);
      if (missing !== undefined) this.fail(TranscodeCode.InvalidValue, missing, objectStart);
    }
  }

  /** Refuses a key that the object at hand already has (at `$.…key`, `at` its second place). */
  twice(plan: MessagePlan, key: string, at: number): never {
    return this.fail(
      TranscodeCode.DuplicateKey,
      `cannot convert ${plan.name}: the key '${key}' appears twice (a JSON object holds a key once)`,
      at,
    );
  }

  /** The depth of the result object whose keys may name an alternate result (-1: none watched). */
  private watchDepth = -1;
  private watchPrimary: FieldPlan | undefined;
  /** The alternate result a key of the watched object named, if one did. */
  private alternateSeen: string | undefined;

  /**
   * Writes the `result` of a method whose result may instead be an alternate (a CreateTaskResult,
   * an InputRequiredResult; a key of the result says so, anywhere in it): as the method's own
   * result, watching its keys as it goes, and again as the alternate if a key named one. Looking
   * ahead first would cross the whole result (its `content`) once more for every response.
   * Returns the member written.
   */
  private encodeResult(primary: FieldPlan, plan: MessagePlan): FieldPlan {
    if (primary.message!.kind !== "object") {
      // Only an object's own keys are watched: anything else is looked at first.
      const named = alternateResult(this, primary);
      const member = plan.oneofMembers.find((m) => m.message?.name === named) ?? primary;
      this.encodeField(member, plan);
      return member;
    }
    const p = this.p;
    const pos = this.w.pos;
    const path = this.path.length;
    const depth = this.depth;
    // A result may hold a response of its own (a task's): watches nest.
    const outerDepth = this.watchDepth;
    const outerPrimary = this.watchPrimary;
    const outerSeen = this.alternateSeen;
    this.watchDepth = depth + 1;
    this.watchPrimary = primary;
    this.alternateSeen = undefined;
    let failure: TranscodeError | undefined;
    let named: string | undefined;
    try {
      this.encodeField(primary, plan);
    } catch (error) {
      if (!(error instanceof TranscodeError) || error.code !== TranscodeCode.InvalidValue) throw error;
      failure = error;
    } finally {
      named = this.alternateSeen;
      this.watchDepth = outerDepth;
      this.watchPrimary = outerPrimary;
      this.alternateSeen = outerSeen;
    }
    if (named === undefined && failure === undefined) return primary;
    this.rewind(p, pos, path, depth);
    // The primary failed before it saw every key: one it did not reach may name an alternate.
    named ??= alternateResult(this, primary);
    const member = named === undefined ? undefined : plan.oneofMembers.find((m) => m.message?.name === named);
    if (member === undefined) {
      if (failure !== undefined) throw failure;
      this.encodeField(primary, plan);
      return primary;
    }
    this.encodeField(member, plan);
    return member;
  }

  paramsMember(plan: MessagePlan, objectStart: number, method: string | undefined): FieldPlan | undefined {
    method ??= methodOf(this, objectStart);
    const member = method === undefined ? undefined : plan.oneofByMethod.get(method);
    // Typed params must be an object; anything else travels as JSON text, unchanged.
    return member !== undefined && this.peek() === 0x7b ? member : plan.oneofRaw;
  }
}
