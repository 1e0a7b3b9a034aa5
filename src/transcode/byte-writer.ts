/** A growable output buffer with the protobuf and JSON primitives the transcoder writes. */

/** Bytes reserved for a length prefix before the length is known: enough for 2 MiB. */
const LENGTH_RESERVE = 3;
const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);

export class ByteWriter {
  buf: Buffer;
  pos = 0;

  constructor(initialSize = 1024) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    const need = this.pos + n;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  /** Writes precomputed bytes (a tag, a JSON key). */
  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** Copies `src[start, end)`: short runs byte by byte, long ones natively (no view is made). */
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
    src.copy(this.buf, this.pos, start, end);
    this.pos += n;
  }

  /** Writes a string as latin1 (one byte per char): used for ASCII such as numbers and base64. */
  ascii(s: string): void {
    this.ensure(s.length);
    this.pos += this.buf.latin1Write(s, this.pos, s.length);
  }

  /** Writes a JS string as UTF-8. */
  utf8(s: string): void {
    this.ensure(s.length * 3);
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

  /** Reserves room for a length prefix; pass the result to `endLength` once the content is written. */
  beginLength(): number {
    this.ensure(LENGTH_RESERVE);
    this.pos += LENGTH_RESERVE;
    return this.pos;
  }

  /** Writes the length of everything since `beginLength`, moving the content if the prefix is not 3 bytes. */
  endLength(contentStart: number): void {
    const length = this.pos - contentStart;
    const size =
      length < 0x80 ? 1 : length < 0x4000 ? 2 : length < 0x200000 ? 3 : length < 0x10000000 ? 4 : 5;
    const prefixStart = contentStart - LENGTH_RESERVE;
    if (size !== LENGTH_RESERVE) {
      this.ensure(size - LENGTH_RESERVE);
      this.buf.copyWithin(prefixStart + size, contentStart, this.pos);
      this.pos += size - LENGTH_RESERVE;
    }
    let n = length;
    let at = prefixStart;
    while (n > 0x7f) {
      this.buf[at++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buf[at] = n;
  }

  /** The bytes written (a view: the writer is not reused). */
  finish(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
}
