/**
 * A small hand-made replication summary for the renderer goldens: most metrics undefined, a
 * few with values chosen to exercise rounding (a tie, noise below the sixth decimal, −0).
 */
import {
  type IntervalSummaryRow,
  type IntervalValueName,
  METRIC_NAMES,
  type MetricEstimate,
  type MetricName,
  type ReplicationSummary,
  type ScopeEstimates,
  type WaitCurveSummary,
  type WorkerSummaryRow,
  type WorkerValueName,
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

/** An interval row of the queue `sales`, 900 s long, from [mean, half-width] pairs. */
function intervalRow(
  startSeconds: number,
  startsInWarmup: boolean,
  values: Record<IntervalValueName, [number, number | null]>,
): IntervalSummaryRow {
  const names = Object.keys(values) as IntervalValueName[];
  return {
    intervalStartSeconds: startSeconds,
    intervalEndSeconds: startSeconds + 900,
    queueId: "sales",
    startsInWarmup,
    ...(Object.fromEntries(names.map((name) => [name, values[name][0]])) as Record<
      IntervalValueName,
      number
    >),
    halfWidths: Object.fromEntries(
      names.map((name) => [name, values[name][1]]),
    ) as IntervalSummaryRow["halfWidths"],
  };
}

/** A worker row from [mean, half-width] pairs. */
function workerRow(
  workerId: string,
  group: string,
  values: Record<WorkerValueName, [number, number | null]>,
): WorkerSummaryRow {
  const names = Object.keys(values) as WorkerValueName[];
  return {
    workerId,
    group,
    ...(Object.fromEntries(names.map((name) => [name, values[name][0]])) as Record<
      WorkerValueName,
      number
    >),
    halfWidths: Object.fromEntries(
      names.map((name) => [name, values[name][1]]),
    ) as WorkerSummaryRow["halfWidths"],
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
  waitGridSeconds: [],
  waitCurves: [],
};

/** A wait curve on the grid 0, 5, 10 s from [answered, abandoned] estimate pairs per point. */
function waitCurve(scope: string, points: [MetricEstimate, MetricEstimate][]): WaitCurveSummary {
  return {
    scope,
    points: points.map(([answeredWithin, abandonedWithin], index) => ({
      waitSeconds: 5 * index,
      answeredWithin,
      abandonedWithin,
    })),
  };
}

/** Two replications with one queue, one arrival stream, intervals and workers. */
export const FULL: ReplicationSummary = {
  replications: 2,
  overall: OVERALL,
  queues: { sales: scope({ arrived: { mean: 60, halfWidth: 3 } }) },
  arrivals: { web: scope({ arrived: { mean: 60.25, halfWidth: 2.5 } }) },
  intervals: [
    intervalRow(0, true, {
      arrivals: [30.5, 2.25],
      answered: [29, 2],
      abandoned: [1.5, 0.5],
      serviceLevel: [0.9, 0.0312345678],
      waitMean: [4.1234567, 1],
      queueLengthMean: [0.25, 0.1],
      busyWorkers: [3.5, 0.25],
      answeredWithinThreshold: [27.5, 1.75],
      staffedWorkers: [4.25, 0.125],
      occupancy: [0.8235294117, 0.0100000004],
      offeredLoad: [3.75, 0.3],
    }),
    intervalRow(900, false, {
      arrivals: [0, 0],
      answered: [0, 0],
      abandoned: [0, 0],
      serviceLevel: [Number.NaN, null],
      waitMean: [Number.NaN, null],
      queueLengthMean: [0, 0],
      busyWorkers: [0.1, 0.05],
      answeredWithinThreshold: [0, 0],
      staffedWorkers: [0.5, 0.05],
      occupancy: [0.2, 0.1],
      offeredLoad: [0, 0],
    }),
  ],
  workers: [
    workerRow("agent-1", "agent", {
      offersReceived: [40, 4],
      offersAccepted: [38.5, 3.5],
      offersDeclined: [1, 1],
      offersExpired: [0.5, 0.5],
      offersRevoked: [0, 0],
      jobsHandled: [38.5, 3.5],
      busySeconds: [2700.125, 120.5],
      utilization: [0.75, 0.05],
    }),
    workerRow('night, "B" shift', "night, B", {
      offersReceived: [0, 0],
      offersAccepted: [0, 0],
      offersDeclined: [0, 0],
      offersExpired: [0, 0],
      offersRevoked: [0, 0],
      jobsHandled: [0, 0],
      busySeconds: [0, 0],
      utilization: [Number.NaN, null],
    }),
  ],
  waitGridSeconds: [0, 5, 10],
  waitCurves: [
    waitCurve("overall", [
      [
        { mean: 0.25, halfWidth: 0.05 },
        { mean: 0, halfWidth: 0 },
      ],
      [
        { mean: 0.6666666667, halfWidth: 0.1000000004 },
        { mean: 0.01, halfWidth: 0.005 },
      ],
      [
        { mean: 0.9, halfWidth: 0.02 },
        { mean: 0.05, halfWidth: 0.01 },
      ],
    ]),
    waitCurve("queue:sales", [
      [
        { mean: Number.NaN, halfWidth: null },
        { mean: Number.NaN, halfWidth: null },
      ],
      [
        { mean: 0.5, halfWidth: null },
        { mean: 0, halfWidth: null },
      ],
      [
        { mean: 1, halfWidth: null },
        { mean: 0, halfWidth: null },
      ],
    ]),
  ],
};
