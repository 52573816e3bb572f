/**
 * Recycled integer slots for things that live a while and are then forgotten (jobs in the
 * system, open offers, assignments): engine events carry a number, so the world stores per-thing
 * state in parallel arrays indexed by slot and frees the slot when the thing ends. Memory is
 * bounded by how many things are alive at once, not by how many there have been.
 * acquire and release are O(1).
 */
export class SlotPool {
  private readonly free: number[] = [];
  private used = 0;

  /** Number of slots ever handed out (an upper bound for array sizes). */
  get highWater(): number {
    return this.used;
  }

  /** Number of slots in use. */
  get liveCount(): number {
    return this.used - this.free.length;
  }

  /** A free slot: a released one if any, else a new one. */
  acquire(): number {
    const recycled = this.free.pop();
    return recycled === undefined ? this.used++ : recycled;
  }

  /** Returns a slot; it may be handed out again. */
  release(slot: number): void {
    this.free.push(slot);
  }
}
