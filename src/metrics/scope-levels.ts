/**
 * One kind of level (queue length, capacity in use) in every scope: overall, per queue and per
 * arrival stream. While a change of the overall level is always also a change of one queue's
 * level (a replication with one queue), overall is not updated but copied from that queue when
 * it is read or first differs; likewise an arrival stream that has had every change of overall.
 * The copy is exact: a level's state depends only on the changes it was given, in their order.
 */
import type { TimeWeightedLevel } from "./time-weighted-level.ts";

/** See the module header. */
export class ScopeLevels {
  /** The queue whose level overall equals (overall is then not updated), or −1. */
  private overallFollows: number;
  /** The arrival stream whose level equals overall's (it is then not updated), or −1. */
  private arrivalFollowing: number;

  constructor(
    private readonly overall: TimeWeightedLevel,
    private readonly queues: readonly TimeWeightedLevel[],
    private readonly arrivals: readonly TimeWeightedLevel[],
  ) {
    this.overallFollows = queues.length === 1 ? 0 : -1;
    this.arrivalFollowing = arrivals.length === 1 ? 0 : -1;
  }

  /** Changes overall, queue `queueIndex` and arrival stream `arrivalIndex` (−1: none) by `delta`. */
  add(timeSeconds: number, queueIndex: number, arrivalIndex: number, delta: number): void {
    const following = this.arrivalFollowing;
    if (following >= 0 && following !== arrivalIndex) {
      (this.arrivals[following] as TimeWeightedLevel).copyFrom(this.overallNow());
      this.arrivalFollowing = -1;
    }
    const followed = this.overallFollows;
    if (followed >= 0 && followed !== queueIndex) {
      this.overall.copyFrom(this.queues[followed] as TimeWeightedLevel);
      this.overallFollows = -1;
    }
    if (this.overallFollows < 0) this.overall.add(timeSeconds, delta);
    if (this.arrivalFollowing < 0) this.arrivals[arrivalIndex]?.add(timeSeconds, delta);
    this.queues[queueIndex]?.add(timeSeconds, delta);
  }

  /**
   * Brings every level's state up to date once the levels were advanced to the end of the run
   * (the followers' own advance is then overwritten). Call once, before reading the levels.
   */
  settle(): void {
    if (this.overallFollows >= 0) {
      this.overall.copyFrom(this.queues[this.overallFollows] as TimeWeightedLevel);
      this.overallFollows = -1;
    }
    if (this.arrivalFollowing >= 0) {
      (this.arrivals[this.arrivalFollowing] as TimeWeightedLevel).copyFrom(this.overall);
      this.arrivalFollowing = -1;
    }
  }

  private overallNow(): TimeWeightedLevel {
    return this.overallFollows >= 0
      ? (this.queues[this.overallFollows] as TimeWeightedLevel)
      : this.overall;
  }
}
