/**
 * A queue read as an async iterable: producers push, one consumer iterates until `end()`.
 *
 * @module
 */

/** An unbounded single-consumer queue; `fail` makes the iteration throw after what is queued. */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private wake: (() => void) | undefined;
  private done = false;
  private error: unknown;

  push(item: T): void {
    this.items.push(item);
    this.signal();
  }

  end(): void {
    this.done = true;
    this.signal();
  }

  fail(error: unknown): void {
    this.error = error ?? new Error("queue failed");
    this.end();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) {
        yield item;
        continue;
      }
      if (this.done) {
        if (this.error !== undefined) throw this.error;
        return;
      }
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
