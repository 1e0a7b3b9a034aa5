/**
 * A small deterministic PRNG (mulberry32). The corpus must be byte-identical
 * from run to run so that results stay comparable, hence no `Math.random`.
 */
export class Prng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Integer in `[0, max)`. */
  nextInt(max: number): number {
    return this.nextUint32() % max;
  }

  /** `length` pseudo-random bytes. */
  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    const view = new DataView(out.buffer);
    let i = 0;
    for (; i + 4 <= length; i += 4) view.setUint32(i, this.nextUint32(), true);
    for (; i < length; i++) out[i] = this.nextUint32() & 0xff;
    return out;
  }

  /** Pick one element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.nextInt(items.length)];
    if (item === undefined) throw new Error("cannot pick from an empty array");
    return item;
  }
}
