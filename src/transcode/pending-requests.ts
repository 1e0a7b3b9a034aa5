/**
 * The requests of one connection still waiting for their responses, each with its method: a
 * response's result is typed by it. Every message that passes records or clears one, so this is on
 * the path of every conversion.
 */
import type { IdKey } from "./ids.js";

/**
 * Slots for integer ids, by `id % SLOTS`. Peers number their requests 0, 1, 2, … and answer them
 * roughly in order, so the ids in flight fall in distinct slots; an id whose slot is taken (more
 * than this many in flight, or one never answered) goes to a Map instead. Small, because a gateway
 * keeps one of these per connection.
 */
const SLOTS = 64;
const EMPTY = -1;

/**
 * Pending requests, keyed by {@link IdKey}. Integer ids (nearly all of them) live in fixed slots: a
 * Map's look-ups and inserts, with its table shrinking and growing again as the only request in
 * flight comes and goes, cost a tenth of converting a small request.
 */
export class PendingRequests {
  private slotIds: Float64Array | undefined;
  private slotMethods: (string | undefined)[] = [];
  private inSlots = 0;
  private readonly others = new Map<IdKey, string>();

  /** How many requests wait for their responses. */
  get size(): number {
    return this.inSlots + this.others.size;
  }

  /** Records that request `id` asked `method` (a repeated id takes the new method). */
  remember(id: IdKey, method: string): void {
    if (typeof id === "number") {
      if (this.slotIds === undefined) {
        this.slotIds = new Float64Array(SLOTS).fill(EMPTY);
        this.slotMethods = new Array<string | undefined>(SLOTS).fill(undefined);
      }
      const ids = this.slotIds;
      const slot = id % SLOTS;
      const held = ids[slot];
      if (held === id) {
        this.slotMethods[slot] = method;
        return;
      }
      if (held === EMPTY && (this.others.size === 0 || !this.others.has(id))) {
        ids[slot] = id;
        this.slotMethods[slot] = method;
        this.inSlots++;
        return;
      }
    }
    this.others.set(id, method);
  }

  /** The method of pending request `id`, or undefined when none is pending under that id. */
  methodOf(id: IdKey): string | undefined {
    if (typeof id === "number" && this.slotIds !== undefined) {
      const slot = id % SLOTS;
      if (this.slotIds[slot] === id) return this.slotMethods[slot];
    }
    return this.others.size === 0 ? undefined : this.others.get(id);
  }

  /** Clears request `id`, answered; nothing happens when it is not pending. */
  forget(id: IdKey): void {
    if (typeof id === "number" && this.slotIds !== undefined) {
      const slot = id % SLOTS;
      if (this.slotIds[slot] === id) {
        this.slotIds[slot] = EMPTY;
        this.slotMethods[slot] = undefined;
        this.inSlots--;
        return;
      }
    }
    if (this.others.size !== 0) this.others.delete(id);
  }
}
