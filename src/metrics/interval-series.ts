/**
 * The per-interval time series of one queue: job counts by ARRIVAL interval (a job arriving at
 * 09:14 and answered at 09:16 counts in the 09:00 interval), and time-averages of queue length
 * and busy workers within each interval. Intervals tile [0, horizon) from time 0, warm-up
 * included, so the warm-up transient stays visible (rows starting before the warm-up ends are
 * marked); the last one may be shorter.
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

/** One queue's interval counters; the levels come from the queue's scope. */
export class IntervalSeries {
  private readonly counts: Float64Array;

  constructor(
    private readonly window: MeasurementWindow,
    private readonly queueId: string,
    private readonly queueLength: TimeWeightedLevel,
    /** Capacity share (cost / worker capacity) held for this queue's jobs. */
    private readonly busyWorkers: TimeWeightedLevel,
  ) {
    this.counts = new Float64Array(window.intervalCount * INTERVAL_COUNTER_COUNT);
  }

  /** Adds `amount` to a counter of interval `interval` (ignored when interval < 0). */
  count(interval: number, counter: number, amount: number): void {
    if (interval < 0) return;
    increment(this.counts, interval * INTERVAL_COUNTER_COUNT + counter, amount);
  }

  /** One row per interval; time-averages over the part of the interval actually simulated. */
  rows(endSeconds: number): IntervalRow[] {
    const { intervalCount, intervalSeconds, horizonSeconds, warmupSeconds } = this.window;
    const lengths = this.queueLength.intervalIntegrals as Float64Array;
    const busy = this.busyWorkers.intervalIntegrals as Float64Array;
    const rows: IntervalRow[] = [];
    for (let interval = 0; interval < intervalCount; interval++) {
      const startSeconds = interval * intervalSeconds;
      const endOfInterval = Math.min(horizonSeconds, startSeconds + intervalSeconds);
      const simulatedSeconds = Math.min(endOfInterval, endSeconds) - startSeconds;
      const at = (counter: number): number =>
        this.counts[interval * INTERVAL_COUNTER_COUNT + counter] as number;
      const answered = at(IntervalCounter.answered);
      const arrivals = at(IntervalCounter.arrivals);
      rows.push({
        intervalStartSeconds: startSeconds,
        intervalEndSeconds: endOfInterval,
        queueId: this.queueId,
        startsInWarmup: startSeconds < warmupSeconds,
        arrivals,
        answered,
        abandoned: at(IntervalCounter.abandoned),
        serviceLevel: ratio(at(IntervalCounter.answeredWithinThreshold), arrivals),
        waitMean: ratio(at(IntervalCounter.waitSeconds), answered),
        queueLengthMean: ratio(lengths[interval] as number, simulatedSeconds),
        busyWorkers: ratio(busy[interval] as number, simulatedSeconds),
      });
    }
    return rows;
  }
}
