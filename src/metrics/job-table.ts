/**
 * What the collector remembers about each job in the system, as columns indexed by a slot: the
 * id → slot index is looked up once per event, and a slot is recycled when the job ends, so
 * memory follows the jobs in the system and a job costs no allocation. A SlotIndex, not a `Map`,
 * whose rehash chains make a churning table promote everything it holds (engine/slot-index.ts).
 */
import { SlotIndex } from "../engine/slot-index.ts";
import { NO_HOLD } from "./hold-table.ts";

const INITIAL_SLOTS = 64;

/** Job id → slot, and the job columns; see the module header. Fields are read by slot. */
export class JobTable {
  private readonly slotById = new SlotIndex<string>();
  private readonly freeSlots: number[] = [];
  private slotCount = 0;
  /** The job last looked up and its slot: a job's events often come one after another. */
  private lastJobId: string | null = null;
  private lastSlot = -1;
  /** Whether a slot holds a job (1) or is free (0). */
  private live = new Uint8Array(INITIAL_SLOTS);

  /** Time the job was received. */
  arrivalSeconds = new Float64Array(INITIAL_SLOTS);
  /** 1 when the job arrived in [warmup, horizon) and so counts in the summary. */
  counted = new Uint8Array(INITIAL_SLOTS);
  /** Reporting interval of the arrival (−1 outside [0, horizon)). */
  intervalIndex = new Int32Array(INITIAL_SLOTS);
  /** Arrival stream of the job (−1 if none). */
  arrivalIndex = new Int32Array(INITIAL_SLOTS);
  /** 1 while the job is queued (offers open or not: the job's status is `queued`). */
  queued = new Uint8Array(INITIAL_SLOTS);
  /** Queue the job is queued in now (−1 when unknown to the collector). */
  currentQueueIndex = new Int32Array(INITIAL_SLOTS);
  /** The first queue the job was queued in (−1 until then): its `arrived` counts there. */
  firstQueueIndex = new Int32Array(INITIAL_SLOTS);
  /**
   * The queue whose scope the job counts in (−1: none): the queue it waits in, following moves
   * until its first assignment (or its end), then fixed: the queue where its wait ended.
   */
  scopeQueueIndex = new Int32Array(INITIAL_SLOTS);
  /**
   * Where the job's counters start in the cell counts of its queue scope × arrival stream
   * (scope-set.ts), or −1 for a job that does not count: set when the job enters and when its
   * queue scope changes, so that counting an event is one addition.
   */
  countsAt = new Int32Array(INITIAL_SLOTS);
  /** 1 once an offer was issued at the instant of the first enqueue. */
  offeredOnArrival = new Uint8Array(INITIAL_SLOTS);
  /** First enqueue, kept across re-queues; NaN until queued. */
  firstEnqueueSeconds = new Float64Array(INITIAL_SLOTS);
  /** 1 once the job has had its first assignment. */
  assigned = new Uint8Array(INITIAL_SLOTS);
  /** Start of the current assignment (NaN when none was seen). */
  assignedAtSeconds = new Float64Array(INITIAL_SLOTS);
  /** The hold of the current assignment, or NO_HOLD. */
  assignmentHold = new Int32Array(INITIAL_SLOTS);
  /** The newest open offer's hold (a list through HoldTable.next), or NO_HOLD. */
  newestOffer = new Int32Array(INITIAL_SLOTS);

  /** Number of jobs held. */
  get size(): number {
    return this.slotById.size;
  }

  /** The slot of a job, or −1. */
  slotOf(jobId: string): number {
    if (jobId === this.lastJobId) return this.lastSlot;
    const slot = this.slotById.get(jobId);
    this.lastJobId = jobId;
    this.lastSlot = slot;
    return slot;
  }

  /**
   * A fresh record for a job (replacing any it had): received at `arrivalSeconds`, not queued,
   * not assigned, holding nothing.
   */
  add(
    jobId: string,
    arrivalSeconds: number,
    counted: boolean,
    intervalIndex: number,
    arrivalIndex: number,
  ): number {
    let slot = this.slotById.get(jobId);
    if (slot < 0) {
      slot = this.freeSlots.length > 0 ? (this.freeSlots.pop() as number) : this.newSlot();
      this.slotById.set(jobId, slot);
    }
    this.lastJobId = jobId;
    this.lastSlot = slot;
    this.live[slot] = 1;
    this.arrivalSeconds[slot] = arrivalSeconds;
    this.counted[slot] = counted ? 1 : 0;
    this.intervalIndex[slot] = intervalIndex;
    this.arrivalIndex[slot] = arrivalIndex;
    this.queued[slot] = 0;
    this.currentQueueIndex[slot] = -1;
    this.firstQueueIndex[slot] = -1;
    this.scopeQueueIndex[slot] = -1;
    this.countsAt[slot] = -1;
    this.offeredOnArrival[slot] = 0;
    this.firstEnqueueSeconds[slot] = Number.NaN;
    this.assigned[slot] = 0;
    this.assignedAtSeconds[slot] = Number.NaN;
    this.assignmentHold[slot] = NO_HOLD;
    this.newestOffer[slot] = NO_HOLD;
    return slot;
  }

  /** Drops a job; returns its former slot, or −1 when it was not held. */
  delete(jobId: string): number {
    const slot = this.slotById.delete(jobId);
    if (jobId === this.lastJobId) this.lastSlot = -1;
    if (slot < 0) return -1;
    this.live[slot] = 0;
    this.freeSlots.push(slot);
    return slot;
  }

  /** Start of the wait clock: first enqueue, or arrival for a job never queued. */
  waitStartSeconds(slot: number): number {
    const firstEnqueue = this.firstEnqueueSeconds[slot] as number;
    return Number.isNaN(firstEnqueue) ? (this.arrivalSeconds[slot] as number) : firstEnqueue;
  }

  /** The slots held, in slot order. */
  *slots(): Generator<number> {
    for (let slot = 0; slot < this.slotCount; slot++) if (this.live[slot] === 1) yield slot;
  }

  private newSlot(): number {
    const slot = this.slotCount++;
    if (slot === this.live.length) this.grow(slot * 2);
    return slot;
  }

  private grow(capacity: number): void {
    this.live = grown(this.live, capacity);
    this.arrivalSeconds = grown(this.arrivalSeconds, capacity);
    this.counted = grown(this.counted, capacity);
    this.intervalIndex = grown(this.intervalIndex, capacity);
    this.arrivalIndex = grown(this.arrivalIndex, capacity);
    this.queued = grown(this.queued, capacity);
    this.currentQueueIndex = grown(this.currentQueueIndex, capacity);
    this.firstQueueIndex = grown(this.firstQueueIndex, capacity);
    this.scopeQueueIndex = grown(this.scopeQueueIndex, capacity);
    this.countsAt = grown(this.countsAt, capacity);
    this.offeredOnArrival = grown(this.offeredOnArrival, capacity);
    this.firstEnqueueSeconds = grown(this.firstEnqueueSeconds, capacity);
    this.assigned = grown(this.assigned, capacity);
    this.assignedAtSeconds = grown(this.assignedAtSeconds, capacity);
    this.assignmentHold = grown(this.assignmentHold, capacity);
    this.newestOffer = grown(this.newestOffer, capacity);
  }
}

type Column = Float64Array | Int32Array | Uint8Array;

/** A column of `capacity` slots holding `column`'s values first. */
export function grown<C extends Column>(column: C, capacity: number): C {
  const larger = new (column.constructor as new (length: number) => C)(capacity);
  larger.set(column);
  return larger;
}
