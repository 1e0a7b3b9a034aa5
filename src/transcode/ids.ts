/**
 * Request ids as the JSON-RPC layer keys them to match each response to its request. A small
 * non-negative integer id (the usual kind) is keyed by its value, read off the bytes with no string
 * made; any other id by its JSON text, in one spelling (`"a"` and `"\u0061"` are the same id).
 * Integer texts have one spelling in JSON (no leading zeros), so value and text keys never meet.
 */
export type IdKey = string | number;

/** Integer ids up to this many digits are keyed by value (exact in a double). */
const MAX_DIGITS = 15;
const BY_VALUE_BELOW = 10 ** MAX_DIGITS;

/** The key of the id whose JSON text is `b[start, end)`. */
export function idKeyAt(b: Buffer, start: number, end: number): IdKey {
  const n = end - start;
  if (n > 0 && n <= MAX_DIGITS && (b[start] !== 0x30 || n === 1)) {
    let value = 0;
    let i = start;
    for (; i < end; i++) {
      const c = b[i]!;
      if (c < 0x30 || c > 0x39) break;
      value = value * 10 + (c - 0x30);
    }
    if (i === end) return value;
  }
  return idKeyOfText(b.utf8Slice(start, end));
}

/** The key of an id given as JSON text. */
export function idKeyOfText(text: string): string {
  if (!text.includes("\\")) return text;
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    // Read ahead of the pass that checks it: that pass reports the malformed id.
    return text;
  }
}

/** The key of an id given as a JS value (`expect`). */
export function idKeyOf(id: string | number): IdKey {
  if (typeof id === "number" && Number.isInteger(id) && id >= 0 && id < BY_VALUE_BELOW) return id;
  return idKeyOfText(JSON.stringify(id));
}
