import { jsonCodec } from "./json.js";
import type { CodecEntry } from "./types.js";

export type { BoundCodec, Codec, CodecEntry } from "./types.js";
export { defineCodec } from "./types.js";

/** The implementation every ratio is computed against, measured in the same run. */
export const BASELINE_CODEC = "json";

/**
 * Every codec the codec suite runs, baseline first. To add one, write
 * `bench/codecs/<name>.ts` exporting `defineCodec({...})` and list it here.
 *
 * TODO (plug-ins, wire when they exist — see docs in ./types.ts):
 * - `protobuf-es`: `gen/es/mcp/v1/*_pb.ts`, `toBinary`/`fromBinary` from
 *   `@bufbuild/protobuf` on `JSONRPCMessageSchema`; prepare with `fromJsonString`
 *   (or the transcoder) so the timed part is only toBinary/fromBinary.
 * - `ts-proto`: `gen/ts-proto/mcp/v1/*.ts`, `JSONRPCMessage.encode(m).finish()` /
 *   `JSONRPCMessage.decode(bytes)`.
 * - `transcode`: `src/transcode/index.ts`, JSON text bytes -> protobuf bytes and
 *   back; prepare = UTF-8 bytes of `fixture.json`.
 */
export const codecs: readonly CodecEntry[] = [jsonCodec];
