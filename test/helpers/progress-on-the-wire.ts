import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";

/**
 * Records the `notifications/progress` an SDK client's transport receives, per progress token, as
 * they arrive.
 *
 * The SDK client's own `onprogress` cannot be trusted for the last notification: it runs progress
 * handlers a microtask later but drops the request's progress handler synchronously when the
 * response arrives, so a notification read in the same chunk as the response is lost (seen over
 * stdio, where both come in one pipe read). Tests of what a server sends read the wire instead.
 * Call after `client.connect(transport)`, which installs the handler this wraps.
 */
export function progressOnTheWire(transport: Transport): (token: string | number) => number[] {
  const seen = new Map<string, number[]>();
  const deliver = transport.onmessage;
  transport.onmessage = (message, extra) => {
    if ("method" in message && message.method === "notifications/progress") {
      const params = message.params as { progressToken: string | number; progress: number };
      const key = String(params.progressToken);
      seen.set(key, [...(seen.get(key) ?? []), params.progress]);
    }
    deliver?.(message, extra);
  };
  return (token) => seen.get(String(token)) ?? [];
}
