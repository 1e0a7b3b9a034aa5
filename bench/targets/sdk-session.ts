import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { RoundTripSession } from "./types.js";

/** Options the SDK client sends with every request: no timeout reset, a long limit. */
const REQUEST_OPTIONS = { timeout: 120_000 } as const;

/** A {@link RoundTripSession} over an already connected official SDK client. */
export function sdkSession(client: Client, stop: () => Promise<void>): RoundTripSession {
  return {
    async callEcho(message) {
      await client.callTool({ name: "echo", arguments: { message } }, undefined, REQUEST_OPTIONS);
    },
    async listTools() {
      await client.listTools(undefined, REQUEST_OPTIONS);
    },
    async callImage(bytes) {
      await client.callTool({ name: "bench-image", arguments: { bytes } }, undefined, REQUEST_OPTIONS);
    },
    async close() {
      await client.close();
      await stop();
    },
  };
}
