/**
 * Running totals of one scope (overall, one queue, one arrival stream) in one replication:
 * job counters and sums in a fixed Float64Array, the wait histogram, and the time-weighted
 * queue length and capacity levels. Memory is fixed whatever the number of jobs. Ratios are
 * ratios of sums; a ratio with a zero denominator is NaN.
 */
import { Histogram } from "./histogram.ts";
import type { MeasurementWindow } from "./time-weighted-level.ts";
import { TimeWeightedLevel } from "./time-weighted-level.ts";
import type { MetricValues } from "./types.ts";

/** Index of each counter or sum in ScopeAccumulator.counts. */
export const Counter = {
  arrived: 0,
  assigned: 1,
  completed: 2,
  closed: 3,
  cancelled: 4,
  abandoned: 5,
  classificationFailed: 6,
  unassignments: 7,
  offersIssued: 8,
  offersAccepted: 9,
  offersDeclined: 10,
  offersExpired: 11,
  offersRevoked: 12,
  /** Assigned jobs whose wait was > 0. */
  waitedJobs: 13,
  /** Jobs whose first assignment came at most `threshold` seconds after first enqueue. */
  assignedWithinThreshold: 14,
  /** Jobs abandoned at most `threshold` seconds after first enqueue. */
  abandonedWithinThreshold: 15,
  /** Sum over abandoned jobs of arrival → abandon seconds. */
  abandonWaitSeconds: 16,
  /** Sum over completions of assignment → completion seconds. */
  handleTimeSeconds: 17,
  inSystemAtEnd: 18,
} as const;

const COUNTER_COUNT = 19;

/** Adds `amount` to `counts[index]`. */
export function increment(counts: Float64Array, index: number, amount: number): void {
  counts[index] = (counts[index] as number) + amount;
}

/** Totals of one scope; see the module header. */
export class ScopeAccumulator {
  readonly counts = new Float64Array(COUNTER_COUNT);
  readonly waits = new Histogram();
  /** Jobs of this scope currently queued. */
  readonly queueLength: TimeWeightedLevel;
  /** Capacity held (offers, assignments, wrap-up) for jobs of this scope. */
  readonly capacityInUse: TimeWeightedLevel;

  constructor(
    window: MeasurementWindow,
    perInterval: boolean,
    /** Capacity registered that this scope's use is measured against. */
    readonly registeredCapacity: TimeWeightedLevel,
  ) {
    this.queueLength = new TimeWeightedLevel(window, perInterval);
    this.capacityInUse = new TimeWeightedLevel(window, false);
  }

  /** Accounts every level up to `timeSeconds`. */
  advance(timeSeconds: number): void {
    this.queueLength.advance(timeSeconds);
    this.capacityInUse.advance(timeSeconds);
    this.registeredCapacity.advance(timeSeconds);
  }

  /** Every contract metric; `measuredSeconds` is the length of the window actually simulated. */
  metricValues(measuredSeconds: number): MetricValues {
    const count = (index: number): number => this.counts[index] as number;
    const arrived = count(Counter.arrived);
    const assigned = count(Counter.assigned);
    const abandoned = count(Counter.abandoned);
    const withinThreshold = count(Counter.assignedWithinThreshold);
    const waits = this.waits;
    return {
      arrived,
      assigned,
      completed: count(Counter.completed),
      closed: count(Counter.closed),
      cancelled: count(Counter.cancelled),
      abandoned,
      classificationFailed: count(Counter.classificationFailed),
      unassignments: count(Counter.unassignments),
      offersIssued: count(Counter.offersIssued),
      offersAccepted: count(Counter.offersAccepted),
      offersDeclined: count(Counter.offersDeclined),
      offersExpired: count(Counter.offersExpired),
      offersRevoked: count(Counter.offersRevoked),
      waitMean: waits.mean,
      waitP50: waits.quantile(0.5),
      waitP90: waits.quantile(0.9),
      waitP95: waits.quantile(0.95),
      waitP99: waits.quantile(0.99),
      waitMax: waits.max,
      probabilityOfWait: ratio(count(Counter.waitedJobs), assigned),
      serviceLevel: ratio(withinThreshold, arrived),
      serviceLevelOfAnswered: ratio(withinThreshold, assigned),
      serviceLevelExcludingShortAbandons: ratio(
        withinThreshold,
        arrived - count(Counter.abandonedWithinThreshold),
      ),
      abandonmentRate: ratio(abandoned, arrived),
      abandonWaitMean: ratio(count(Counter.abandonWaitSeconds), abandoned),
      handleTimeMean: ratio(count(Counter.handleTimeSeconds), count(Counter.completed)),
      utilization: ratio(this.capacityInUse.integral, this.registeredCapacity.integral),
      queueLengthMean: ratio(this.queueLength.integral, measuredSeconds),
      queueLengthMax: measuredSeconds > 0 ? this.queueLength.max : Number.NaN,
      inSystemAtEnd: count(Counter.inSystemAtEnd),
    };
  }
}

/** numerator / denominator, NaN when the denominator is not positive. */
export function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : Number.NaN;
}
