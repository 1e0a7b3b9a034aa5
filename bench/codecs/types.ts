import type { Fixture } from "../corpus/fixture.js";

/**
 * A wire codec under test. The codec suite calls `prepare` once per fixture,
 * untimed, then times `encode(prepared)` and `decode(bytes)`.
 *
 * `Prepared` is whatever the codec starts encoding from: for `json` the parsed
 * JSON value, for protobuf-es a message built from the fixture, for the
 * transcoder the fixture's JSON text as UTF-8 bytes.
 */
export interface Codec<Prepared> {
  /** Short, stable implementation name: `json`, `protobuf-es`, `ts-proto`, `transcode`. */
  readonly name: string;
  /** One line for the report: what encode and decode actually do. */
  readonly description: string;
  /**
   * Untimed set-up for one fixture. Throw (with a reason) if the codec cannot
   * represent the fixture; the suite records it as skipped, never silently.
   */
  prepare(fixture: Fixture): Prepared;
  /** In-memory form to wire bytes. Timed. */
  encode(prepared: Prepared): Uint8Array;
  /**
   * Wire bytes back to the in-memory form `encode` starts from. Timed.
   * `context` is this fixture's prepared value: what a real connection knows
   * besides the bytes (e.g. which method a response id answers). Most codecs
   * ignore it.
   */
  decode(bytes: Uint8Array, context: Prepared): Prepared;
}

/** A codec bound to one fixture, with its type parameter erased for the registry. */
export interface BoundCodec {
  readonly encode: () => Uint8Array;
  readonly decode: (bytes: Uint8Array) => unknown;
  /** Decode then re-encode: one hop through a bridge that must look inside. */
  readonly roundtrip: (bytes: Uint8Array) => Uint8Array;
}

/** A registry entry: a codec whose `Prepared` type is hidden behind {@link BoundCodec}. */
export interface CodecEntry {
  readonly name: string;
  readonly description: string;
  /** Prepares the fixture and returns the two timed operations. */
  bind(fixture: Fixture): BoundCodec;
}

/** Erases a codec's `Prepared` type so codecs of different shapes share one list. */
export function defineCodec<Prepared>(codec: Codec<Prepared>): CodecEntry {
  return {
    name: codec.name,
    description: codec.description,
    bind(fixture) {
      const prepared = codec.prepare(fixture);
      return {
        encode: () => codec.encode(prepared),
        decode: (bytes) => codec.decode(bytes, prepared),
        roundtrip: (bytes) => codec.encode(codec.decode(bytes, prepared)),
      };
    },
  };
}
