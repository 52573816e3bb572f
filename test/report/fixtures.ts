/**
 * A small hand-made replication summary for the renderer goldens: most metrics undefined, a
 * few with values chosen to exercise rounding (a tie, noise below the sixth decimal, −0).
 */
import {
  type IntervalSummaryRow,
  METRIC_NAMES,
  type MetricEstimate,
  type MetricName,
  type ReplicationSummary,
  type ScopeEstimates,
} from "../../src/metrics/types.ts";
import type { RunDescription } from "../../src/report/summary-json.ts";

/** A scope whose metrics are undefined except `given`. */
export function scope(given: Partial<Record<MetricName, MetricEstimate>>): ScopeEstimates {
  const entries = METRIC_NAMES.map((name) => [
    name,
    given[name] ?? { mean: Number.NaN, halfWidth: null },
  ]);
  return Object.fromEntries(entries) as ScopeEstimates;
}

export const RUN: RunDescription = {
  scenario: "quickstart",
  seed: 1,
  horizonSeconds: 3600,
  warmupSeconds: 0,
  serviceLevelThresholdSeconds: 20,
};

export const OVERALL = scope({
  arrived: { mean: 120.5, halfWidth: 6.25 },
  waitMean: { mean: 7.8359375, halfWidth: null },
  serviceLevel: { mean: 0.8123456789, halfWidth: 0.0123454999 },
  abandonWaitMean: { mean: -1e-12, halfWidth: null },
  utilization: { mean: 2 / 3, halfWidth: 1e-9 },
  queueLengthMax: { mean: 3, halfWidth: 0 },
});

/** An interval row of the queue `sales`, 900 s long. */
function intervalRow(
  startSeconds: number,
  startsInWarmup: boolean,
  values: IntervalSummaryRow["values"],
): IntervalSummaryRow {
  return {
    intervalStartSeconds: startSeconds,
    intervalEndSeconds: startSeconds + 900,
    queueId: "sales",
    startsInWarmup,
    values,
  };
}

/** Two replications, overall only. */
export const OVERALL_ONLY: ReplicationSummary = {
  replications: 2,
  overall: OVERALL,
  queues: {},
  arrivals: {},
  intervals: [],
  workers: [],
};

/** Two replications with one queue, one arrival stream, intervals and workers. */
export const FULL: ReplicationSummary = {
  replications: 2,
  overall: OVERALL,
  queues: { sales: scope({ arrived: { mean: 60, halfWidth: 3 } }) },
  arrivals: { web: scope({ arrived: { mean: 60.25, halfWidth: 2.5 } }) },
  intervals: [
    intervalRow(0, true, {
      arrivals: { mean: 30.5, halfWidth: 2.25 },
      answered: { mean: 29, halfWidth: 2 },
      abandoned: { mean: 1.5, halfWidth: 0.5 },
      serviceLevel: { mean: 0.9, halfWidth: 0.0312345678 },
      waitMean: { mean: 4.1234567, halfWidth: 1 },
      queueLengthMean: { mean: 0.25, halfWidth: 0.1 },
      busyWorkers: { mean: 3.5, halfWidth: 0.25 },
    }),
    intervalRow(900, false, {
      arrivals: { mean: 0, halfWidth: 0 },
      answered: { mean: 0, halfWidth: 0 },
      abandoned: { mean: 0, halfWidth: 0 },
      serviceLevel: { mean: Number.NaN, halfWidth: null },
      waitMean: { mean: Number.NaN, halfWidth: null },
      queueLengthMean: { mean: 0, halfWidth: 0 },
      busyWorkers: { mean: 0.1, halfWidth: 0.05 },
    }),
  ],
  workers: [
    {
      workerId: "agent-1",
      values: {
        offersReceived: { mean: 40, halfWidth: 4 },
        offersAccepted: { mean: 38.5, halfWidth: 3.5 },
        offersDeclined: { mean: 1, halfWidth: 1 },
        offersExpired: { mean: 0.5, halfWidth: 0.5 },
        offersRevoked: { mean: 0, halfWidth: 0 },
        jobsHandled: { mean: 38.5, halfWidth: 3.5 },
        busySeconds: { mean: 2700.125, halfWidth: 120.5 },
        utilization: { mean: 0.75, halfWidth: 0.05 },
      },
    },
    {
      workerId: 'night, "B" shift',
      values: {
        offersReceived: { mean: 0, halfWidth: 0 },
        offersAccepted: { mean: 0, halfWidth: 0 },
        offersDeclined: { mean: 0, halfWidth: 0 },
        offersExpired: { mean: 0, halfWidth: 0 },
        offersRevoked: { mean: 0, halfWidth: 0 },
        jobsHandled: { mean: 0, halfWidth: 0 },
        busySeconds: { mean: 0, halfWidth: 0 },
        utilization: { mean: Number.NaN, halfWidth: null },
      },
    },
  ],
};
