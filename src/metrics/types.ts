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
}

/** One worker in one replication (offer and job counts cover jobs inside the window). */
export interface WorkerRow {
  workerId: string;
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
}
