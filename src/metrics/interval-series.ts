/**
 * The per-interval series of one queue: job counts by ARRIVAL interval (a job arriving at 09:14
 * counts in the 09:00 interval), time-averages of queue length, busy and staffed workers, and the
 * offered load of the interval's arrivals. Intervals tile [0, horizon) from 0, warm-up included
 * (rows starting before the warm-up ends are marked); the last one may be shorter.
 */
import { increment, ratio } from "./scope-accumulator.ts";
import type { MeasurementWindow, TimeWeightedLevel } from "./time-weighted-level.ts";
import type { IntervalRow } from "./types.ts";

/** Index of each per-interval counter. */
export const IntervalCounter = {
  arrivals: 0,
  answered: 1,
  abandoned: 2,
  answeredWithinThreshold: 3,
  waitSeconds: 4,
} as const;

const INTERVAL_COUNTER_COUNT = 5;

/**
 * Below this many staffed workers nobody was staffed: sums of fractional worker shares (a
 * draining worker's 0.2 + 0.8) can leave a residue of 1e-17 where the level is really 0.
 */
const NOBODY_STAFFED_WORKERS = 1e-9;

/** One queue's interval counters; the levels come from the queue's scope. */
export class IntervalSeries {
  private readonly counts: Float64Array;

  constructor(
    private readonly window: MeasurementWindow,
    private readonly queueId: string,
    private readonly queueLength: TimeWeightedLevel,
    /** Capacity share (cost / worker capacity) held for this queue's jobs. */
    private readonly busyWorkers: TimeWeightedLevel,
    /** Capacity share (registered / worker capacity) registered for this queue. */
    private readonly staffedWorkers: TimeWeightedLevel,
  ) {
    this.counts = new Float64Array(window.intervalCount * INTERVAL_COUNTER_COUNT);
  }

  /** Adds `amount` to a counter of interval `interval` (ignored when interval < 0). */
  count(interval: number, counter: number, amount: number): void {
    if (interval < 0) return;
    increment(this.counts, interval * INTERVAL_COUNTER_COUNT + counter, amount);
  }

  /** A job of interval `interval` (ignored when < 0) answered after `waitSeconds`. */
  answered(interval: number, waitSeconds: number, withinThreshold: 0 | 1): void {
    if (interval < 0) return;
    const counts = this.counts;
    const base = interval * INTERVAL_COUNTER_COUNT;
    increment(counts, base + IntervalCounter.answered, 1);
    increment(counts, base + IntervalCounter.waitSeconds, waitSeconds);
    increment(counts, base + IntervalCounter.answeredWithinThreshold, withinThreshold);
  }

  /**
   * One row per interval; time-averages over the part of the interval actually simulated.
   * `serviceSecondsPerJob`: worker-seconds an answered job of this queue held on average over
   * the whole replication (NaN when none was answered), for the offered load.
   */
  rows(endSeconds: number, serviceSecondsPerJob: number): IntervalRow[] {
    const { intervalCount, intervalSeconds, horizonSeconds, warmupSeconds } = this.window;
    const lengths = this.queueLength.intervalIntegrals as Float64Array;
    const busy = this.busyWorkers.intervalIntegrals as Float64Array;
    const staffed = this.staffedWorkers.intervalIntegrals as Float64Array;
    const rows: IntervalRow[] = [];
    for (let interval = 0; interval < intervalCount; interval++) {
      const startSeconds = interval * intervalSeconds;
      const endOfInterval = Math.min(horizonSeconds, startSeconds + intervalSeconds);
      const simulatedSeconds = Math.min(endOfInterval, endSeconds) - startSeconds;
      const at = (counter: number): number =>
        this.counts[interval * INTERVAL_COUNTER_COUNT + counter] as number;
      const answered = at(IntervalCounter.answered);
      const arrivals = at(IntervalCounter.arrivals);
      const answeredWithinThreshold = at(IntervalCounter.answeredWithinThreshold);
      const busyWorkers = ratio(busy[interval] as number, simulatedSeconds);
      const staffedWorkers = ratio(staffed[interval] as number, simulatedSeconds);
      rows.push({
        intervalStartSeconds: startSeconds,
        intervalEndSeconds: endOfInterval,
        queueId: this.queueId,
        startsInWarmup: startSeconds < warmupSeconds,
        arrivals,
        answered,
        abandoned: at(IntervalCounter.abandoned),
        serviceLevel: ratio(answeredWithinThreshold, arrivals),
        waitMean: ratio(at(IntervalCounter.waitSeconds), answered),
        queueLengthMean: ratio(lengths[interval] as number, simulatedSeconds),
        busyWorkers,
        answeredWithinThreshold,
        staffedWorkers,
        occupancy:
          staffedWorkers > NOBODY_STAFFED_WORKERS ? busyWorkers / staffedWorkers : Number.NaN,
        // No arrivals offer no load, even when no job of the queue was ever answered.
        offeredLoad:
          arrivals === 0 ? 0 : ratio(arrivals * serviceSecondsPerJob, endOfInterval - startSeconds),
      });
    }
    return rows;
  }
}
