/**
 * Capacity jobs hold on workers (an open offer, then the assignment the accepted offer becomes),
 * as columns indexed by a slot recycled when the hold is given back, so an offer costs no
 * allocation. A job's open offers form a list through `next`, newest first (JobTable.newestOffer).
 */
import { objectArray } from "../collections/object-array.ts";
import type { WorkerTally } from "./worker-tally.ts";

/** No hold (end of a list, no assignment). */
export const NO_HOLD = -1;

const INITIAL_SLOTS = 64;

/** See the module header. Fields are read by slot. */
export class HoldTable {
  private readonly freeSlots: number[] = [];
  private slotCount = 0;

  /** The offer the hold came from (its sequence, the router's handle). */
  offer = new Float64Array(INITIAL_SLOTS);
  /**
   * The worker whose capacity is held. Born of the general elements kind (objectArray): a `[]`
   * changed kind at its first hold, and the code storing into it, optimized in an earlier
   * replication, deoptimized in some new ones ("wrong map" in `add`).
   */
  readonly worker: WorkerTally[] = objectArray();
  /** Index of the queue the offer came from (−1 if unknown): capacity use is charged there. */
  queueIndex = new Int32Array(INITIAL_SLOTS);
  capacityCost = new Float64Array(INITIAL_SLOTS);
  /** capacityCost / the worker's total capacity: the share of one worker. */
  workerShare = new Float64Array(INITIAL_SLOTS);
  /** The next older open offer of the same job, or NO_HOLD. */
  next = new Int32Array(INITIAL_SLOTS);

  /** A new hold (its `next` is NO_HOLD). */
  add(offer: number, worker: WorkerTally, queueIndex: number, capacityCost: number): number {
    const slot = this.freeSlots.length > 0 ? (this.freeSlots.pop() as number) : this.newSlot();
    this.offer[slot] = offer;
    this.worker[slot] = worker;
    this.queueIndex[slot] = queueIndex;
    this.capacityCost[slot] = capacityCost;
    this.workerShare[slot] = worker.shareOf(capacityCost);
    this.next[slot] = NO_HOLD;
    return slot;
  }

  /** Gives a slot back for reuse. */
  release(slot: number): void {
    this.freeSlots.push(slot);
  }

  /**
   * Unlinks the hold of `offer` from the list starting at `newest`; returns the list's new
   * head and sets `taken` to the hold (NO_HOLD when absent).
   */
  unlink(newest: number, offer: number): number {
    let previous = NO_HOLD;
    for (let slot = newest; slot !== NO_HOLD; slot = this.next[slot] as number) {
      if (this.offer[slot] === offer) {
        this.taken = slot;
        const after = this.next[slot] as number;
        this.next[slot] = NO_HOLD;
        if (previous === NO_HOLD) return after;
        this.next[previous] = after;
        return newest;
      }
      previous = slot;
    }
    this.taken = NO_HOLD;
    return newest;
  }

  /** The hold the last `unlink` took, or NO_HOLD. */
  taken = NO_HOLD;

  private newSlot(): number {
    const slot = this.slotCount++;
    if (slot === this.queueIndex.length) {
      const capacity = slot * 2;
      this.queueIndex = grownInt32(this.queueIndex, capacity);
      this.next = grownInt32(this.next, capacity);
      this.offer = grownFloat64(this.offer, capacity);
      this.capacityCost = grownFloat64(this.capacityCost, capacity);
      this.workerShare = grownFloat64(this.workerShare, capacity);
    }
    return slot;
  }
}

function grownInt32(column: Int32Array, capacity: number) {
  const larger = new Int32Array(capacity);
  larger.set(column);
  return larger;
}

function grownFloat64(column: Float64Array, capacity: number) {
  const larger = new Float64Array(capacity);
  larger.set(column);
  return larger;
}
