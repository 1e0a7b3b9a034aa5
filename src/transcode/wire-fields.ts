/**
 * A field's values read off the wire and written as JSON text, for `BinaryToJson`: one value by its
 * kind (bytes as base64, enums by name, constants checked), a list's elements, packed or not, and a
 * map's entries.
 */
import { writeBase64 } from "./base64.js";
import { TranscodeCode } from "./errors.js";
import { type FieldPlan, Kind, type MessagePlan, WIRE_LEN, WIRE_VARINT } from "./plan.js";
import { WireValueReader } from "./wire-values.js";

const utf8 = new TextEncoder();
const TRUE = utf8.encode("true");
const FALSE = utf8.encode("false");

/** A wire reader that writes the values of one field as JSON; `BinaryToJson` writes the messages. */
export abstract class WireFieldReader extends WireValueReader {
  /** Writes the message in `[p, end)` as a JSON value. */
  abstract decodeMessageBody(plan: MessagePlan, end: number): void;

  private sameTagNext(tag: number, end: number): boolean {
    if (this.p >= end) return false;
    const start = this.p;
    if (this.varint() === tag) return true;
    this.p = start;
    return false;
  }

  decodeList(f: FieldPlan, tag: number, end: number): void {
    const w = this.w;
    w.byte(0x5b);
    const packable = f.wireType !== WIRE_LEN;
    let i = 0;
    do {
      if (packable && (tag & 7) === WIRE_LEN) {
        const packedEndLength = this.length();
        const packedEnd = this.p + packedEndLength;
        while (this.p < packedEnd) {
          if (i > 0) w.byte(0x2c);
          this.path.push(i++);
          this.decodeValue(f, f.wireType);
          this.path.pop();
        }
      } else {
        if (i > 0) w.byte(0x2c);
        this.path.push(i++);
        this.decodeValue(f, tag & 7);
        this.path.pop();
      }
    } while (this.sameTagNext(tag, end));
    w.byte(0x5d);
  }

  decodeMap(f: FieldPlan, tag: number, end: number): void {
    const w = this.w;
    w.byte(0x7b);
    let first = true;
    do {
      if ((tag & 7) !== WIRE_LEN) this.wrongWireType(f, tag & 7);
      const entryEndLength = this.length();
      const entryEnd = this.p + entryEndLength;
      if (!first) w.byte(0x2c);
      first = false;
      const [keyStart, keyEnd, valueTag, valueStart] = this.entryParts(entryEnd);
      this.writeStringAt(keyStart, keyEnd);
      w.byte(0x3a);
      if (valueTag === -1)
        this.fail(TranscodeCode.InvalidValue, `cannot convert ${f.key}: a map entry has no value`);
      this.p = valueStart;
      this.decodeValue(f.map!, valueTag & 7);
      this.p = entryEnd;
    } while (this.sameTagNext(tag, end));
    w.byte(0x7d);
  }

  /** Finds a map entry's key (field 1, a string) and value (field 2) in `[p, entryEnd)`. */
  protected entryParts(entryEnd: number): [number, number, number, number] {
    let keyStart = 0;
    let keyEnd = 0;
    let valueTag = -1;
    let valueStart = 0;
    while (this.p < entryEnd) {
      const tag = this.varint();
      if (tag === 0x0a) {
        const n = this.length();
        keyStart = this.p;
        keyEnd = this.p + n;
        this.p = keyEnd;
      } else if (tag >>> 3 === 2) {
        valueTag = tag;
        valueStart = this.p;
        this.skip(tag & 7);
      } else this.skip(tag & 7);
    }
    if (this.p !== entryEnd) this.truncated();
    return [keyStart, keyEnd, valueTag, valueStart];
  }

  private wrongWireType(f: FieldPlan, wireType: number): never {
    return this.fail(
      TranscodeCode.MalformedBinary,
      `cannot read protobuf: field ${f.key} has wire type ${wireType}`,
    );
  }

  decodeValue(f: FieldPlan, wireType: number): void {
    const w = this.w;
    const expected = f.kind === Kind.Const ? wireType : f.wireType;
    if (wireType !== expected) this.wrongWireType(f, wireType);
    switch (f.kind) {
      case Kind.String:
        return this.writeString(this.length());
      case Kind.Bytes: {
        const n = this.length();
        w.byte(0x22);
        writeBase64(w, this.b, this.p, this.p + n);
        w.byte(0x22);
        this.p += n;
        return;
      }
      case Kind.Int64:
        return this.writeVarintText();
      case Kind.Double: {
        if (this.p + 8 > this.b.length) this.truncated();
        const v = this.b.readDoubleLE(this.p);
        this.p += 8;
        if (!Number.isFinite(v))
          this.fail(TranscodeCode.InvalidValue, `cannot convert ${f.key}: ${v} is not a JSON number`);
        return w.ascii(String(v));
      }
      case Kind.Bool:
        return w.raw(this.varint() !== 0 ? TRUE : FALSE);
      case Kind.Enum: {
        const n = this.varint();
        const name = f.enumNames![n];
        if (name === undefined)
          this.fail(TranscodeCode.InvalidValue, `cannot convert ${f.key}: ${n} is not a known value`);
        w.byte(0x22);
        w.ascii(name);
        return w.byte(0x22);
      }
      case Kind.Message: {
        const n = this.length();
        return this.decodeMessageBody(f.message!, this.p + n);
      }
      case Kind.Raw:
        return this.copyJson(this.length());
      case Kind.Const: {
        if (wireType === WIRE_LEN) {
          const n = this.length();
          const valueStart = this.p;
          this.p += n;
          if (n > 0 && !this.isConstText(f, valueStart, n)) this.badConst(f);
        } else if (wireType === WIRE_VARINT) {
          const v = this.varint64Text();
          if (v !== "0" && Number(v) !== f.constValue) this.badConst(f);
        } else this.wrongWireType(f, wireType);
        return w.raw(f.constJson!);
      }
    }
  }

  /**
   * Whether the `n` bytes at `start` are the text of `f`'s string constant: compared with the bytes
   * of its JSON text first (no string made per message), by value where that text has escapes.
   */
  private isConstText(f: FieldPlan, start: number, n: number): boolean {
    const constJson = f.constJson!;
    const b = this.b;
    if (n === constJson.length - 2) {
      let i = 0;
      while (i < n && b[start + i] === constJson[i + 1]) i++;
      if (i === n) return true;
    }
    return b.utf8Slice(start, start + n) === f.constValue;
  }

  private badConst(f: FieldPlan): never {
    return this.fail(
      TranscodeCode.InvalidValue,
      `cannot convert ${f.key}: it must be ${JSON.stringify(f.constValue)}`,
    );
  }
}
