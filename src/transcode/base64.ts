/**
 * Base64 text to bytes without building one large string: MCP's binary content (images, audio,
 * blobs) is decoded in chunks straight into the output, and checked so that it comes back as the
 * same text.
 */
import { TranscodeCode } from "./errors.js";
import type { ByteWriter } from "./byte-writer.js";
import type { JsonToBinary } from "./json-to-binary.js";

/** Characters per chunk: a multiple of 4, so that chunks decode independently. */
const CHUNK = 16384;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const INDEX = new Int8Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

/** Writes the base64 string at the scanner's position as a bytes field with tag `tag`. */
export function writeBase64Field(enc: JsonToBinary, tag: Uint8Array): void {
  const start = enc.p;
  // Found natively: the decoder below refuses anything outside the alphabet, control bytes included.
  const close = enc.skimString(start) - 1;
  enc.p = close + 1;
  let text: Buffer = enc.b;
  let from = start + 1;
  let to = close;
  const escaped = enc.b.indexOf(0x5c, from) >= 0 && enc.b.indexOf(0x5c, from) < close;
  if (escaped) {
    enc.escaped = true;
    // Escapes (such as `\/`) are legal JSON; decode them first. Rare, so a copy is fine.
    text = Buffer.from(enc.stringValue(start, close), "latin1");
    from = 0;
    to = text.length;
  }
  const n = to - from;
  const bad = (why: string): never =>
    enc.fail(TranscodeCode.InvalidValue, `cannot convert base64 data: ${why}`, start);
  if (n % 4 !== 0) bad("its length is not a multiple of 4 (it must be padded base64)");
  const pad = n === 0 ? 0 : text[to - 1] === 0x3d ? (text[to - 2] === 0x3d ? 2 : 1) : 0;
  const length = (n / 4) * 3 - pad;
  // The bits a padded group leaves unused must be zero, or the text would not come back the same.
  if (pad > 0) {
    const last = INDEX[text[to - pad - 1]!]!;
    if (last < 0 || (pad === 2 ? last & 0x0f : last & 0x03) !== 0) bad("it is not in canonical form");
  }
  const w = enc.w;
  w.raw(tag);
  w.varint(length);
  w.ensure(length + 4);
  let written = 0;
  for (let i = from; i < to; i += CHUNK) {
    const chunk = text.latin1Slice(i, Math.min(i + CHUNK, to));
    if (chunk.includes("-") || chunk.includes("_")) bad("it uses the URL-safe alphabet");
    written += w.buf.write(chunk, w.pos + written, "base64");
  }
  // Node skips characters outside the alphabet; a short count is how they show.
  if (written !== length) bad("it holds characters outside the base64 alphabet");
  w.pos += length;
}

/**
 * Pairs of base64 characters for every 12-bit value, little-endian: encoding three bytes is two
 * look-ups and one 32-bit store. Node 20's own `toString("base64")` runs at about 7 ns a byte.
 */
const PAIRS = new Uint16Array(4096);
for (let i = 0; i < 4096; i++) PAIRS[i] = ALPHABET.charCodeAt(i >> 6) | (ALPHABET.charCodeAt(i & 63) << 8);
let scratch = new Uint32Array(4096);

/** Writes `src[start, end)` as padded base64 text into `w`. */
export function writeBase64(w: ByteWriter, src: Uint8Array, start: number, end: number): void {
  const n = end - start;
  const whole = Math.floor(n / 3);
  if (scratch.length < whole) scratch = new Uint32Array(Math.max(whole, scratch.length * 2));
  const words = scratch;
  let i = start;
  for (let j = 0; j < whole; j++, i += 3) {
    const triple = (src[i]! << 16) | (src[i + 1]! << 8) | src[i + 2]!;
    words[j] = PAIRS[triple >>> 12]! | (PAIRS[triple & 0xfff]! << 16);
  }
  const outLength = Math.ceil(n / 3) * 4;
  w.ensure(outLength);
  // Little-endian words lay the characters out in order.
  w.buf.set(new Uint8Array(words.buffer, 0, whole * 4), w.pos);
  let o = w.pos + whole * 4;
  const rest = end - i;
  if (rest > 0) {
    const out = w.buf;
    const a = src[i]!;
    const b = rest === 2 ? src[i + 1]! : 0;
    out[o] = ALPHABET.charCodeAt(a >> 2);
    out[o + 1] = ALPHABET.charCodeAt(((a & 3) << 4) | (b >> 4));
    out[o + 2] = rest === 2 ? ALPHABET.charCodeAt((b & 15) << 2) : 0x3d;
    out[o + 3] = 0x3d;
    o += 4;
  }
  w.pos = o;
}
