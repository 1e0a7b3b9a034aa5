/**
 * JSON's scalar values written as protobuf fields, for `JsonToBinary`: strings (escapes decoded
 * straight into UTF-8, long ones natively), integers and constants, the type errors their fields
 * raise, and the input's one UTF-8 check.
 */
import { isUtf8 } from "node:buffer";
import { ByteWriter } from "./byte-writer.js";
import { TranscodeCode, TranscodeError } from "./errors.js";
import { JsonScanner, STRING_STOP } from "./json-scanner.js";
import { ASCII_STOP } from "./json-tokens.js";
import type { FieldPlan, MessagePlan } from "./plan.js";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** The byte each one-character escape stands for (`\n` is 0x0a); `\u` is decoded apart. */
const UNESCAPE = new Uint8Array(128);
for (const [letter, byte] of [
  ['"', 0x22],
  ["\\", 0x5c],
  ["/", 0x2f],
  ["b", 8],
  ["f", 0x0c],
  ["n", 0x0a],
  ["r", 0x0d],
  ["t", 9],
] as const) {
  UNESCAPE[letter.charCodeAt(0)] = byte;
}

const HEX = new Int8Array(256).fill(-1);
for (let c = 0; c < 16; c++)
  HEX[c.toString(16).charCodeAt(0)] = HEX[c.toString(16).toUpperCase().charCodeAt(0)] = c;

/** The value of four hex digits at `b[i]`, or -1 if they are not four hex digits. */
function hex4Checked(b: Uint8Array, i: number): number {
  const a = HEX[b[i]!]!;
  const c = HEX[b[i + 1]!]!;
  const d = HEX[b[i + 2]!]!;
  const e = HEX[b[i + 3]!]!;
  return (a | c | d | e) < 0 ? -1 : (a << 12) | (c << 8) | (d << 4) | e;
}

/** Writes code point `code` as UTF-8 at `out[o]`; returns the index after it. */
function writeUtf8(out: Uint8Array, o: number, code: number): number {
  if (code < 0x80) out[o++] = code;
  else if (code < 0x800) {
    out[o++] = 0xc0 | (code >> 6);
    out[o++] = 0x80 | (code & 0x3f);
  } else if (code < 0x10000) {
    out[o++] = 0xe0 | (code >> 12);
    out[o++] = 0x80 | ((code >> 6) & 0x3f);
    out[o++] = 0x80 | (code & 0x3f);
  } else {
    out[o++] = 0xf0 | (code >> 18);
    out[o++] = 0x80 | ((code >> 12) & 0x3f);
    out[o++] = 0x80 | ((code >> 6) & 0x3f);
    out[o++] = 0x80 | (code & 0x3f);
  }
  return o;
}

/** A scanner that writes the scalar values it reads into `w`. */
export class JsonValueWriter extends JsonScanner {
  readonly w = new ByteWriter();

  /** Names a field for an error message (built only when there is an error). */
  where(owner: MessagePlan, f: FieldPlan | undefined): string {
    return f === undefined || f.key === "" ? owner.name : `${owner.name}.${f.key}`;
  }

  typeError(where: string, expected: string): never {
    const c = this.peek();
    const got =
      c === QUOTE
        ? "a string"
        : c === 0x7b
          ? "an object"
          : c === 0x5b
            ? "an array"
            : c === 0x6e
              ? "null"
              : c === 0x74 || c === 0x66
                ? "a boolean"
                : "a number";
    return this.fail(TranscodeCode.InvalidValue, `cannot convert ${where}: expected ${expected}, got ${got}`);
  }

  /** Writes a string value (at `p`) as a length-delimited field with tag byte(s) `tag`. */
  writeString(tag: number | Uint8Array): void {
    const start = this.p;
    if (this.writeLongString(tag)) return;
    const b = this.b;
    let i = start + 1;
    while (STRING_STOP[b[i]!] === 0) i++;
    if (i >= this.end || b[i] !== QUOTE) return this.writeEscaped(tag, start, i);
    const w = this.w;
    if (typeof tag === "number") w.byte(tag);
    else w.raw(tag);
    w.varint(i - start - 1);
    w.copy(b, start + 1, i);
    this.escaped = false;
    this.p = i + 1;
  }

  /**
   * Writes the string at `start` whose first escape or byte past ASCII is at `i`: its plain start
   * natively, the rest checked, unescaped and written in one pass (scanning it first, then
   * unescaping it, crossed it twice: a fifth of a source-code text's encode). Escapes are decoded
   * straight into the output, with no JS string in between. On anything wrong it hands over to
   * `scanString`, so that errors are the ones it reports, in the order it finds them.
   */
  private writeEscaped(tag: number | Uint8Array, start: number, i: number): void {
    const b = this.b;
    const end = this.end;
    const w = this.w;
    if (typeof tag === "number") w.byte(tag);
    else w.raw(tag);
    // What is left of the input bounds the string's UTF-8: no escape decodes to more bytes.
    const at = w.beginLength(end - start);
    w.copy(b, start + 1, i);
    w.ensure(end - i);
    const out = w.buf;
    let o = w.pos;
    let escaped = false;
    // Stops at the quote, the backslash and control bytes; at bytes past ASCII only until the first.
    let stop = STRING_STOP;
    for (;;) {
      // The run of plain bytes up to the next escape, copied as it is crossed. No bound check in
      // it: past the buffer a read is undefined, which stops it; past `end`, the check below fails.
      let c = b[i]!;
      while (stop[c] === 0) {
        out[o++] = c;
        c = b[++i]!;
      }
      if (i >= end) return this.refuseString(start);
      if (c === QUOTE) break;
      if (c !== BACKSLASH) {
        if (c < 0x20) return this.refuseString(start);
        this.nonAscii = true;
        stop = ASCII_STOP;
        out[o++] = c;
        i++;
        continue;
      }
      escaped = true;
      const e = b[i + 1]!;
      if (e !== 0x75) {
        const u = UNESCAPE[e];
        if (u === undefined || u === 0 || i + 2 > end) return this.refuseString(start);
        out[o++] = u;
        i += 2;
        continue;
      }
      let code = i + 6 <= end ? hex4Checked(b, i + 2) : -1;
      if (code < 0) return this.refuseString(start);
      i += 6;
      if (code >= 0xd800 && code <= 0xdfff) {
        const low =
          code <= 0xdbff && b[i] === BACKSLASH && b[i + 1] === 0x75 && i + 6 <= end
            ? hex4Checked(b, i + 2)
            : -1;
        if (low < 0xdc00 || low > 0xdfff) return this.refuseString(start);
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i += 6;
      }
      o = writeUtf8(out, o, code);
    }
    w.pos = o;
    w.endLength(at);
    this.escaped = escaped;
    this.p = i + 1;
  }

  /** Refuses the string at `start`: with `scanString`'s error if it has one, else a lone surrogate. */
  private refuseString(start: number): never {
    this.p = start;
    this.scanString();
    return this.fail(
      TranscodeCode.InvalidValue,
      "cannot convert string: it holds a lone surrogate, which UTF-8 cannot carry",
      start,
    );
  }

  /**
   * Writes a long string natively (`latin1StringValue`), or returns false to leave it to the byte
   * loops. The input's UTF-8 is checked once for the whole message (`nonAscii`).
   */
  private writeLongString(tag: number | Uint8Array): boolean {
    const start = this.p;
    const close = this.longStringClose(start, start + 1);
    if (close < 0) return false;
    const value = this.latin1StringValue(start, close, true);
    if (value === undefined) return false;
    const w = this.w;
    if (typeof tag === "number") w.byte(tag);
    else w.raw(tag);
    w.varint(value.length);
    w.ensure(value.length);
    w.pos += w.buf.latin1Write(value, w.pos);
    this.nonAscii = true;
    this.escaped = close - start - 1 !== value.length;
    this.p = close + 1;
    return true;
  }

  writeInteger(owner: MessagePlan, f: FieldPlan | undefined): void {
    const start = this.p;
    const end = this.scanNumber();
    if (this.integer && end - start < 16) {
      this.w.varint(this.numberValue(start, end));
      return;
    }
    const text = this.b.latin1Slice(start, end);
    // Exactly, from the digits: `9007199254740993.0` is an integer (JSON Schema's too), which
    // `Number` would round to 9007199254740992.
    const big = this.integer ? BigInt(text) : exactInteger(text);
    if (big === undefined)
      this.fail(
        TranscodeCode.InvalidValue,
        `cannot convert ${this.where(owner, f)}: expected an integer, got ${text}`,
        start,
      );
    if (big === null || big < -(2n ** 63n) || big >= 2n ** 63n)
      this.fail(
        TranscodeCode.InvalidValue,
        `cannot convert ${this.where(owner, f)}: ${text} is out of the int64 range`,
        start,
      );
    this.w.varint64(big);
  }

  /** Writes the value of a constant's field `f` (at `p`), refusing any other value. */
  protected encodeConst(f: FieldPlan, owner: MessagePlan): void {
    const c = this.peek();
    const start = this.p;
    // The common case: the constant written as its own JSON text, byte for byte.
    const constJson = f.constJson!;
    if (c === QUOTE && this.spanEquals(start, constJson)) {
      this.p = start + constJson.length;
      this.w.raw(f.tag);
      this.w.varint(constJson.length - 2);
      this.w.copy(this.b, start + 1, this.p - 1);
      return;
    }
    let value: string | number;
    if (c === QUOTE) value = this.stringValue(start, this.scanString());
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) value = this.numberValue(start, this.scanNumber());
    else return this.typeError(this.where(owner, f), JSON.stringify(f.constValue));
    if (value !== f.constValue) {
      this.fail(
        TranscodeCode.InvalidValue,
        `cannot convert ${this.where(owner, f)}: expected ${JSON.stringify(f.constValue)}, got ${JSON.stringify(value)}`,
        start,
      );
    }
    this.w.raw(f.tag);
    if (typeof value === "number") this.w.varint(value);
    else {
      this.w.varint(Buffer.byteLength(value));
      this.w.utf8(value);
    }
  }

  /** True when the input at `start` reads `bytes`. */
  spanEquals(start: number, bytes: Uint8Array): boolean {
    const b = this.b;
    if (start + bytes.length > this.end) return false;
    for (let i = 0; i < bytes.length; i++) if (b[start + i] !== bytes[i]) return false;
    return true;
  }

  /** The value of the JSON string in `[start, end)`, quotes included. */
  textOf(start: number, end: number): string {
    const b = this.b;
    for (let i = start + 1; i < end - 1; i++) {
      if (b[i] === 0x5c) return JSON.parse(b.utf8Slice(start, end)) as string;
    }
    return b.utf8Slice(start + 1, end - 1);
  }

  /** Refuses the input unless it is UTF-8; looked at only when `needed` (see `nonAscii`). */
  protected checkUtf8(needed: boolean): void {
    if (needed && !isUtf8(this.b)) {
      throw new TranscodeError(
        TranscodeCode.MalformedJson,
        "cannot read JSON: the input is not UTF-8",
        "$",
        0,
      );
    }
  }
}

/**
 * The integer a JSON number with a fraction or an exponent stands for (`1.0`, `1e2`, `15e-1` is
 * not one): undefined when it is not an integer, null when it is one far past int64.
 */
export function exactInteger(text: string): bigint | undefined | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (m === null) return undefined;
  const fraction = m[3] ?? "";
  let digits = (m[2]! + fraction).replace(/^0+/, "");
  if (digits === "") return 0n;
  let exponent = Number(m[4] ?? "0") - fraction.length;
  const zeros = digits.length - digits.replace(/0+$/, "").length;
  digits = digits.slice(0, digits.length - zeros);
  exponent += zeros;
  if (exponent < 0) return undefined;
  // Past 20 digits it is past int64 (and 10n ** a huge exponent is not worth making).
  if (digits.length + exponent > 20) return null;
  const value = BigInt(digits) * 10n ** BigInt(exponent);
  return m[1] === "-" ? -value : value;
}
