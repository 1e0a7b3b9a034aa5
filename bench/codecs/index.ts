import { jsonCodec } from "./json.js";
import { protobufEsCodec } from "./protobuf-es.js";
import { transcodeCodec } from "./transcode.js";
import { tsProtoCodec } from "./ts-proto.js";
import type { CodecEntry } from "./types.js";

export type { BoundCodec, Codec, CodecEntry } from "./types.js";
export { defineCodec } from "./types.js";

/** The implementation every ratio is computed against, measured in the same run. */
export const BASELINE_CODEC = "json";

/**
 * Every codec the codec suite runs, baseline first. To add one, write
 * `bench/codecs/<name>.ts` exporting `defineCodec({...})` and list it here.
 * A codec that cannot represent a fixture throws in `prepare`; the suite
 * records the case as skipped with that reason.
 */
export const codecs: readonly CodecEntry[] = [jsonCodec, protobufEsCodec, tsProtoCodec, transcodeCodec];
