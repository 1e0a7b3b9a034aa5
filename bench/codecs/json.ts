import { defineCodec } from "./types.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The baseline every other codec is measured against: `JSON.stringify` plus
 * UTF-8 encoding, and UTF-8 decoding plus `JSON.parse`. This is what the MCP
 * SDK does for every message on stdio and HTTP.
 */
export const jsonCodec = defineCodec<unknown>({
  name: "json",
  description: "JSON.stringify + TextEncoder / TextDecoder + JSON.parse",
  prepare: (fixture) => JSON.parse(fixture.json),
  encode: (value) => encoder.encode(JSON.stringify(value)),
  decode: (bytes) => JSON.parse(decoder.decode(bytes)),
});
