/**
 * JSON's tokens read in place, as bytes: white space, strings, numbers and literals are found and
 * checked without building JS objects, so the transcoder can copy spans straight to its output.
 */
import { TranscodeCode, TranscodeError, formatPath } from "./errors.js";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Strings at least this long (in JSON text bytes) are tried natively (`longStringClose`). */
const LONG_STRING = 128;
/** How many escaped quotes a long string may hold before the native path leaves it to the loop. */
const MAX_ESCAPED_QUOTES = 8;

/**
 * Bytes that end the plain run of a string: the quote, the backslash and control characters (1),
 * and the first byte past ASCII (2), after which `ASCII_STOP` takes over for that string.
 */
export const ASCII_STOP = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) ASCII_STOP[c] = 1;
ASCII_STOP[QUOTE] = 1;
ASCII_STOP[BACKSLASH] = 1;
export const STRING_STOP = ASCII_STOP.slice();
for (let c = 0x80; c < 0x100; c++) STRING_STOP[c] = 2;
/** JSON's white space: space, tab, line feed and carriage return. */
export const WHITESPACE = new Uint8Array(256);
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WHITESPACE[c] = 1;

/**
 * Reads one JSON token at a time at `p`, within `[p, end)` of `b`; `JsonScanner` builds on it to
 * check and skip whole values.
 */
export class JsonTokenScanner {
  b: Buffer;
  p: number;
  end: number;
  /** Keys and indexes from the root to where the scanner is, for error messages. */
  readonly path: (string | number)[] = [];
  /** Set by `scanString`: whether the string had escapes. */
  escaped = false;
  /**
   * Set by `scanString` when a string held a byte past ASCII. Outside strings such a byte is a
   * syntax error, so while this is false the input is ASCII and needs no UTF-8 check: one native
   * `isUtf8` call costs about as much as converting a small message.
   */
  nonAscii = false;

  constructor(b: Buffer, start: number, end: number) {
    this.b = b;
    this.p = start;
    this.end = end;
  }

  fail(code: TranscodeCode, reason: string, at = this.p): never {
    throw new TranscodeError(code, reason, formatPath(this.path), at);
  }

  syntax(expected: string): never {
    if (this.p >= this.end)
      this.fail(TranscodeCode.MalformedJson, `cannot read JSON: unexpected end, expected ${expected}`);
    const c = this.b[this.p]!;
    const seen = c >= 0x20 && c < 0x7f ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16)}`;
    this.fail(TranscodeCode.MalformedJson, `cannot read JSON: expected ${expected}, got ${seen}`);
  }

  ws(): void {
    const b = this.b;
    let p = this.p;
    // Compact JSON, the common case, has no white space to skip.
    if (p >= this.end || b[p]! > 0x20) return;
    while (p < this.end && WHITESPACE[b[p]!] === 1) p++;
    this.p = p;
  }

  /** Skips white space and returns the next byte without consuming it (-1 at the end). */
  peek(): number {
    const p = this.p;
    if (p < this.end) {
      const c = this.b[p]!;
      if (c > 0x20) return c;
    }
    this.ws();
    return this.p < this.end ? this.b[this.p]! : -1;
  }

  /**
   * After a member or an element: consumes the comma (false: another follows) or `close`, the
   * container's closing byte (true); anything else is a syntax error.
   */
  closes(close: number): boolean {
    const next = this.peek();
    this.p++;
    if (next === close) return true;
    if (next !== 0x2c) {
      this.p--;
      this.syntax(close === 0x7d ? "',' or '}'" : "',' or ']'");
    }
    return false;
  }

  expect(c: number, what: string): void {
    this.ws();
    if (this.b[this.p] !== c || this.p >= this.end) this.syntax(what);
    this.p++;
  }

  /**
   * Scans a string whose opening quote is at `p`; leaves `p` after the closing quote and returns the
   * index of the closing quote (content is `[start + 1, result)`). Sets `escaped`.
   */
  scanString(): number {
    const b = this.b;
    const end = this.end;
    let i = this.p + 1;
    let escaped = false;
    let stop = STRING_STOP;
    for (;;) {
      // The common run: plain bytes, one table look-up each. No bound check: past the buffer a
      // read is undefined, which is no plain byte; past `end` within it, the check below fails.
      while (stop[b[i]!] === 0) i++;
      if (i >= end) this.fail(TranscodeCode.MalformedJson, "cannot read JSON: unterminated string", i);
      const c = b[i]!;
      if (c === QUOTE) break;
      if (c >= 0x80) {
        this.nonAscii = true;
        stop = ASCII_STOP;
        continue;
      }
      if (c === BACKSLASH) {
        escaped = true;
        i = this.checkEscape(i);
        continue;
      }
      this.fail(TranscodeCode.MalformedJson, "cannot read JSON: control character in string", i);
    }
    this.escaped = escaped;
    this.p = i + 1;
    return i;
  }

  /**
   * Checks the string whose opening quote is at `start` natively when it is long, from its first
   * escape or byte past ASCII at `from`; returns the index of its closing quote, or -1 to leave it to
   * the byte loop (a short string, or one `JSON.parse` refuses: the loop then says precisely why).
   * It cannot tell ASCII from UTF-8, so it sets `nonAscii` and the message's bytes are checked once
   * natively.
   */
  protected checkLongString(start: number, from: number): number {
    const close = this.longStringClose(start, from);
    if (close < 0 || this.latin1StringValue(start, close, false) === undefined) return -1;
    this.nonAscii = true;
    return close;
  }

  /**
   * The closing quote of the string whose opening quote is at `start`, found natively from `from`,
   * when the string is at least `LONG_STRING` bytes long; -1 when it is shorter, unterminated, or
   * holds so many escaped quotes that the byte loop crosses it faster (source code), or one within
   * its first `LONG_STRING` bytes.
   */
  protected longStringClose(start: number, from: number): number {
    const b = this.b;
    let escapedQuotes = 0;
    let close = b.indexOf(QUOTE, from);
    for (;;) {
      if (close < 0 || close >= this.end) return -1;
      // A quote after an odd number of backslashes is escaped.
      let slashes = 0;
      while (b[close - 1 - slashes] === BACKSLASH) slashes++;
      if (slashes % 2 === 0) break;
      // An escaped quote early on is JSON text in a string (a tool's structured result as text),
      // most often short: a native call per escaped quote would cost more than the loop.
      if (close - start < LONG_STRING || ++escapedQuotes > MAX_ESCAPED_QUOTES) return -1;
      close = b.indexOf(QUOTE, close + 1);
    }
    return close - start < LONG_STRING ? -1 : close;
  }

  /**
   * The string `b[start, close]` (quotes included) as `JSON.parse` reads its text as latin1: one
   * character per byte, so that the bytes of UTF-8 characters pass through unchanged (and
   * `latin1Write` gives them back whole), and the grammar is the byte loop's. Several times faster
   * than the loop on text with an escape every line. Undefined where `JSON.parse` refuses it, or,
   * with `plainEscapes`, where a `\u` escape may stand for a character past latin1.
   */
  protected latin1StringValue(start: number, close: number, plainEscapes: boolean): string | undefined {
    const text = this.b.latin1Slice(start, close + 1);
    if (plainEscapes && text.indexOf("\\u") !== -1) return undefined;
    try {
      return JSON.parse(text) as string;
    } catch {
      return undefined;
    }
  }

  /** `scanString` for a property name (its bytes are looked up as they are, with no hash). */
  scanKey(): number {
    return this.scanString();
  }

  /** True when the key scanned at `[start, close]` (quotes included) is `bytes`. */
  keyEquals(start: number, close: number, bytes: Uint8Array): boolean {
    if (close - start - 1 !== bytes.length) return false;
    const b = this.b;
    for (let i = 0; i < bytes.length; i++) if (b[start + 1 + i] !== bytes[i]) return false;
    return true;
  }

  private checkEscape(i: number): number {
    const c = this.b[i + 1];
    if (c === 0x75) {
      for (let k = i + 2; k < i + 6; k++) {
        const h = this.b[k];
        if (k >= this.end || h === undefined || !isHex(h)) {
          this.fail(TranscodeCode.MalformedJson, "cannot read JSON: bad \\u escape", i);
        }
      }
      return i + 6;
    }
    if (
      c === 0x22 ||
      c === 0x5c ||
      c === 0x2f ||
      c === 0x62 ||
      c === 0x66 ||
      c === 0x6e ||
      c === 0x72 ||
      c === 0x74
    ) {
      return i + 2;
    }
    return this.fail(TranscodeCode.MalformedJson, "cannot read JSON: bad escape in string", i);
  }

  /** The value of a string scanned by `scanString` (`start` is its opening quote). */
  stringValue(start: number, close: number): string {
    if (!this.escaped) return this.b.utf8Slice(start + 1, close);
    return JSON.parse(this.b.utf8Slice(start, close + 1)) as string;
  }

  /** Scans a JSON number at `p`; returns its text end and leaves `p` there. Sets `integer`. */
  integer = false;
  scanNumber(): number {
    const b = this.b;
    let i = this.p;
    if (b[i] === 0x2d) i++;
    const digits = i;
    if (b[i] === 0x30) i++;
    else {
      while (i < this.end && b[i]! >= 0x30 && b[i]! <= 0x39) i++;
    }
    if (i === digits) this.syntax("a number");
    let integer = true;
    if (b[i] === 0x2e && i < this.end) {
      integer = false;
      const f = ++i;
      while (i < this.end && b[i]! >= 0x30 && b[i]! <= 0x39) i++;
      if (i === f) this.fail(TranscodeCode.MalformedJson, "cannot read JSON: digits expected after '.'", i);
    }
    if ((b[i] === 0x65 || b[i] === 0x45) && i < this.end) {
      integer = false;
      i++;
      if (b[i] === 0x2b || b[i] === 0x2d) i++;
      const e = i;
      while (i < this.end && b[i]! >= 0x30 && b[i]! <= 0x39) i++;
      if (i === e) this.fail(TranscodeCode.MalformedJson, "cannot read JSON: digits expected in exponent", i);
    }
    this.integer = integer;
    this.p = i;
    return i;
  }

  /** Parses the number in `[start, end)` as a JS number. */
  numberValue(start: number, end: number): number {
    const b = this.b;
    if (this.integer && end - start < 16) {
      let i = start;
      const negative = b[i] === 0x2d;
      if (negative) i++;
      let n = 0;
      for (; i < end; i++) n = n * 10 + (b[i]! - 0x30);
      return negative ? -n : n;
    }
    return Number(b.latin1Slice(start, end));
  }

  /** Consumes `true`, `false` or `null` at `p`; returns which, or fails. */
  literal(): "true" | "false" | "null" {
    const b = this.b;
    const p = this.p;
    if (b[p] === 0x74 && b[p + 1] === 0x72 && b[p + 2] === 0x75 && b[p + 3] === 0x65 && p + 4 <= this.end) {
      this.p += 4;
      return "true";
    }
    if (
      b[p] === 0x66 &&
      b[p + 1] === 0x61 &&
      b[p + 2] === 0x6c &&
      b[p + 3] === 0x73 &&
      b[p + 4] === 0x65 &&
      p + 5 <= this.end
    ) {
      this.p += 5;
      return "false";
    }
    if (b[p] === 0x6e && b[p + 1] === 0x75 && b[p + 2] === 0x6c && b[p + 3] === 0x6c && p + 4 <= this.end) {
      this.p += 4;
      return "null";
    }
    return this.syntax("a JSON value");
  }
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}
