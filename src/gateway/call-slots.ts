/**
 * Calls in flight per upstream: an MCP server (a stdio process above all) serves a bounded number
 * of requests well, and one busy caller should not queue thousands of requests on it. Beyond the
 * limit a few calls wait their turn, in order; beyond those, a call is refused at once.
 *
 * @module
 */
import { Code, ConnectError } from "@connectrpc/connect";

/** Limits of {@link CallSlots}. */
export interface CallSlotLimits {
  /** Most calls one upstream has in flight. Default {@link DEFAULT_CALL_SLOT_LIMITS}. */
  maxConcurrent: number;
  /** Most calls waiting for a slot; more are `resource_exhausted`. Default {@link DEFAULT_CALL_SLOT_LIMITS}. */
  maxWaiting: number;
}

/**
 * 64 in flight is the load test (64 concurrent callers) with none waiting; 64 waiting
 * absorbs a burst of as many again, each still bounded by its own deadline.
 */
export const DEFAULT_CALL_SLOT_LIMITS: CallSlotLimits = { maxConcurrent: 64, maxWaiting: 64 };

/** Releases a slot; calling it twice releases it once. */
export type Release = () => void;

/** A counting semaphore with a bounded, abortable wait queue. */
export class CallSlots {
  private inFlight = 0;
  private readonly waiting: { grant(): void }[] = [];

  constructor(
    private readonly name: string,
    private readonly limits: CallSlotLimits = DEFAULT_CALL_SLOT_LIMITS,
  ) {}

  /** Calls holding a slot, and calls waiting for one. */
  get load(): { inFlight: number; waiting: number } {
    return { inFlight: this.inFlight, waiting: this.waiting.length };
  }

  /**
   * A slot for one call: at once when one is free, else after waiting (rejected with the signal's
   * reason when it aborts first, e.g. the call's deadline), or `resource_exhausted` at once when
   * the wait queue is full.
   */
  async acquire(signal?: AbortSignal): Promise<Release> {
    signal?.throwIfAborted();
    if (this.inFlight < this.limits.maxConcurrent && this.waiting.length === 0) {
      this.inFlight++;
      return this.releaser();
    }
    if (this.waiting.length >= this.limits.maxWaiting) {
      throw new ConnectError(
        `upstream '${this.name}' is busy: ${this.inFlight} calls in flight and ${this.waiting.length} waiting ` +
          `(--max-concurrent-per-upstream ${this.limits.maxConcurrent}, --max-waiting-per-upstream ${this.limits.maxWaiting})`,
        Code.ResourceExhausted,
      );
    }
    return new Promise<Release>((resolve, reject) => {
      const entry = {
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          this.inFlight++;
          resolve(this.releaser());
        },
      };
      const onAbort = () => {
        const at = this.waiting.indexOf(entry);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(ConnectError.from(signal?.reason ?? new Error("aborted"), Code.Canceled));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      if (this.inFlight < this.limits.maxConcurrent) this.waiting.shift()?.grant();
    };
  }
}
