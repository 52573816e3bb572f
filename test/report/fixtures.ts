/**
 * A small hand-made replication summary for the renderer goldens: most metrics undefined, a
 * few with values chosen to exercise rounding (a tie, noise below the sixth decimal, −0).
 */
import {
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
    {
      intervalStartSeconds: 0,
      intervalEndSeconds: 900,
      queueId: "sales",
      arrivals: 30.5,
      answered: 29,
      abandoned: 1.5,
      serviceLevel: 0.9,
      waitMean: 4.1234567,
      queueLengthMean: 0.25,
      busyWorkers: 3.5,
    },
    {
      intervalStartSeconds: 900,
      intervalEndSeconds: 1800,
      queueId: "sales",
      arrivals: 0,
      answered: 0,
      abandoned: 0,
      serviceLevel: Number.NaN,
      waitMean: Number.NaN,
      queueLengthMean: 0,
      busyWorkers: 0.1,
    },
  ],
  workers: [
    {
      workerId: "agent-1",
      offersReceived: 40,
      offersAccepted: 38.5,
      offersDeclined: 1,
      offersExpired: 0.5,
      offersRevoked: 0,
      jobsHandled: 38.5,
      busySeconds: 2700.125,
      utilization: 0.75,
    },
    {
      workerId: 'night, "B" shift',
      offersReceived: 0,
      offersAccepted: 0,
      offersDeclined: 0,
      offersExpired: 0,
      offersRevoked: 0,
      jobsHandled: 0,
      busySeconds: 0,
      utilization: Number.NaN,
    },
  ],
};
