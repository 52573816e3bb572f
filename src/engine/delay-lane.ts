/**
 * A FIFO ring of the events of one handler scheduled a constant delay after the instant they
 * were scheduled at (an offer's expiry, 30 s after the offer), for the event heap: pushing and
 * cancelling one is O(1) instead of a sift in and a removal out of the heap. The clock never
 * goes back and rounding `now + delay` is monotone in `now`, so times only grow along the ring;
 * the order key (one priority class, a growing insertion sequence) grows too. So the ring's
 * head is its least event by the heap's own key (time, order), and the heap compares it with
 * its top like the "now" lane's head. Entries cancelled in place are skipped lazily, and when
 * the ring is full and at least half dead it is compacted instead of grown, so dead entries
 * never hold more memory than live ones.
 * An ordered lane (delay NaN) holds events whose times the caller gives, each at or after the
 * one before (one arrival stream's arrivals): the same argument makes its head its least event.
 */

const INITIAL_CAPACITY = 16;

/** The ring of one handler and delay; the heap checks an entry's generation to see it is live. */
export class DelayLane {
  /** Live entries (pending, not cancelled). */
  live = 0;
  private slots = new Int32Array(INITIAL_CAPACITY);
  private generations = new Int32Array(INITIAL_CAPACITY);
  private orders = new Float64Array(INITIAL_CAPACITY);
  private times = new Float64Array(INITIAL_CAPACITY);
  private head = 0;
  /** Entries in the ring, live or not. */
  private length = 0;
  /** Time of the last entry pushed (−∞ while the ring is empty): a push may not go below it. */
  tailTime = Number.NEGATIVE_INFINITY;

  constructor(
    /** Engine handler id of every event in the lane. */
    readonly handler: number,
    /** Its priority class, and the part of the order key it gives. */
    readonly priorityClass: number,
    readonly classOrder: number,
    /** The constant delay, in seconds (> 0); NaN for an ordered lane (times given by the caller). */
    readonly delaySeconds: number,
  ) {}

  /**
   * Appends a live entry, whose time and order are not less than the tail's;
   * `slotGeneration` (the heap's, by slot) tells dead entries if the ring must be compacted.
   */
  push(slot: number, generation: number, order: number, time: number, slotGeneration: Int32Array) {
    if (this.length === this.slots.length) this.makeRoom(slotGeneration);
    const at = (this.head + this.length) & (this.slots.length - 1);
    this.slots[at] = slot;
    this.generations[at] = generation;
    this.orders[at] = order;
    this.times[at] = time;
    this.tailTime = time;
    this.length++;
    this.live++;
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

  /** Time of the head entry. */
  headTime(): number {
    return this.times[this.head] as number;
  }

  /** Drops cancelled entries from the head (the ring has a live one). */
  skipDeadHeads(slotGeneration: Int32Array): void {
    while (slotGeneration[this.headSlot()] !== this.headGeneration()) this.shift(false);
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

  /** Time of the live entry in `slot` with `generation`; NaN when none (a linear search). */
  timeOf(slot: number, generation: number): number {
    const mask = this.slots.length - 1;
    for (let index = 0; index < this.length; index++) {
      const at = (this.head + index) & mask;
      if (this.slots[at] === slot && this.generations[at] === generation) {
        return this.times[at] as number;
      }
    }
    return Number.NaN;
  }

  private clear(): void {
    this.head = 0;
    this.length = 0;
    this.tailTime = Number.NEGATIVE_INFINITY;
  }

  /** A full ring: keeps its live entries in order, in a ring twice as large when needed. */
  private makeRoom(slotGeneration: Int32Array): void {
    const mask = this.slots.length - 1;
    const capacity = 2 * this.live > this.length ? this.slots.length * 2 : this.slots.length;
    const slots = new Int32Array(capacity);
    const generations = new Int32Array(capacity);
    const orders = new Float64Array(capacity);
    const times = new Float64Array(capacity);
    let kept = 0;
    for (let index = 0; index < this.length; index++) {
      const from = (this.head + index) & mask;
      const slot = this.slots[from] as number;
      const generation = this.generations[from] as number;
      if (slotGeneration[slot] !== generation) continue;
      slots[kept] = slot;
      generations[kept] = generation;
      orders[kept] = this.orders[from] as number;
      times[kept] = this.times[from] as number;
      kept++;
    }
    this.slots = slots;
    this.generations = generations;
    this.orders = orders;
    this.times = times;
    this.head = 0;
    this.length = kept;
  }
}
