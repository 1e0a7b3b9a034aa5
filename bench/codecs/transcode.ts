import { type FixtureContext, fixtureContext, transcoderFor } from "./fixture-binary.js";
import { defineCodec } from "./types.js";

/** The transcoder's input and output: JSON text bytes, plus what the connection knows. */
interface TranscodeInput {
  readonly json: Uint8Array;
  readonly context: FixtureContext;
}

/**
 * The protomcp transcoder (`src/transcode`): JSON-RPC text bytes straight to
 * `mcp.v1.JSONRPCMessage` bytes and back, with no JS object in between.
 * Encode is JSON bytes -> protobuf bytes; decode is protobuf bytes -> JSON
 * bytes; roundtrip is one full bridge hop (protobuf -> JSON -> protobuf).
 * A response needs its request's method; each call tells the transcoder
 * (`expect`), as a connection that saw the request would know.
 */
export const transcodeCodec = defineCodec<TranscodeInput>({
  name: "transcode",
  description:
    "protomcp JsonRpcTranscoder: JSON text bytes <-> mcp.v1.JSONRPCMessage bytes (no object model)",
  prepare: (fixture) => ({ json: Buffer.from(fixture.json, "utf8"), context: fixtureContext(fixture) }),
  encode: (input) => transcoderFor(input.context).toBinary(input.json),
  decode: (bytes, context) => ({
    json: transcoderFor(context.context).toJson(bytes),
    context: context.context,
  }),
});
