/**
 * A FIFO ring of events due at the current instant (zero-delay events: an offer answered at
 * once, a close right after a completion), for the event heap: pushing and taking one is O(1)
 * instead of two O(log n) sifts. Entries keep their heap order key, which only grows along the
 * ring, so the ring's head is its least event; entries cancelled in place are skipped lazily.
 */

const INITIAL_CAPACITY = 16;

/** The ring of one event heap; the heap checks an entry's generation to see it is still live. */
export class NowLane {
  /**
   * Time of every entry (the instant they were scheduled at, which is now). Born NaN (never read
   * while the ring is empty), a double from the start (docs/router-performance.md, "Fields born
   * with their final representation").
   */
  timeSeconds = Number.NaN;
  /** Live entries (pending, not cancelled). */
  live = 0;
  /** Order key of the last entry pushed: a new entry may follow only with a greater one. */
  // Born −∞ (a double; never read while the ring is empty), for the reason `timeSeconds` is NaN.
  tailOrder = Number.NEGATIVE_INFINITY;
  private slots = new Int32Array(INITIAL_CAPACITY);
  private generations = new Int32Array(INITIAL_CAPACITY);
  private orders = new Float64Array(INITIAL_CAPACITY);
  private head = 0;
  /** Entries in the ring, live or not. */
  private length = 0;

  /** Appends a live entry (its order greater than `tailOrder`). */
  push(slot: number, generation: number, order: number): void {
    if (this.length === this.slots.length) this.grow();
    const at = (this.head + this.length) & (this.slots.length - 1);
    this.slots[at] = slot;
    this.generations[at] = generation;
    this.orders[at] = order;
    this.length++;
    this.live++;
    this.tailOrder = order;
  }

  /** Slot of the head entry; only valid when the ring is not empty. */
  headSlot(): number {
    return this.slots[this.head] as number;
  }

  /** Generation the head entry's slot had when it was pushed. */
  headGeneration(): number {
    return this.generations[this.head] as number;
  }

  /** Order key of the head entry. */
  headOrder(): number {
    return this.orders[this.head] as number;
  }

  /** Drops the head entry (a live one fired: `wasLive`, or a cancelled one skipped). */
  shift(wasLive: boolean): void {
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.length--;
    if (wasLive) this.live--;
    if (this.live === 0) this.clear();
  }

  /** A live entry was cancelled in place; the ring empties once none is live. */
  cancelled(): void {
    this.live--;
    if (this.live === 0) this.clear();
  }

  private clear(): void {
    this.head = 0;
    this.length = 0;
  }

  private grow(): void {
    const capacity = this.slots.length * 2;
    const slots = new Int32Array(capacity);
    const generations = new Int32Array(capacity);
    const orders = new Float64Array(capacity);
    for (let index = 0; index < this.length; index++) {
      const from = (this.head + index) & (this.slots.length - 1);
      slots[index] = this.slots[from] as number;
      generations[index] = this.generations[from] as number;
      orders[index] = this.orders[from] as number;
    }
    this.slots = slots;
    this.generations = generations;
    this.orders = orders;
    this.head = 0;
  }
}
