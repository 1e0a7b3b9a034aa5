import { type McpRevision, mcpRevisions } from "../../src/schema/index.js";
import { JsonRpcTranscoder } from "../../src/transcode/index.js";
import type { Fixture } from "../corpus/fixture.js";

/** What a connection knows about a fixture besides its bytes. */
export interface FixtureContext {
  /** The revision to transcode under, when the schema knows it. */
  readonly revision: McpRevision | undefined;
  /** For a response: the id and the method of the request it answers. */
  readonly answers: { readonly id: string | number; readonly method: string } | undefined;
}

/** Reads the revision and, for a response, the request it answers. */
export function fixtureContext(fixture: Fixture): FixtureContext {
  const revision = (mcpRevisions as readonly string[]).includes(fixture.revision)
    ? (fixture.revision as McpRevision)
    : undefined;
  const msg = JSON.parse(fixture.json) as { id?: string | number; method?: string };
  const isResponse = msg.method === undefined && msg.id !== undefined;
  return {
    revision,
    answers: isResponse && msg.id !== undefined ? { id: msg.id, method: fixture.method } : undefined,
  };
}

/** A transcoder for one connection, told which request a response fixture answers. */
export function transcoderFor(context: FixtureContext): JsonRpcTranscoder {
  const t = new JsonRpcTranscoder(context.revision ? { revision: context.revision } : {});
  if (context.answers) t.expect(context.answers.id, context.answers.method);
  return t;
}

/**
 * The fixture as binary `mcp.v1.JSONRPCMessage`, made by the protomcp
 * transcoder. The protobuf-es and ts-proto codecs start from this (untimed),
 * since MCP's JSON is not protobuf's canonical JSON mapping.
 */
export function fixtureBinary(fixture: Fixture): Uint8Array {
  return transcoderFor(fixtureContext(fixture)).toBinary(fixture.json);
}
