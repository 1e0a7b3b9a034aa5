/** A growable output buffer with the protobuf and JSON primitives the transcoder writes. */
// Imported, not the global: in Node 20 `globalThis.Buffer` is a getter, called on every use.
import { Buffer } from "node:buffer";

const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);

/**
 * Outputs up to this size are carved from a shared slab, as Node pools small Buffers: allocating an
 * ArrayBuffer per message costs more than converting a small one.
 */
const SLAB_SIZE = 256 * 1024;
const SLAB_MAX_OUTPUT = 32 * 1024;
let slab = Buffer.allocUnsafe(SLAB_SIZE);
let slabOffset = 0;

const NO_BYTES = Buffer.alloc(0);

/**
 * One writer serves every message of an encoder or decoder: `begin` starts an output, `finish`
 * hands it over (or `abandon` drops it). Outputs never share bytes, so handed-over ones stay valid.
 */
export class ByteWriter {
  buf: Buffer = NO_BYTES;
  pos = 0;
  /** Where this writer's bytes start in `buf` (non-zero when it writes into the slab). */
  private start = 0;
  private inSlab = false;

  /** Starts a new output; `initialSize` is a guess of its size. */
  begin(initialSize: number): void {
    if (initialSize <= SLAB_MAX_OUTPUT) {
      if (slabOffset + initialSize > SLAB_SIZE) {
        slab = Buffer.allocUnsafe(SLAB_SIZE);
        slabOffset = 0;
      }
      this.buf = slab;
      this.start = slabOffset;
      this.pos = slabOffset;
      this.inSlab = true;
      // Claim the whole rest of the slab while writing; `finish` gives back what was not used.
      slabOffset = SLAB_SIZE;
    } else {
      this.buf = Buffer.allocUnsafe(initialSize);
      this.start = 0;
      this.pos = 0;
      this.inSlab = false;
    }
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    if (this.pos + n > this.buf.length) this.grow(this.pos + n);
  }

  private grow(need: number): void {
    // Positions handed out by `beginLength` must stay valid: the bytes keep their offsets, so the
    // new buffer has this writer's start too.
    let size = Math.max(1024, 2 * (this.pos - this.start));
    while (this.start + size < need) size *= 2;
    const next = Buffer.allocUnsafe(this.start + size);
    this.buf.copy(next, this.start, this.start, this.pos);
    if (this.inSlab) {
      // Retire the slab rather than hand its tail back: the next writer would start at this same
      // offset, outgrow it the same way and pay for a new buffer on every message.
      slabOffset = SLAB_SIZE;
      this.inSlab = false;
    }
    this.buf = next;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  /** Writes precomputed bytes (a tag, a JSON key). */
  raw(bytes: Uint8Array): void {
    const n = bytes.length;
    this.ensure(n);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) buf[pos++] = bytes[i]!;
    this.pos = pos;
  }

  /**
   * Copies `src[start, end)`: short runs byte by byte, long ones natively, through a plain view
   * (`Buffer#copy` validates its arguments and makes that view itself: 10-60 ns more per span,
   * on tool lists a tenth of the conversion).
   */
  copy(src: Buffer, start: number, end: number): void {
    const n = end - start;
    this.ensure(n);
    if (n < 64) {
      const buf = this.buf;
      let pos = this.pos;
      for (let i = start; i < end; i++) buf[pos++] = src[i]!;
      this.pos = pos;
      return;
    }
    this.buf.set(new Uint8Array(src.buffer, src.byteOffset + start, n), this.pos);
    this.pos += n;
  }

  /** Writes a string as latin1 (one byte per char): used for ASCII such as numbers and base64. */
  ascii(s: string): void {
    this.ensure(s.length);
    this.pos += this.buf.latin1Write(s, this.pos, s.length);
  }

  /** Writes a non-negative integer below 2^31 in decimal. */
  decimal(n: number): void {
    this.ensure(10);
    const buf = this.buf;
    let digits = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
    let at = this.pos + digits;
    this.pos = at;
    do {
      buf[--at] = 0x30 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  /** Writes a JS string as UTF-8; `byteLength` is its length as UTF-8, or an upper bound. */
  utf8(s: string, byteLength = s.length * 3): void {
    this.ensure(byteLength);
    this.pos += this.buf.utf8Write(s, this.pos);
  }

  varint(n: number): void {
    this.ensure(10);
    const buf = this.buf;
    if (n >= 0 && n < 0x80000000) {
      while (n > 0x7f) {
        buf[this.pos++] = (n & 0x7f) | 0x80;
        n >>>= 7;
      }
      buf[this.pos++] = n;
      return;
    }
    this.varint64(BigInt(n));
  }

  /** Writes a 64-bit varint; negative values as their two's complement, as protobuf does. */
  varint64(v: bigint): void {
    this.ensure(10);
    let u = BigInt.asUintN(64, v);
    while (u > 0x7fn) {
      this.buf[this.pos++] = Number(u & 0x7fn) | 0x80;
      u >>= 7n;
    }
    this.buf[this.pos++] = Number(u);
  }

  double(v: number): void {
    this.ensure(8);
    f64[0] = v;
    this.buf.set(f64Bytes, this.pos);
    this.pos += 8;
  }

  /**
   * Reserves room for a length prefix; pass the result to `endLength` once the content is written.
   * `bound` is a guess of the content's size (the input left, for the encoder): the prefix gets the
   * bytes that size needs, so that small messages are not moved down by `endLength` at every level,
   * nor multi-MB ones (an 8 MB image) moved up by a byte at each of their four levels of nesting.
   */
  beginLength(bound = 0x1fffff): number {
    const reserve = bound < 0x80 ? 1 : bound < 0x4000 ? 2 : bound < 0x200000 ? 3 : 4;
    this.ensure(reserve);
    this.pos += reserve;
    // The reserved byte before the content remembers how many were reserved, until `endLength`.
    this.buf[this.pos - 1] = reserve;
    return this.pos;
  }

  /** Writes the length of everything since `beginLength`, moving the content if the prefix needs more or fewer bytes. */
  endLength(contentStart: number): void {
    const reserve = this.buf[contentStart - 1]!;
    const length = this.pos - contentStart;
    const size =
      length < 0x80 ? 1 : length < 0x4000 ? 2 : length < 0x200000 ? 3 : length < 0x10000000 ? 4 : 5;
    const prefixStart = contentStart - reserve;
    if (size < reserve && length < 24) {
      // The smallest nested messages are moved down byte by byte: below ~24 bytes that is cheaper
      // than calling out to `copyWithin` (~30 ns a call); from there on the call is cheaper.
      const buf = this.buf;
      const shift = reserve - size;
      for (let i = contentStart; i < this.pos; i++) buf[i - shift] = buf[i]!;
      this.pos -= shift;
    } else if (size !== reserve) {
      if (size > reserve) this.ensure(size - reserve);
      this.buf.copyWithin(prefixStart + size, contentStart, this.pos);
      this.pos += size - reserve;
    }
    const buf = this.buf;
    let n = length;
    let at = prefixStart;
    while (n > 0x7f) {
      buf[at++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    buf[at] = n;
  }

  /**
   * Inserts `a`, `b` and then, if given, byte `separator` at `at`, moving what follows (for the
   * rare constant a producer left out, which belongs first in its object).
   */
  insert(at: number, a: Uint8Array, b: Uint8Array, separator: number | undefined): void {
    const n = a.length + b.length + (separator === undefined ? 0 : 1);
    this.ensure(n);
    this.buf.copyWithin(at + n, at, this.pos);
    this.buf.set(a, at);
    this.buf.set(b, at + a.length);
    if (separator !== undefined) this.buf[at + a.length + b.length] = separator;
    this.pos += n;
  }

  /** The bytes written since `begin` (a view; later outputs do not overwrite it). */
  finish(): Uint8Array {
    if (this.inSlab) {
      // Keep the next output 8-byte aligned.
      slabOffset = (this.pos + 7) & ~7;
      this.inSlab = false;
    }
    return this.buf.subarray(this.start, this.pos);
  }

  /** Gives a slab claim back when conversion failed before `finish`. */
  abandon(): void {
    if (this.inSlab) {
      slabOffset = this.start;
      this.inSlab = false;
    }
  }
}
