/**
 * Reads JSON text in place, as bytes: it finds and checks values without building JS objects, so
 * the transcoder can copy spans straight to its output. Tokens are read by `JsonTokenScanner`
 * (`json-tokens.ts`); this skips whole values, checked or only skimmed.
 */
import { TranscodeCode } from "./errors.js";
import { JsonTokenScanner, STRING_STOP, WHITESPACE } from "./json-tokens.js";

// Re-exported so that the string writers (`json-values.ts`) keep importing it from here.
export { STRING_STOP };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** How deep any JSON value may nest before it is refused (a guard against stack exhaustion). */
export const MAX_DEPTH = 256;
/** Containers open in `skipValue`, as the byte that closes each (it never runs twice at once). */
const OPEN = new Uint8Array(MAX_DEPTH + 1);

/** Reads JSON values: checks and skips them, or skims them for looking ahead. */
export class JsonScanner extends JsonTokenScanner {
  /**
   * Skips one JSON value without checking it, for looking ahead: strings are crossed with a native
   * search for the closing quote. The pass that converts the value checks it.
   */
  skim(): void {
    const b = this.b;
    const end = this.end;
    this.ws();
    let i = this.p;
    let depth = 0;
    do {
      if (i >= end) this.fail(TranscodeCode.MalformedJson, "cannot read JSON: unexpected end", i);
      const c = b[i]!;
      if (c === QUOTE) i = this.skimString(i);
      else if (c === 0x7b || c === 0x5b) {
        depth++;
        i++;
      } else if (c === 0x7d || c === 0x5d) {
        depth--;
        i++;
      } else if (depth === 0) {
        // A number or a literal: it ends at a delimiter.
        while (i < end && b[i] !== 0x2c && b[i] !== 0x7d && b[i] !== 0x5d && WHITESPACE[b[i]!] === 0) i++;
      } else i++;
    } while (depth > 0);
    this.p = i;
  }

  /** The index after the string whose opening quote is at `start`, found natively. */
  skimString(start: number): number {
    const b = this.b;
    let i = start + 1;
    for (;;) {
      const close = b.indexOf(QUOTE, i);
      if (close < 0 || close >= this.end)
        this.fail(TranscodeCode.MalformedJson, "cannot read JSON: unterminated string", start);
      // A quote preceded by an odd number of backslashes is escaped.
      let slashes = 0;
      while (b[close - 1 - slashes] === BACKSLASH) slashes++;
      if (slashes % 2 === 0) return close + 1;
      i = close + 1;
    }
  }

  /**
   * Checks and skips one JSON value of any kind, starting at `p` (after white space); `depth` is how
   * deep it already sits. Iterative, with the open containers on a byte stack: this checks every
   * open value (`inputSchema`, `arguments`, `_meta`) byte for byte, so it is a hot loop.
   */
  skipValue(depth = 0): void {
    const b = this.b;
    const end = this.end;
    const open = OPEN;
    let top = 0;
    let p = this.p;
    for (;;) {
      // A value starts here.
      while (p < end && WHITESPACE[b[p]!] === 1) p++;
      const c = p < end ? b[p]! : -1;
      if (c === QUOTE) {
        p = this.skipString(p);
      } else if (c === 0x7b || c === 0x5b) {
        if (depth + top >= MAX_DEPTH) {
          this.p = p;
          this.fail(TranscodeCode.LimitExceeded, `cannot read JSON: nested deeper than ${MAX_DEPTH}`);
        }
        p++;
        while (p < end && WHITESPACE[b[p]!] === 1) p++;
        const close = c === 0x7b ? 0x7d : 0x5d;
        if (p < end && b[p] === close) p++;
        else {
          open[top++] = close;
          if (close === 0x7d) p = this.memberName(p);
          continue;
        }
      } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        this.p = p;
        p = this.scanNumber();
      } else {
        this.p = p;
        this.literal();
        p = this.p;
      }
      // A value ended: close what it ends, or go on to the next member.
      for (;;) {
        if (top === 0) {
          this.p = p;
          return;
        }
        while (p < end && WHITESPACE[b[p]!] === 1) p++;
        const next = p < end ? b[p]! : -1;
        const close = open[top - 1]!;
        if (next === 0x2c) {
          p++;
          if (close === 0x7d) p = this.memberName(p);
          break;
        }
        if (next !== close) {
          this.p = p;
          this.syntax(close === 0x7d ? "',' or '}'" : "',' or ']'");
        }
        p++;
        top--;
      }
    }
  }

  /** Checks the string at `p` (its opening quote); returns the index after it. Plain ASCII inline. */
  private skipString(p: number): number {
    const b = this.b;
    let i = p + 1;
    while (STRING_STOP[b[i]!] === 0) i++;
    if (b[i] === QUOTE && i < this.end) return i + 1;
    const close = this.checkLongString(p, i);
    if (close >= 0) return close + 1;
    this.p = p;
    return this.scanString() + 1;
  }

  /** Scans `"name":` at `p` (white space allowed around); returns where its value may start. */
  private memberName(p: number): number {
    const b = this.b;
    while (p < this.end && WHITESPACE[b[p]!] === 1) p++;
    this.p = p;
    if (p >= this.end || b[p] !== QUOTE) this.syntax("a property name");
    p = this.skipString(p);
    while (p < this.end && WHITESPACE[b[p]!] === 1) p++;
    this.p = p;
    if (p >= this.end || b[p] !== 0x3a) this.syntax("':'");
    return p + 1;
  }
}

/** Hash of a key's UTF-8 bytes (unions find decisive keys by it). */
export function keyHash(bytes: Uint8Array): number {
  return keyHashOf(bytes, 0, bytes.length);
}

/** Hash of the key in `b[start, end)`, as `keyHash` computes it. */
export function keyHashOf(b: Uint8Array, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + b[i]!) | 0;
  return h;
}
