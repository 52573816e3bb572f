/**
 * What the collector remembers about each job in the system, as columns indexed by the router's
 * job slot (the handle of its observer calls): the router recycles a slot only after the job has
 * ended, so the table needs no id lookup at all, memory follows the jobs in the system and a job
 * costs no allocation. A slot the collector did not see received (attached late) is not live.
 */

import { NO_HOLD } from "./hold-table.ts";

const INITIAL_SLOTS = 64;

/** The job columns by router job slot; see the module header. Fields are read by slot. */
export class JobTable {
  private liveCount = 0;
  /**
   * One past the highest slot ever held. Slots may come as doubles, so the field is stored NaN
   * first and 0 in the constructor, a double from the start: a change from small integer to
   * double would change the class's map (docs/router-performance.md).
   */
  private highWater = Number.NaN;
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

  constructor() {
    this.highWater = 0;
  }

  /** Number of jobs held. */
  get size(): number {
    return this.liveCount;
  }

  /** Whether the table holds a job in this slot. */
  has(slot: number): boolean {
    return slot < this.highWater && this.live[slot] === 1;
  }

  /**
   * A fresh record for the job in `slot` (replacing any it had): received at `arrivalSeconds`,
   * not queued, not assigned, holding nothing.
   */
  add(
    slot: number,
    arrivalSeconds: number,
    counted: boolean,
    intervalIndex: number,
    arrivalIndex: number,
  ): void {
    if (slot >= this.live.length) this.grow(Math.max(slot + 1, this.live.length * 2));
    if (slot >= this.highWater) this.highWater = slot + 1;
    if (this.live[slot] === 0) this.liveCount++;
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
  }

  /** Drops the job in a slot (nothing when none). */
  delete(slot: number): void {
    if (!this.has(slot)) return;
    this.live[slot] = 0;
    this.liveCount--;
  }

  /** Start of the wait clock: first enqueue, or arrival for a job never queued. */
  waitStartSeconds(slot: number): number {
    const firstEnqueue = this.firstEnqueueSeconds[slot] as number;
    return Number.isNaN(firstEnqueue) ? (this.arrivalSeconds[slot] as number) : firstEnqueue;
  }

  /** The slots held, in slot order. */
  *slots(): Generator<number> {
    for (let slot = 0; slot < this.highWater; slot++) if (this.live[slot] === 1) yield slot;
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
