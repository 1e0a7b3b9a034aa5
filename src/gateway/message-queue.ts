/**
 * A queue read as an async iterable: producers push, one consumer iterates until `end()`.
 *
 * @module
 */

/** An unbounded single-consumer queue; what is pushed before `end()` is still delivered. */
export class MessageQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private wake: (() => void) | undefined;
  private done = false;

  push(item: T): void {
    this.items.push(item);
    this.signal();
  }

  end(): void {
    this.done = true;
    this.signal();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) {
        yield item;
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
