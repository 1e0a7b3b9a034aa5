/**
 * The error a binary stream ends with when its caller reads too slowly for the gateway to keep
 * holding what the upstream sends.
 *
 * @module
 */
import { Code, ConnectError } from "@connectrpc/connect";
import type { QueueLimits } from "./message-queue.js";

/** `resource_exhausted`, saying which limit was hit and what the gateway did about it. */
export function streamOverflow(limits: QueueLimits, what: string): ConnectError {
  const mib = (limits.maxBytes / (1024 * 1024)).toFixed(1);
  return new ConnectError(
    `${what}: the caller read too slowly, and the gateway holds at most ${limits.maxMessages} messages ` +
      `or ${mib} MiB per stream (--max-stream-queue-messages, --max-stream-queue-bytes); the upstream request was cancelled`,
    Code.ResourceExhausted,
  );
}
