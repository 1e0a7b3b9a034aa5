import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { RoundTripSession } from "./types.js";

/** Options the SDK client sends with every request: no timeout reset, a long limit. */
const REQUEST_OPTIONS = { timeout: 120_000 } as const;

/**
 * A {@link RoundTripSession} over an already connected official SDK client.
 * A failed call names the last transport error too: the SDK reports e.g. a
 * stdio message over its 10 MiB read buffer only as "Connection closed".
 */
export function sdkSession(client: Client, stop: () => Promise<void>): RoundTripSession {
  let transportError: Error | undefined;
  client.onerror = (error) => {
    transportError ??= error;
  };
  const explain = async (call: () => Promise<unknown>): Promise<void> => {
    try {
      await call();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const cause = transportError ? ` (transport error: ${transportError.message})` : "";
      throw new Error(`${message}${cause}`, { cause: error });
    }
  };
  return {
    callEcho: (message) =>
      explain(() => client.callTool({ name: "echo", arguments: { message } }, undefined, REQUEST_OPTIONS)),
    listTools: () => explain(() => client.listTools(undefined, REQUEST_OPTIONS)),
    callImage: (bytes) =>
      explain(() =>
        client.callTool({ name: "bench-image", arguments: { bytes } }, undefined, REQUEST_OPTIONS),
      ),
    async close() {
      await client.close();
      await stop();
    },
  };
}
