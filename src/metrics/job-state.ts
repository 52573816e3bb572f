/**
 * What the collector remembers about a job while it is in the system, and about each piece of
 * worker capacity the job holds (an open offer, then the assignment the accepted offer becomes).
 * A record lives from RouterJobReceived to the job's end (closed, cancelled, classification
 * failed) and is then dropped, so memory follows the jobs in the system, not the jobs simulated.
 */
import type { ScopeAccumulator } from "./scope-accumulator.ts";
import type { WorkerTally } from "./worker-tally.ts";

/** Capacity one job holds on one worker: an open offer, or the assignment it became. */
export class CapacityHold {
  constructor(
    readonly offerId: string,
    readonly worker: WorkerTally,
    /** Index of the queue the offer came from (−1 if unknown): capacity use is charged there. */
    readonly queueIndex: number,
    readonly capacityCost: number,
    /** capacityCost / the worker's total capacity: the share of one worker. */
    readonly workerShare: number,
  ) {}
}

/** A job in the system; see the module header. */
export class JobState {
  /** Whether the job is queued now (offers open or not: the job's status is `queued`). */
  queued = false;
  /** Queue the job is queued in now (−1 when unknown to the collector). */
  currentQueueIndex = -1;
  /** The first queue the job was queued in (−1 until then): its `arrived` counts there. */
  firstQueueIndex = -1;
  /**
   * The job's queue scope: the queue it waits in, following moves until its first assignment
   * (or its end), then fixed: the queue where its wait ended (see collector.ts).
   */
  queueScope: ScopeAccumulator | null = null;
  /** Whether an offer was issued at the instant of the first enqueue (no free worker → false). */
  offeredOnArrival = false;
  /** First enqueue, kept across re-queues; NaN until queued. */
  firstEnqueueSeconds = Number.NaN;
  /** Whether the job has had its first assignment. */
  assigned = false;
  /** Start of the current assignment. */
  assignedAtSeconds = Number.NaN;
  assignment: CapacityHold | null = null;
  readonly openOffers: CapacityHold[] = [];

  constructor(
    readonly arrivalSeconds: number,
    /** Whether the job arrived in [warmup, horizon) and so counts in the summary. */
    readonly counted: boolean,
    /** Reporting interval of the arrival (−1 outside [0, horizon)). */
    readonly intervalIndex: number,
    readonly arrivalScope: ScopeAccumulator | null,
  ) {}

  /** Start of the wait clock: first enqueue, or arrival for a job never queued. */
  get waitStartSeconds(): number {
    return Number.isNaN(this.firstEnqueueSeconds) ? this.arrivalSeconds : this.firstEnqueueSeconds;
  }

  /** Removes and returns the open offer with this id, or null. */
  takeOffer(offerId: string): CapacityHold | null {
    const offers = this.openOffers;
    for (let index = 0; index < offers.length; index++) {
      const offer = offers[index] as CapacityHold;
      if (offer.offerId === offerId) {
        // Shift the rest down and pop: splice would allocate an array of the removed item.
        for (let next = index + 1; next < offers.length; next++) {
          offers[next - 1] = offers[next] as CapacityHold;
        }
        offers.pop();
        return offer;
      }
    }
    return null;
  }
}
