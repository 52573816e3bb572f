/**
 * Running totals of one scope (overall, one queue, one arrival stream) in one replication:
 * job counters and sums in a fixed Float64Array, the wait histogram, the wait-curve buckets,
 * and the time-weighted queue length and capacity levels. Memory is fixed whatever the number
 * of jobs. Ratios are ratios of sums; a ratio with a zero denominator is NaN. Ratios "per
 * arrived job" use the jobs whose outcome counts in the scope: arrived + moved in − moved out.
 */
import { Histogram } from "./histogram.ts";
import type { MeasurementWindow } from "./time-weighted-level.ts";
import { TimeWeightedLevel } from "./time-weighted-level.ts";
import type { MetricValues, WaitCurve } from "./types.ts";
import { WaitCurveCounts } from "./wait-curve.ts";

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
  /** Jobs whose first offer was issued at the instant of their first enqueue (no delay). */
  offeredOnArrival: 19,
  exceptionsTriggered: 20,
  /** Classifications of a job already queued once (reclassify actions). */
  jobsReclassified: 21,
  /** Moves into / out of a queue before the job's first assignment (see collector header). */
  jobsMovedIn: 22,
  jobsMovedOut: 23,
  /** Jobs whose wait ended without an assignment (cancelled, classification failed). */
  endedUnanswered: 24,
  /** Jobs still waiting for their first assignment when the run stopped. */
  waitingAtEnd: 25,
} as const;

/** Number of counters and sums. */
export const COUNTER_COUNT = 26;

/** The sums of seconds: added scope by scope, since their rounding depends on the order. */
const SECONDS_SUMS: readonly number[] = [Counter.abandonWaitSeconds, Counter.handleTimeSeconds];

/** The counters that count jobs or events (integers): kept per cell and combined at the end. */
export const CELL_COUNTERS: readonly number[] = Array.from(
  { length: COUNTER_COUNT },
  (_, index) => index,
).filter((index) => !SECONDS_SUMS.includes(index));

/** Adds `amount` to `counts[index]`. */
export function increment(counts: Float64Array, index: number, amount: number): void {
  counts[index] = (counts[index] as number) + amount;
}

/** Totals of one scope; see the module header. */
export class ScopeAccumulator {
  readonly counts = new Float64Array(COUNTER_COUNT);
  readonly waits = new Histogram();
  /** Answered and abandoned jobs by wait, on the wait grid. */
  readonly waitCurve: WaitCurveCounts;
  /** Jobs of this scope currently queued. */
  readonly queueLength: TimeWeightedLevel;
  /** Capacity held (offers, assignments, wrap-up) for jobs of this scope. */
  readonly capacityInUse: TimeWeightedLevel;

  constructor(
    window: MeasurementWindow,
    perInterval: boolean,
    /** Capacity registered that this scope's use is measured against. */
    readonly registeredCapacity: TimeWeightedLevel,
    waitGridSeconds: readonly number[],
  ) {
    this.waitCurve = new WaitCurveCounts(waitGridSeconds);
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
    const jobs = this.jobs();
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
      serviceLevel: ratio(withinThreshold, jobs),
      serviceLevelOfAnswered: ratio(withinThreshold, assigned),
      serviceLevelExcludingShortAbandons: ratio(
        withinThreshold,
        jobs - count(Counter.abandonedWithinThreshold),
      ),
      abandonmentRate: ratio(abandoned, jobs),
      abandonWaitMean: ratio(count(Counter.abandonWaitSeconds), abandoned),
      handleTimeMean: ratio(count(Counter.handleTimeSeconds), count(Counter.completed)),
      utilization: ratio(this.capacityInUse.integral, this.registeredCapacity.integral),
      queueLengthMean: ratio(this.queueLength.integral, measuredSeconds),
      queueLengthMax: measuredSeconds > 0 ? this.queueLength.max : Number.NaN,
      inSystemAtEnd: count(Counter.inSystemAtEnd),
      probabilityOfDelay: ratio(arrived - count(Counter.offeredOnArrival), arrived),
      exceptionsTriggered: count(Counter.exceptionsTriggered),
      jobsReclassified: count(Counter.jobsReclassified),
      jobsMovedIn: count(Counter.jobsMovedIn),
      jobsMovedOut: count(Counter.jobsMovedOut),
      endedUnanswered: count(Counter.endedUnanswered),
      waitingAtEnd: count(Counter.waitingAtEnd),
    };
  }

  /** The scope's wait curve, over the same jobs as its service level. */
  waitCurveNamed(scope: string): WaitCurve {
    return { scope, ...this.waitCurve.curves(this.jobs()) };
  }

  /**
   * The jobs whose outcome counts in this scope: for a queue, those that arrived in it plus
   * those moved in minus those moved out (docs/outputs.md); elsewhere moves cancel out.
   */
  private jobs(): number {
    const counts = this.counts;
    return (
      (counts[Counter.arrived] as number) +
      (counts[Counter.jobsMovedIn] as number) -
      (counts[Counter.jobsMovedOut] as number)
    );
  }
}

/** numerator / denominator, NaN when the denominator is not positive. */
export function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : Number.NaN;
}
