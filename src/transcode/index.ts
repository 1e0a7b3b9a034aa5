/**
 * The transcoder: MCP's JSON form and its protobuf form, both ways, without loss. Pure: no I/O, no
 * timers. See docs/transcoding.md for the mapping.
 */
export {
  binaryToJson,
  binaryToValue,
  jsonToBinary,
  type TranscodeOptions,
  valueToBinary,
} from "./convert.js";
export { TranscodeCode, TranscodeError } from "./errors.js";
export { JsonRpcTranscoder } from "./json-rpc.js";
