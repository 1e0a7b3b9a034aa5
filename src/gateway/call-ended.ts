import { Code, ConnectError, type HandlerContext } from "@connectrpc/connect";

/**
 * Why a streaming call is over before its upstream request finished: its caller cancelled (the
 * signal's reason), or its deadline passed. Such a stream ends with that status (canceled,
 * deadline_exceeded), not with a JSON-RPC error the caller is no longer owed.
 */
export function callEnded(context: HandlerContext): ConnectError | undefined {
  if (context.signal.aborted) return ConnectError.from(context.signal.reason, Code.Canceled);
  const left = context.timeoutMs();
  return left !== undefined && left <= 0
    ? new ConnectError("the operation timed out", Code.DeadlineExceeded)
    : undefined;
}
