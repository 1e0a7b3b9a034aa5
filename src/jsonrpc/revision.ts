/**
 * MCP protocol revisions this layer speaks, and the `_meta` keys of the stateless one.
 *
 * @module
 */

/** The stateful revision, negotiated with `initialize` (sessions, server-to-client requests). */
export const STATEFUL_REVISION = "2025-11-25";
/** The stateless revision, found with `server/discover`; every request carries its `_meta`. */
export const STATELESS_REVISION = "2026-07-28";
/** Revisions a server may answer `initialize` with, newest first. */
export const INITIALIZE_REVISIONS: readonly string[] = [
  "2025-11-25",
  "2025-06-18",
  "2025-03-26",
  "2024-11-05",
];
/** Every revision accepted in an `MCP-Protocol-Version` header. */
export const SUPPORTED_REVISIONS: readonly string[] = [STATELESS_REVISION, ...INITIALIZE_REVISIONS];

/** `_meta` keys of MCP 2026-07-28 per-request metadata (spec `RequestMetaObject`). */
export const MetaKey = {
  ProtocolVersion: "io.modelcontextprotocol/protocolVersion",
  ClientCapabilities: "io.modelcontextprotocol/clientCapabilities",
  ClientInfo: "io.modelcontextprotocol/clientInfo",
  LogLevel: "io.modelcontextprotocol/logLevel",
} as const;
