/**
 * One benchmark payload: a whole JSON-RPC message, as the text a client or
 * server puts on the wire.
 */
export interface Fixture {
  /** Stable kebab-case name, used in case names such as `encode/tools-list-100`. */
  readonly name: string;
  /** Which side of a JSON-RPC exchange the message is. */
  readonly kind: FixtureKind;
  /** The MCP method the message belongs to (for a result, the method of its request). */
  readonly method: string;
  /** MCP protocol revision the message was produced under, e.g. `2025-11-25`. */
  readonly revision: string;
  /** Where it came from: a captured session or the deterministic generator. */
  readonly origin: "captured" | "generated";
  /** The complete JSON-RPC envelope as compact JSON text. */
  readonly json: string;
}

/** The JSON-RPC message kinds a fixture may hold. */
export type FixtureKind = "request" | "result" | "notification" | "error";

/** UTF-8 length of a fixture's JSON text: what it costs on the wire as JSON. */
export function jsonWireBytes(fixture: Fixture): number {
  return Buffer.byteLength(fixture.json, "utf8");
}
