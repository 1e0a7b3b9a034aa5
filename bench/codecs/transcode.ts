import type { JsonRpcTranscoder } from "../../src/transcode/index.js";
import { type FixtureContext, fixtureContext, transcoderFor } from "./fixture-binary.js";
import { defineCodec } from "./types.js";

/** The transcoder's input and output: JSON text bytes, plus what the connection knows. */
interface TranscodeInput {
  readonly json: Uint8Array;
  readonly context: FixtureContext;
  /** The fixture's connection: one transcoder, kept across calls as a real connection keeps it. */
  readonly transcoder: JsonRpcTranscoder;
}

/** Tells the connection's transcoder which request a response answers, as seeing that request would. */
function connection(input: TranscodeInput): JsonRpcTranscoder {
  const answers = input.context.answers;
  if (answers !== undefined) input.transcoder.expect(answers.id, answers.method);
  return input.transcoder;
}

/**
 * The protomcp transcoder (`src/transcode`): JSON-RPC text bytes straight to
 * `mcp.v1.JSONRPCMessage` bytes and back, with no JS object in between.
 * Encode is JSON bytes -> protobuf bytes; decode is protobuf bytes -> JSON
 * bytes; roundtrip is one full bridge hop (protobuf -> JSON -> protobuf).
 * One transcoder per fixture, made untimed in `prepare` and reused by every
 * call, as one connection reuses it: building one per call would time set-up a
 * connection pays once. A response needs its request's method; each call tells
 * the transcoder (`expect`), as a connection that saw the request would know.
 */
export const transcodeCodec = defineCodec<TranscodeInput>({
  name: "transcode",
  description:
    "protomcp JsonRpcTranscoder, one per fixture reused as a connection would (expect(id, method) before each response): JSON text bytes <-> mcp.v1.JSONRPCMessage bytes (no object model)",
  prepare: (fixture) => {
    const context = fixtureContext(fixture);
    return { json: Buffer.from(fixture.json, "utf8"), context, transcoder: transcoderFor(context) };
  },
  encode: (input) => connection(input).toBinary(input.json),
  decode: (bytes, input) => ({ ...input, json: connection(input).toJson(bytes) }),
});
