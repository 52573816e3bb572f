/**
 * The collector's jobs in the system, by job id: a SlotIndex from id to a recycled slot of a
 * state array. Not a `Map`, whose rehash chains make a churning table promote everything it
 * holds (see engine/slot-index.ts). Memory follows the jobs in the system, not the jobs seen.
 */
import { SlotIndex } from "../engine/slot-index.ts";
import type { JobState } from "./job-state.ts";

/** Job id → JobState, with get/set/delete in O(1) expected. */
export class JobTable {
  private readonly slotById = new SlotIndex<string>();
  private readonly states: (JobState | null)[] = [];
  private readonly freeSlots: number[] = [];

  /** Number of jobs held. */
  get size(): number {
    return this.slotById.size;
  }

  /** The state of a job, or undefined. */
  get(jobId: string): JobState | undefined {
    const slot = this.slotById.get(jobId);
    return slot < 0 ? undefined : (this.states[slot] as JobState);
  }

  /** Adds (or replaces) the state of a job. */
  set(jobId: string, state: JobState): void {
    const existing = this.slotById.get(jobId);
    if (existing >= 0) {
      this.states[existing] = state;
      return;
    }
    const slot = this.freeSlots.length > 0 ? (this.freeSlots.pop() as number) : this.states.length;
    this.states[slot] = state;
    this.slotById.set(jobId, slot);
  }

  /** Drops a job; returns whether it was held. */
  delete(jobId: string): boolean {
    const slot = this.slotById.delete(jobId);
    if (slot < 0) return false;
    this.states[slot] = null;
    this.freeSlots.push(slot);
    return true;
  }

  /** The states held, in slot order. */
  *values(): Generator<JobState> {
    for (const state of this.states) if (state !== null) yield state;
  }
}
