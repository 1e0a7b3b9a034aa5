/**
 * A per-caller cap on calls in flight, so one caller (a runaway agent loop, a retry storm) cannot
 * take every upstream slot from the others. Streams hold their slot until they end.
 *
 * @module
 */
import { Code, ConnectError, type StreamResponse, type UnaryResponse } from "@connectrpc/connect";

/** Counts calls in flight per caller against a fixed limit. */
export class CallerLimit {
  private readonly inFlight = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Calls `caller` has in flight now. */
  count(caller: string): number {
    return this.inFlight.get(caller) ?? 0;
  }

  /**
   * Takes a slot for `caller`, or throws `ResourceExhausted` when it has `max` in flight. The
   * returned function gives the slot back; calling it again does nothing.
   */
  acquire(caller: string): () => void {
    const count = this.count(caller);
    if (count >= this.max) {
      throw new ConnectError(
        `cannot start call: caller '${caller}' already has ${count} calls in flight (the limit)`,
        Code.ResourceExhausted,
      );
    }
    this.inFlight.set(caller, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.count(caller) - 1;
      if (left <= 0) this.inFlight.delete(caller);
      else this.inFlight.set(caller, left);
    };
  }
}

/**
 * Holds the slot `release` stands for until `response` is done: at once for a unary response
 * (its handler has finished), when the stream ends, fails or is abandoned for a streaming one,
 * and when `signal` aborts (a cancelled or timed-out call) in every case.
 */
export function releaseWhenDone<R extends UnaryResponse | StreamResponse>(
  response: R,
  release: () => void,
  signal: AbortSignal,
): R {
  if (!response.stream) {
    release();
    return response;
  }
  signal.addEventListener("abort", release, { once: true });
  const source = response.message;
  // A plain iterator, not a generator: a generator never started runs no `finally` on return().
  const iterable: AsyncIterable<unknown> = {
    [Symbol.asyncIterator]() {
      const iterator = source[Symbol.asyncIterator]();
      return {
        async next() {
          try {
            const result = await iterator.next();
            if (result.done === true) release();
            return result;
          } catch (error) {
            release();
            throw error;
          }
        },
        async return(value?: unknown) {
          release();
          return (await iterator.return?.(value)) ?? { done: true, value: undefined };
        },
      };
    },
  };
  return { ...response, message: iterable };
}
