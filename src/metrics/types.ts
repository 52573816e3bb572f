/**
 * The metric names of the output contract, in contract order, and the plain-data shapes a
 * replication produces and the aggregation returns. Everything here is structured-clone-able
 * (numbers, strings, arrays, plain objects) so it can cross worker threads. NaN marks a metric
 * that is undefined in a replication (no assigned job → no mean wait). docs/outputs.md defines
 * every metric and column for users.
 */

/** Every metric of the contract's summary, in the contract's order. */
export const METRIC_NAMES = [
  "arrived",
  "assigned",
  "completed",
  "closed",
  "cancelled",
  "abandoned",
  "classificationFailed",
  "unassignments",
  "offersIssued",
  "offersAccepted",
  "offersDeclined",
  "offersExpired",
  "offersRevoked",
  "waitMean",
  "waitP50",
  "waitP90",
  "waitP95",
  "waitP99",
  "waitMax",
  "probabilityOfWait",
  "serviceLevel",
  "serviceLevelOfAnswered",
  "serviceLevelExcludingShortAbandons",
  "abandonmentRate",
  "abandonWaitMean",
  "handleTimeMean",
  "utilization",
  "queueLengthMean",
  "queueLengthMax",
  "inSystemAtEnd",
  // Added in issue 8 (after the contract's names, so their order is unchanged):
  "probabilityOfDelay",
  "exceptionsTriggered",
  "jobsReclassified",
  "jobsMovedIn",
  "jobsMovedOut",
  "endedUnanswered",
  "waitingAtEnd",
] as const;

/** One metric name of the contract. */
export type MetricName = (typeof METRIC_NAMES)[number];

/** One replication's value of every metric for one scope (NaN when undefined). */
export type MetricValues = Record<MetricName, number>;

/** One interval of one queue in one replication (see IntervalSeries for the definitions). */
export interface IntervalRow {
  intervalStartSeconds: number;
  intervalEndSeconds: number;
  queueId: string;
  /** Whether the interval starts before the warm-up ends (summary metrics leave it out). */
  startsInWarmup: boolean;
  /** Jobs that arrived in the interval and were first queued in this queue. */
  arrivals: number;
  /** Of those, jobs that got a first assignment (at any time). */
  answered: number;
  /** Of those, jobs cancelled with dispositionCode `Abandoned`. */
  abandoned: number;
  /** answered within the threshold / arrivals. */
  serviceLevel: number;
  /** Mean wait of the answered ones, seconds. */
  waitMean: number;
  /** Time-average number of jobs queued in this queue during the interval. */
  queueLengthMean: number;
  /** Time-average capacity held for this queue's jobs, in whole workers (cost / capacity). */
  busyWorkers: number;
  /** Of the arrivals, jobs whose first assignment came within the threshold (issue 9). */
  answeredWithinThreshold: number;
  /**
   * Time-average capacity registered for this queue during the interval, in whole workers
   * (a registered worker counts 1 in every queue it serves; a deregistered worker still
   * draining counts the share it holds). Measured from registrations, not derived from shifts;
   * averaged over the part of the interval actually simulated, like queueLengthMean.
   */
  staffedWorkers: number;
  /** busyWorkers / staffedWorkers of the replication (NaN when nobody was staffed). */
  occupancy: number;
  /**
   * Offered load of the interval's arrivals in workers (Erlangs): arrivals × E[S] / interval
   * length, where E[S] is the worker-seconds (as shares of a worker) held for this queue's jobs
   * over the whole replication — ring time of offers, assignments, wrap-up, drain included —
   * divided by the jobs first answered from this queue over the whole replication: Erlang's
   * λ·E[S] with E[S] the time a job occupies a worker here. 0 without arrivals; NaN when no job
   * of the queue was answered in the replication.
   */
  offeredLoad: number;
}

/** One worker in one replication (offer and job counts cover jobs inside the window). */
export interface WorkerRow {
  workerId: string;
  /** The scenario's worker group the worker belongs to (issue 9). */
  group: string;
  offersReceived: number;
  offersAccepted: number;
  offersDeclined: number;
  offersExpired: number;
  offersRevoked: number;
  /** Jobs this worker completed. */
  jobsHandled: number;
  /** Seconds within [warmup, horizon) during which the worker held any capacity. */
  busySeconds: number;
  /** Capacity-seconds in use / capacity-seconds registered, within [warmup, horizon). */
  utilization: number;
}

/** Everything one replication measured. Scope maps are keyed by queue or arrival id. */
export interface ReplicationMetrics {
  overall: MetricValues;
  queues: Record<string, MetricValues>;
  arrivals: Record<string, MetricValues>;
  intervals: IntervalRow[];
  workers: WorkerRow[];
  /** The points x (seconds) of the wait curves: `waitGridOf(serviceLevelThresholdSeconds)`. */
  waitGridSeconds: number[];
  /** One curve per scope (overall, then queues, then arrival streams), on the wait grid. */
  waitCurves: WaitCurve[];
}

/**
 * One scope's wait and abandon-time curve in one replication: at each point x of the wait grid
 * (`waitGridSeconds`), the share of the scope's jobs answered with a wait ≤ x and the share
 * abandoned with a wait ≤ x (wait measured from first enqueue, as for the service level; the
 * denominator is the service level's, so `answeredWithin` at the threshold is `serviceLevel`).
 */
export interface WaitCurve {
  /** `overall`, `queue:<id>` or `arrival:<id>`, as in summary.csv. */
  scope: string;
  answeredWithin: number[];
  abandonedWithin: number[];
}

/** One point of a wait curve over all replications. */
export interface WaitCurvePoint {
  waitSeconds: number;
  answeredWithin: MetricEstimate;
  abandonedWithin: MetricEstimate;
}

/** One scope's wait curve over all replications. */
export interface WaitCurveSummary {
  scope: string;
  points: WaitCurvePoint[];
}

/** Mean over replications and the 95% Student-t half-width (null with one replication). */
export interface MetricEstimate {
  mean: number;
  halfWidth: number | null;
}

/** Every metric's estimate for one scope. */
export type ScopeEstimates = Record<MetricName, MetricEstimate>;

/** The numeric fields of an interval row, in intervals.csv order. */
export const INTERVAL_VALUE_NAMES = [
  "arrivals",
  "answered",
  "abandoned",
  "serviceLevel",
  "waitMean",
  "queueLengthMean",
  "busyWorkers",
  // Added in issue 9 (after the contract's columns):
  "answeredWithinThreshold",
  "staffedWorkers",
  "occupancy",
  "offeredLoad",
] as const satisfies readonly (keyof IntervalRow)[];

/** One numeric field of an interval row. */
export type IntervalValueName = (typeof INTERVAL_VALUE_NAMES)[number];

/**
 * One interval of one queue over all replications: each value the mean over the replications
 * where it is defined, and its 95% half-width (null with fewer than two values).
 */
export interface IntervalSummaryRow extends IntervalRow {
  halfWidths: Record<IntervalValueName, number | null>;
}

/** The numeric fields of a worker row, in workers.csv order. */
export const WORKER_VALUE_NAMES = [
  "offersReceived",
  "offersAccepted",
  "offersDeclined",
  "offersExpired",
  "offersRevoked",
  "jobsHandled",
  "busySeconds",
  "utilization",
] as const satisfies readonly (keyof WorkerRow)[];

/** One numeric field of a worker row. */
export type WorkerValueName = (typeof WORKER_VALUE_NAMES)[number];

/**
 * One worker over all replications: each value the mean (a replication where the worker never
 * registered counts 0 work), and its 95% half-width (null with fewer than two values).
 */
export interface WorkerSummaryRow extends WorkerRow {
  halfWidths: Record<WorkerValueName, number | null>;
}

/** The replication summary: estimates per scope, per interval and per worker. */
export interface ReplicationSummary {
  replications: number;
  overall: ScopeEstimates;
  queues: Record<string, ScopeEstimates>;
  arrivals: Record<string, ScopeEstimates>;
  /** Rows matched by (interval start, queue) across replications. */
  intervals: IntervalSummaryRow[];
  /** Rows matched by worker id across replications. */
  workers: WorkerSummaryRow[];
  /** The points x (seconds) of every wait curve, ascending from 0. */
  waitGridSeconds: number[];
  /** Curves matched by scope across replications. */
  waitCurves: WaitCurveSummary[];
}
