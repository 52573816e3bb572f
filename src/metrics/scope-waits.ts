/**
 * The waits of answered and abandoned jobs in every scope (the quantile histogram and the
 * wait-curve buckets): overall, per queue and per arrival stream. While every wait recorded
 * overall was also recorded in one queue (a replication with one queue), that queue's records
 * are not kept but copied from overall when read or when a record first differs; likewise an
 * arrival stream. The copy is exact: the records' state depends only on the waits, in order.
 */
import type { ScopeAccumulator } from "./scope-accumulator.ts";

/** See the module header. */
export class ScopeWaits {
  /** The queue whose waits equal overall's (not recorded while so), or −1. */
  private queueFollowing: number;
  /** The arrival stream whose waits equal overall's (not recorded while so), or −1. */
  private arrivalFollowing: number;

  constructor(
    private readonly overall: ScopeAccumulator,
    private readonly queues: readonly ScopeAccumulator[],
    private readonly arrivals: readonly ScopeAccumulator[],
  ) {
    this.queueFollowing = queues.length === 1 ? 0 : -1;
    this.arrivalFollowing = arrivals.length === 1 ? 0 : -1;
  }

  /** A job answered after `waitSeconds`, in queue `queueIndex` and stream `arrivalIndex` (−1: none). */
  answered(waitSeconds: number, queueIndex: number, arrivalIndex: number): void {
    this.unfollowOthers(queueIndex, arrivalIndex);
    this.overall.waits.record(waitSeconds);
    this.overall.waitCurve.recordAnswered(waitSeconds);
    if (this.arrivalFollowing < 0) {
      const arrival = this.arrivals[arrivalIndex];
      arrival?.waits.record(waitSeconds);
      arrival?.waitCurve.recordAnswered(waitSeconds);
    }
    if (this.queueFollowing < 0) {
      const queue = this.queues[queueIndex];
      queue?.waits.record(waitSeconds);
      queue?.waitCurve.recordAnswered(waitSeconds);
    }
  }

  /** A job abandoned after `waitSeconds`, in queue `queueIndex` and stream `arrivalIndex`. */
  abandoned(waitSeconds: number, queueIndex: number, arrivalIndex: number): void {
    this.unfollowOthers(queueIndex, arrivalIndex);
    this.overall.waitCurve.recordAbandoned(waitSeconds);
    if (this.arrivalFollowing < 0)
      this.arrivals[arrivalIndex]?.waitCurve.recordAbandoned(waitSeconds);
    if (this.queueFollowing < 0) this.queues[queueIndex]?.waitCurve.recordAbandoned(waitSeconds);
  }

  /** Brings every scope's waits up to date. Call once, before reading them. */
  settle(): void {
    this.unfollowOthers(-1, -1);
  }

  /** Stops following for a queue or stream other than these, copying overall's waits first. */
  private unfollowOthers(queueIndex: number, arrivalIndex: number): void {
    const queue = this.queueFollowing;
    if (queue >= 0 && queue !== queueIndex) {
      this.copyOverallTo(this.queues[queue] as ScopeAccumulator);
      this.queueFollowing = -1;
    }
    const arrival = this.arrivalFollowing;
    if (arrival >= 0 && arrival !== arrivalIndex) {
      this.copyOverallTo(this.arrivals[arrival] as ScopeAccumulator);
      this.arrivalFollowing = -1;
    }
  }

  private copyOverallTo(scope: ScopeAccumulator): void {
    scope.waits.copyFrom(this.overall.waits);
    scope.waitCurve.copyFrom(this.overall.waitCurve);
  }
}
