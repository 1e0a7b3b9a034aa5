/**
 * Protobuf's wire values read and written as JSON text, for `BinaryToJson`: varints as decimals,
 * strings escaped as `JSON.stringify` escapes them, JSON-text fields checked and copied.
 */
import { isUtf8 } from "node:buffer";
import { ByteWriter } from "./byte-writer.js";
import { formatPath, TranscodeCode, TranscodeError } from "./errors.js";
import { COMPACT_MAX_DEPTH, compactJsonEnd, compactScan } from "./compact-json.js";
import { JsonScanner, MAX_DEPTH } from "./json-scanner.js";
import { WIRE_I64, WIRE_LEN, WIRE_VARINT } from "./plan.js";

const utf8 = new TextEncoder();
/**
 * The letter after the backslash of each byte's short escape (`\n`, `\"`, …), 0 for the control
 * bytes written `\u00XX`: writing an escape then takes no look-up of an array of bytes per byte.
 */
const SHORT_ESCAPE = new Uint8Array(256);
for (const [c, letter] of [
  [8, "b"],
  [9, "t"],
  [10, "n"],
  [12, "f"],
  [13, "r"],
  [34, '"'],
  [92, "\\"],
] as const)
  SHORT_ESCAPE[c] = letter.charCodeAt(0);
const HEX_DIGIT = utf8.encode("0123456789abcdef");
/** 0: copied as is; 1: escaped; 2: part of a multi-byte character (so the string needs a UTF-8 check). */
export const BYTE_CLASS = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) BYTE_CLASS[c] = 1;
BYTE_CLASS[0x22] = 1;
BYTE_CLASS[0x5c] = 1;
for (let c = 0x80; c < 0x100; c++) BYTE_CLASS[c] = 2;
/** 1 for the bytes JSON escapes in a string: control bytes, the quote and the backslash. */
const ESCAPED = BYTE_CLASS.map((k) => (k === 1 ? 1 : 0));
/** Strings longer than this are copied natively up to their first escape (`writeLongStringAt`). */
const LONG_STRING = 256;
/** Past its first escape, a string is escaped this many bytes at a time (`escapeRun`). */
const ESCAPE_CHUNK = 4096;

/** A reader of the wire that writes what it reads as JSON text into `w`. */
export class WireValueReader {
  p = 0;
  depth = 0;
  readonly w = new ByteWriter();
  b: Buffer;
  readonly path: (string | number)[] = [];
  /** Checks JSON-text fields; one per decoder, reset for each field. */
  protected readonly scanner: JsonScanner;

  constructor(b: Buffer) {
    this.b = b;
    this.scanner = new JsonScanner(b, 0, b.length);
  }

  fail(code: TranscodeCode, reason: string, at = this.p): never {
    throw new TranscodeError(code, reason, formatPath(this.path), at);
  }

  truncated(): never {
    return this.fail(TranscodeCode.MalformedBinary, "cannot read protobuf: truncated message");
  }

  varint(): number {
    const b = this.b;
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 5; i++) {
      if (this.p >= b.length) this.truncated();
      const c = b[this.p++]!;
      result |= (c & 0x7f) << shift;
      if (c < 0x80) return result >>> 0;
      shift += 7;
    }
    return this.fail(TranscodeCode.MalformedBinary, "cannot read protobuf: varint longer than 32 bits");
  }

  /** A 64-bit varint as a decimal string (signed, as int64). */
  varint64Text(): string {
    const start = this.p;
    let lo = 0;
    let i = 0;
    for (; i < 10; i++) {
      if (this.p >= this.b.length) this.truncated();
      const c = this.b[this.p++]!;
      if (i < 7) lo += (c & 0x7f) * 2 ** (7 * i);
      if (c < 0x80) break;
    }
    if (i === 10)
      this.fail(TranscodeCode.MalformedBinary, "cannot read protobuf: varint longer than 64 bits", start);
    if (i < 7 && lo <= Number.MAX_SAFE_INTEGER) return String(lo);
    let v = 0n;
    for (let k = this.p - 1; k >= start; k--) v = (v << 7n) | BigInt(this.b[k]! & 0x7f);
    return String(BigInt.asIntN(64, v));
  }

  /** Writes a varint as a decimal int64: small non-negative ones digit by digit, with no string. */
  writeVarintText(): void {
    const b = this.b;
    const p = this.p;
    let n = 0;
    let i = 0;
    // Up to four bytes: 28 bits, exact and non-negative.
    for (; i < 4 && p + i < b.length; i++) {
      const c = b[p + i]!;
      n += (c & 0x7f) * 2 ** (7 * i);
      if (c < 0x80) {
        this.p = p + i + 1;
        return this.w.decimal(n);
      }
    }
    this.w.ascii(this.varint64Text());
  }

  length(): number {
    const n = this.varint();
    if (this.p + n > this.b.length) this.truncated();
    return n;
  }

  skip(wireType: number): void {
    switch (wireType) {
      case WIRE_VARINT:
        this.varint64Text();
        return;
      case WIRE_I64:
        this.p += 8;
        break;
      case WIRE_LEN:
        {
          const n = this.length();
          this.p += n;
        }
        return;
      case 5:
        this.p += 4;
        break;
      default:
        this.fail(
          TranscodeCode.MalformedBinary,
          `cannot read protobuf: wire type ${wireType} is not supported`,
        );
    }
    if (this.p > this.b.length) this.truncated();
  }

  /** Writes `n` bytes of UTF-8 at `p` as a JSON string. */
  protected writeString(n: number): void {
    const start = this.p;
    this.p += n;
    this.writeStringAt(start, this.p);
  }

  /** Writes the UTF-8 bytes `b[start, end)` as a JSON string, escaped as `JSON.stringify` escapes. */
  writeStringAt(start: number, end: number): void {
    if (end - start > LONG_STRING) return this.writeLongStringAt(start, end);
    const w = this.w;
    w.byte(0x22);
    if (this.escapeRun(start, end) > 0x7f && !isUtf8(this.b.subarray(start, end))) this.notUtf8(start);
    w.byte(0x22);
  }

  /**
   * `writeStringAt` for a long string. Its UTF-8 is checked natively, always: telling bytes past
   * ASCII apart in the loop cost more than the check (text with an accent or a symbol every few
   * lines escaped at 2-3 ns a byte, without that test at 1.3).
   */
  private writeLongStringAt(start: number, end: number): void {
    const b = this.b;
    const w = this.w;
    let i = start;
    // Up to its first byte that needs an escape, the string is one native copy.
    while (i < end && ESCAPED[b[i]!] === 0) i++;
    w.byte(0x22);
    w.copy(b, start, i);
    // The rest is checked and copied in one loop: past an escape, a native call per short run
    // (text with an escape every line) costs more than the copy.
    while (i < end) {
      const to = Math.min(end, i + ESCAPE_CHUNK);
      this.escapePlainRun(i, to);
      i = to;
    }
    if (!isUtf8(b.subarray(start, end))) this.notUtf8(start);
    w.byte(0x22);
  }

  private notUtf8(at: number): never {
    return this.fail(TranscodeCode.InvalidValue, "cannot convert a string: it is not UTF-8", at);
  }

  /** `escapeRun` without telling bytes past ASCII apart (the escapes written inline in both: hot loops). */
  private escapePlainRun(from: number, to: number): void {
    const b = this.b;
    const w = this.w;
    w.ensure((to - from) * 6);
    const out = w.buf;
    let o = w.pos;
    for (let i = from; i < to; i++) {
      const c = b[i]!;
      if (ESCAPED[c] === 0) {
        out[o++] = c;
        continue;
      }
      out[o++] = 0x5c;
      const short = SHORT_ESCAPE[c]!;
      if (short !== 0) out[o++] = short;
      else {
        out[o++] = 0x75;
        out[o++] = 0x30;
        out[o++] = 0x30;
        out[o++] = HEX_DIGIT[c >> 4]!;
        out[o++] = HEX_DIGIT[c & 15]!;
      }
    }
    w.pos = o;
  }

  /**
   * Writes `b[from, to)` with its escapes, into room for the worst case (every byte a six-byte
   * `\u00XX`); returns its plain bytes OR-ed together (past 0x7f, the string needs a UTF-8 check:
   * an OR per byte costs less than a branch, and less than a native check on a short string).
   */
  private escapeRun(from: number, to: number): number {
    const b = this.b;
    const w = this.w;
    w.ensure((to - from) * 6);
    const out = w.buf;
    let o = w.pos;
    let bits = 0;
    for (let i = from; i < to; i++) {
      const c = b[i]!;
      if (ESCAPED[c] === 0) {
        out[o++] = c;
        bits |= c;
        continue;
      }
      out[o++] = 0x5c;
      const short = SHORT_ESCAPE[c]!;
      if (short !== 0) out[o++] = short;
      else {
        out[o++] = 0x75;
        out[o++] = 0x30;
        out[o++] = 0x30;
        out[o++] = HEX_DIGIT[c >> 4]!;
        out[o++] = HEX_DIGIT[c & 15]!;
      }
    }
    w.pos = o;
    return bits;
  }

  /** Checks that `n` bytes at `p` are one JSON value, and copies them. */
  copyJson(n: number): void {
    const start = this.p;
    const end = start + n;
    if (this.depth <= MAX_DEPTH - COMPACT_MAX_DEPTH && compactJsonEnd(this.b, start) === end) {
      if (compactScan.nonAscii && !isUtf8(this.b.subarray(start, end)))
        this.fail(TranscodeCode.InvalidValue, "cannot convert JSON text field: it is not UTF-8", start);
      this.w.copy(this.b, start, end);
      this.p = end;
      return;
    }
    const scanner = this.scanner;
    scanner.p = start;
    scanner.end = end;
    if (scanner.path.length !== 0) scanner.path.length = 0;
    scanner.nonAscii = false;
    try {
      scanner.skipValue(this.depth);
      scanner.ws();
      if (scanner.p !== end) scanner.syntax("the end of the JSON value");
    } catch (error) {
      if (error instanceof TranscodeError) {
        this.fail(
          error.code === TranscodeCode.LimitExceeded ? error.code : TranscodeCode.InvalidValue,
          `cannot convert JSON text field: ${error.reason}`,
          error.offset,
        );
      }
      throw error;
    }
    if (scanner.nonAscii && !isUtf8(this.b.subarray(start, end)))
      this.fail(TranscodeCode.InvalidValue, "cannot convert JSON text field: it is not UTF-8", start);
    this.w.copy(this.b, start, end);
    this.p = end;
  }
}
