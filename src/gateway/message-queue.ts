/**
 * A queue read as an async iterable: producers push, one consumer iterates until `end()`. Bounded
 * by messages and bytes, because the producer (an upstream) does not wait for the consumer (a
 * binary caller, which may read slowly or not at all).
 *
 * @module
 */

/** How much a stream may hold for a caller that has not read it yet. */
export interface QueueLimits {
  /** Most messages waiting. Default {@link DEFAULT_QUEUE_LIMITS}. */
  maxMessages: number;
  /** Most bytes waiting (as the sizes given to `push`). Default {@link DEFAULT_QUEUE_LIMITS}. */
  maxBytes: number;
}

/**
 * Per-stream defaults. The queue fills not only when a caller stalls: a stdio upstream can write
 * far faster than a stream forwards (measured on loopback: about 2,700 messages or 20 MB a second
 * per stream), so the bounds must hold a burst. 16 MiB holds several large results (4 MiB each at
 * most) or seconds of progress; 8192 messages bounds the per-message overhead of tiny ones.
 */
export const DEFAULT_QUEUE_LIMITS: QueueLimits = { maxMessages: 8192, maxBytes: 16 * 1024 * 1024 };

/** A bounded single-consumer queue; what is pushed before `end()` is still delivered. */
export class MessageQueue<T> implements AsyncIterable<T> {
  private readonly items: { item: T; bytes: number }[] = [];
  private bytes = 0;
  private wake: (() => void) | undefined;
  private done = false;
  private failure: Error | undefined;

  constructor(private readonly limits: QueueLimits = DEFAULT_QUEUE_LIMITS) {}

  /**
   * Queues `item` of `bytes` bytes. False, and nothing queued, when it would go past the limits:
   * the producer decides what that means, usually `fail`. After `end` or `fail`, items are dropped.
   */
  push(item: T, bytes = 0): boolean {
    if (this.done || this.failure !== undefined) return true;
    if (this.items.length + 1 > this.limits.maxMessages || this.bytes + bytes > this.limits.maxBytes)
      return false;
    this.items.push({ item, bytes });
    this.bytes += bytes;
    this.signal();
    return true;
  }

  end(): void {
    this.done = true;
    this.signal();
  }

  /** Drops what is queued and makes the consumer's iteration throw `error` (first failure wins). */
  fail(error: Error): void {
    if (this.failure !== undefined) return;
    this.failure = error;
    this.items.length = 0;
    this.bytes = 0;
    this.signal();
  }

  /** What is queued, for messages and tests. */
  get size(): { messages: number; bytes: number } {
    return { messages: this.items.length, bytes: this.bytes };
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      const next = this.items.shift();
      if (next !== undefined) {
        this.bytes -= next.bytes;
        yield next.item;
        continue;
      }
      if (this.done) return;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
