/**
 * Headers of an MCP client's HTTP request that the MCP face passes on to the binary upstream as
 * RPC metadata, so that credentials such as `authorization` reach the service behind the face.
 *
 * @module
 */
import type { MessageInfo } from "../jsonrpc/index.js";

/**
 * The headers named in `names` (case-insensitive) of the HTTP request that carried a message, or
 * `undefined` when none apply (stdio, or no such header). Repeated values are joined with `, `.
 */
export function forwardedHeaders(
  names: readonly string[] | undefined,
  info: MessageInfo | undefined,
): Headers | undefined {
  const incoming = info?.headers;
  if (names === undefined || names.length === 0 || incoming === undefined) return undefined;
  const headers = new Headers();
  for (const name of names) {
    const value = incoming[name.toLowerCase()];
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return [...headers.keys()].length === 0 ? undefined : headers;
}
