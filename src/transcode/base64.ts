/**
 * Base64 text to bytes and back for MCP's binary content (images, audio, blobs): through the
 * addon (`native-base64.ts`), bytes to bytes, where it is in use; otherwise, and for any text it
 * refuses (so that the error says why), through Node's string base64 without building one large
 * string, in chunks straight into the output. Either way the text is checked so that it comes back
 * the same. Figures and the decision: docs/base64.md.
 */
import { Buffer } from "node:buffer";
import { TranscodeCode } from "./errors.js";
import type { ByteWriter } from "./byte-writer.js";
import type { JsonToBinary } from "./json-to-binary.js";
import type { FieldPlan } from "./plan-types.js";
import { nativeBase64 } from "./native-base64.js";

/**
 * Characters per chunk: a multiple of 4 (and its bytes of 3), so that chunks convert independently.
 * Each chunk is one short-lived string, which at this size V8 makes in its young generation, where a
 * dead one costs nothing to collect: past ~128 KB a string goes to the large-object space (ten times
 * the conversion's cost). 64 KiB of text was faster than 3 KiB and 16 KiB chunks at every size from
 * 16 KB up, both ways.
 */
const CHUNK = 65536;
/** Bytes per chunk when writing base64: `CHUNK` characters. */
const ENCODE_CHUNK = (CHUNK / 4) * 3;
/**
 * Multi-MB blobs go in chunks longer than 0xFBEE9 characters (Node's `EXTERN_APEX`): Node makes
 * such a string outside V8's heap, one allocation and one copy. In 64 KiB chunks, the 11 MB of
 * young strings an 8 MB blob makes cost more in collections than the conversion: the bench's
 * tools-call-image-8mb fell from 6.3x to 3.8x of the JSON baseline reading them. A short remainder is
 * folded into the last chunk, so that none falls below the threshold.
 */
const EXTERNAL_STRING = 0xfbee9 + 1;
/** Characters per chunk for multi-MB base64 texts. */
const BIG_CHUNK = 3 * 512 * 1024;
/** Bytes whose base64 text is at least `EXTERNAL_STRING` characters long. */
const EXTERNAL_BYTES = Math.ceil(EXTERNAL_STRING / 4) * 3;
/** Bytes per chunk when writing multi-MB blobs: `BIG_CHUNK` characters. */
const BIG_ENCODE_CHUNK = (BIG_CHUNK / 4) * 3;

/**
 * The end of the chunk of `[i, to)` that starts at `i`: `size` on, or `to` when what would be left
 * is shorter than `min` (so that no chunk of a large text falls below the external threshold).
 */
function chunkEnd(i: number, to: number, size: number, min: number): number {
  const next = i + size;
  return to - next < min ? to : Math.min(to, next);
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const INDEX = new Int8Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

/**
 * Writes the string at the scanner's position as field `f`: canonical base64 (standard alphabet,
 * padded, zero bits after the last byte) as its bytes, any other string as it came in `f`'s text
 * alternative (`data_text`, `blob_text`), so that it goes back to JSON unchanged. The text is read
 * as base64 first: only a text that fails is looked at again.
 */
export function writeBase64Field(enc: JsonToBinary, f: FieldPlan): void {
  const start = enc.p;
  const tag = f.tag;
  // Found natively: the decoder below refuses anything outside the alphabet, control bytes included.
  const close = enc.skimString(start) - 1;
  enc.p = close + 1;
  const w = enc.w;
  const mark = w.pos;
  const why = decodeBase64(enc, tag, enc.b, start + 1, close);
  if (why === undefined) return;
  // Escapes (such as `\/`) are legal JSON, and rare: looked for only once the text was refused as
  // base64 (a backslash is outside its alphabet), then checked and decoded into a copy.
  w.pos = mark;
  if (enc.b.subarray(start + 1, close).includes(0x5c)) {
    enc.p = start;
    enc.scanString();
    const value = enc.stringValue(start, close);
    // Past ASCII no character is base64 (and latin1 would keep only its low byte).
    if (isAscii(value)) {
      const text = Buffer.from(value, "latin1");
      if (decodeBase64(enc, tag, text, 0, text.length) === undefined) {
        enc.p = close + 1;
        return;
      }
      w.pos = mark;
    }
  }
  if (f.text === undefined) refuse(enc, why, start);
  enc.p = start;
  enc.writeString(f.text.tag);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function refuse(enc: JsonToBinary, why: string, at: number): never {
  return enc.fail(TranscodeCode.InvalidValue, `cannot convert base64 data: ${why}`, at);
}

/**
 * Writes the base64 text `text[from, to)` as a bytes field with tag `tag`; returns why the text is
 * not padded, canonical, standard base64 instead (what was written is then to be dropped).
 */
function decodeBase64(
  enc: JsonToBinary,
  tag: Uint8Array,
  text: Buffer,
  from: number,
  to: number,
): string | undefined {
  const n = to - from;
  if (n % 4 !== 0) return "its length is not a multiple of 4 (it must be padded base64)";
  const pad = n === 0 ? 0 : text[to - 1] === 0x3d ? (text[to - 2] === 0x3d ? 2 : 1) : 0;
  const length = (n / 4) * 3 - pad;
  // The bits a padded group leaves unused must be zero, or the text would not come back the same.
  if (pad > 0) {
    const last = INDEX[text[to - pad - 1]!]!;
    if (last < 0 || (pad === 2 ? last & 0x0f : last & 0x03) !== 0) return "it is not in canonical form";
  }
  const w = enc.w;
  w.raw(tag);
  w.varint(length);
  w.ensure(length + 4);
  const addon = nativeBase64.enabled ? nativeBase64.addon : undefined;
  if (addon !== undefined && addon.decode(text, from, to, w.buf, w.pos) === length) {
    w.pos += length;
    return undefined;
  }
  // No addon, or text it refused: the string path converts it, or says what is wrong with it.
  let written = 0;
  const big = n >= EXTERNAL_STRING;
  const size = big ? BIG_CHUNK : CHUNK;
  const min = big ? EXTERNAL_STRING : 0;
  for (let i = from; i < to; ) {
    const end = chunkEnd(i, to, size, min);
    const chunk = text.latin1Slice(i, end);
    if (chunk.includes("-") || chunk.includes("_")) return "it uses the URL-safe alphabet";
    written += w.buf.base64Write(chunk, w.pos + written, end - i);
    i = end;
  }
  // Node skips characters outside the alphabet; a short count is how they show.
  if (written !== length) return "it holds characters outside the base64 alphabet";
  w.pos += length;
  return undefined;
}

/** Writes `src[start, end)` as padded base64 text into `w`. */
export function writeBase64(w: ByteWriter, src: Buffer, start: number, end: number): void {
  w.ensure(Math.ceil((end - start) / 3) * 4);
  const addon = nativeBase64.enabled ? nativeBase64.addon : undefined;
  if (addon !== undefined) {
    w.pos += addon.encode(src, start, end, w.buf, w.pos);
    return;
  }
  const out = w.buf;
  let pos = w.pos;
  const big = end - start >= EXTERNAL_BYTES;
  const size = big ? BIG_ENCODE_CHUNK : ENCODE_CHUNK;
  for (let i = start; i < end; ) {
    const to = chunkEnd(i, end, size, big ? EXTERNAL_BYTES : 0);
    const chunk = src.base64Slice(i, to);
    pos += out.latin1Write(chunk, pos, chunk.length);
    i = to;
  }
  w.pos = pos;
}
