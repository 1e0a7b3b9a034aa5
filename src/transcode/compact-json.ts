/**
 * A fast check for the JSON most peers write: compact (`JSON.stringify` without indentation) and
 * shallow. It finds where one such value ends, or gives up, so that `arguments`, `_meta` and
 * `inputSchema` are crossed without the scanner's general machinery; anything it gives up on goes
 * to `JsonScanner.skipValue`, which accepts all JSON and says precisely what is wrong.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * How deep a value may nest here. The caller takes this path only where its own depth plus this
 * stays under the scanner's limit, so the path never accepts what `skipValue` refuses.
 */
export const COMPACT_MAX_DEPTH = 30;

/** Bytes that end a plain run in a string: the quote, the backslash, control bytes, non-ASCII. */
const STOP = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) STOP[c] = 1;
STOP[QUOTE] = 1;
STOP[BACKSLASH] = 1;
for (let c = 0x80; c < 0x100; c++) STOP[c] = 1;

/** The escapes JSON allows after a backslash, other than `\u`. */
const ONE_LETTER_ESCAPE = new Uint8Array(256);
for (const c of '"\\/bfnrt') ONE_LETTER_ESCAPE[c.charCodeAt(0)] = 1;
const HEX = new Uint8Array(256);
for (const c of "0123456789abcdefABCDEF") HEX[c.charCodeAt(0)] = 1;

/**
 * What the last `compactJsonEnd` saw besides the value's end: whether a string held a byte past
 * ASCII. It checks no UTF-8 (the caller checks the message or the span once, natively).
 */
export const compactScan = { nonAscii: false };

/**
 * Where the JSON value starting at `p` ends, when it is compact and at most `COMPACT_MAX_DEPTH`
 * deep; -1 otherwise (white space, or any error). Sets `compactScan.nonAscii`. It reads
 * no further than the value (and one byte past a number), with no bound: past the buffer a read is
 * undefined, which no check accepts, so a caller that needs the value to end at a given place
 * compares the result with it.
 */
export function compactJsonEnd(b: Uint8Array, p: number): number {
  compactScan.nonAscii = false;
  let i = p;
  // One bit per open container, innermost lowest: 1 for an object, 0 for an array.
  let objects = 0;
  let depth = 0;
  for (;;) {
    const c = b[i];
    if (c === QUOTE) {
      i = stringEnd(b, i);
      if (i < 0) return -1;
    } else if (c === 0x7b || c === 0x5b) {
      if (depth === COMPACT_MAX_DEPTH) return -1;
      i++;
      if (b[i] === c + 2) i++;
      else {
        depth++;
        objects = (objects << 1) | (c === 0x7b ? 1 : 0);
        if (c === 0x7b) {
          i = memberNameEnd(b, i);
          if (i < 0) return -1;
        }
        continue;
      }
    } else {
      i = scalarEnd(b, i);
      if (i < 0) return -1;
    }
    // A value ended: close what it ends, or go on to the next member or element.
    for (;;) {
      if (depth === 0) return i;
      const next = b[i];
      const inObject = (objects & 1) === 1;
      if (next === 0x2c) {
        i++;
        if (inObject) {
          i = memberNameEnd(b, i);
          if (i < 0) return -1;
        }
        break;
      }
      if (next !== (inObject ? 0x7d : 0x5d)) return -1;
      i++;
      depth--;
      objects >>>= 1;
    }
  }
}

/** After `"name":` at `i`, or -1. */
function memberNameEnd(b: Uint8Array, i: number): number {
  if (b[i] !== QUOTE) return -1;
  i = stringEnd(b, i);
  if (i < 0 || b[i] !== 0x3a) return -1;
  return i + 1;
}

/** After the string whose opening quote is at `i`, checking its escapes; or -1. */
function stringEnd(b: Uint8Array, i: number): number {
  i++;
  for (;;) {
    while (STOP[b[i]!] === 0) i++;
    const c = b[i]!;
    if (c === QUOTE) return i + 1;
    if (c >= 0x80) {
      compactScan.nonAscii = true;
      i++;
      continue;
    }
    if (c !== BACKSLASH) return -1;
    const e = b[i + 1]!;
    if (ONE_LETTER_ESCAPE[e] === 1) i += 2;
    else if (
      e === 0x75 &&
      HEX[b[i + 2]!] === 1 &&
      HEX[b[i + 3]!] === 1 &&
      HEX[b[i + 4]!] === 1 &&
      HEX[b[i + 5]!] === 1
    )
      i += 6;
    else return -1;
  }
}

/** After the number or literal at `i`, or -1. */
function scalarEnd(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c === 0x74) return b[i + 1] === 0x72 && b[i + 2] === 0x75 && b[i + 3] === 0x65 ? i + 4 : -1;
  if (c === 0x66)
    return b[i + 1] === 0x61 && b[i + 2] === 0x6c && b[i + 3] === 0x73 && b[i + 4] === 0x65 ? i + 5 : -1;
  if (c === 0x6e) return b[i + 1] === 0x75 && b[i + 2] === 0x6c && b[i + 3] === 0x6c ? i + 4 : -1;
  if (c === 0x2d) i++;
  const first = b[i]!;
  if (first === 0x30) i++;
  else if (first >= 0x31 && first <= 0x39) {
    i++;
    while (isDigit(b[i]!)) i++;
  } else return -1;
  if (b[i] === 0x2e) {
    i++;
    if (!isDigit(b[i]!)) return -1;
    while (isDigit(b[i]!)) i++;
  }
  const e = b[i];
  if (e === 0x65 || e === 0x45) {
    i++;
    if (b[i] === 0x2b || b[i] === 0x2d) i++;
    if (!isDigit(b[i]!)) return -1;
    while (isDigit(b[i]!)) i++;
  }
  return i;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
