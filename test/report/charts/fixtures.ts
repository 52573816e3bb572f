/**
 * Hand-made chart inputs: a replication summary with 1 or several queues, a few half-hour
 * intervals (the first in the warm-up), workers in two groups, 1 or 10 replications, and some
 * undefined values (NaN means, null half-widths) where the metrics leave them.
 */
import {
  INTERVAL_VALUE_NAMES,
  type IntervalSummaryRow,
  type IntervalValueName,
  type MetricEstimate,
  type ReplicationSummary,
  type WaitCurveSummary,
  WORKER_VALUE_NAMES,
  type WorkerSummaryRow,
  type WorkerValueName,
} from "../../../src/metrics/types.ts";
import type { ChartInput, ChartRun, ErlangRequirement } from "../../../src/report/charts/index.ts";
import { scope } from "../fixtures.ts";

/** What a fixture varies. */
export interface FixtureShape {
  readonly queues: readonly string[];
  readonly replications: number;
  /** Workers per group (two groups, `early` and `late`). */
  readonly workersPerGroup: number;
  readonly warmupSeconds?: number;
  /** Whether some arrivals end neither answered nor abandoned (cancelled, still waiting). */
  readonly notAnsweredOtherwise?: boolean;
}

export const INTERVAL_SECONDS = 1800;
export const INTERVAL_COUNT = 6;
export const WAIT_GRID_SECONDS = [0, 10, 20, 30, 60, 120, 300];

/** A half-width, or null with one replication. */
function width(replications: number, value: number): number | null {
  return replications > 1 ? value : null;
}

/** One interval of one queue; the numbers follow simple rules so each chart has something to show. */
function intervalRow(shape: FixtureShape, queueIndex: number, index: number): IntervalSummaryRow {
  const queueId = shape.queues[queueIndex] as string;
  const arrivals = 30 + 8 * index + 5 * queueIndex;
  const abandoned = 1 + (index % 3) + 0.5 * queueIndex;
  const otherwise = shape.notAnsweredOtherwise === true && index === 2 ? 0.7 : 0;
  const answered = arrivals - abandoned - otherwise;
  const answeredWithinThreshold = answered * (0.9 - 0.05 * index);
  const busyWorkers = 5 + index + queueIndex / 2;
  const staffedWorkers = busyWorkers + 2.5 - 0.25 * index;
  const values: Record<IntervalValueName, number> = {
    arrivals,
    answered,
    abandoned,
    serviceLevel: answeredWithinThreshold / arrivals,
    // No answered contact's wait was defined in the last interval of the second queue.
    waitMean: queueIndex === 1 && index === INTERVAL_COUNT - 1 ? Number.NaN : 4 + 3 * index,
    queueLengthMean: 0.4 + 0.3 * index,
    busyWorkers,
    answeredWithinThreshold,
    staffedWorkers,
    occupancy: busyWorkers / staffedWorkers,
    offeredLoad: busyWorkers * 1.05,
  };
  // The service level of the fourth interval is undefined (as when no replication had arrivals).
  if (index === 3 && queueIndex === 0) values.serviceLevel = Number.NaN;
  const halfWidths = Object.fromEntries(
    INTERVAL_VALUE_NAMES.map((name) => [
      name,
      // One defined value without a half-width: only one replication had it defined.
      name === "serviceLevel" && index === 4
        ? null
        : width(shape.replications, Number.isNaN(values[name]) ? Number.NaN : values[name] / 12),
    ]),
  ) as Record<IntervalValueName, number | null>;
  for (const name of INTERVAL_VALUE_NAMES) {
    if (Number.isNaN(values[name])) halfWidths[name] = null;
  }
  // A service level near 100% whose band would pass 100% (the chart clips it).
  if (index === 0) {
    values.serviceLevel = 0.97;
    if (shape.replications > 1) halfWidths.serviceLevel = 0.05;
  }
  return {
    intervalStartSeconds: index * INTERVAL_SECONDS,
    intervalEndSeconds: (index + 1) * INTERVAL_SECONDS,
    queueId,
    startsInWarmup: index * INTERVAL_SECONDS < (shape.warmupSeconds ?? 0),
    ...values,
    halfWidths,
  };
}

/** One worker; the last of each group never registered (undefined utilization). */
function workerRow(shape: FixtureShape, group: string, index: number): WorkerSummaryRow {
  const neverRegistered = index === shape.workersPerGroup - 1;
  const offersAccepted = neverRegistered ? 0 : 20 + (index % 7);
  const values: Record<WorkerValueName, number> = {
    offersReceived: neverRegistered ? 0 : offersAccepted + 3 + (index % 2),
    offersAccepted,
    offersDeclined: neverRegistered ? 0 : 1 + (index % 2),
    offersExpired: neverRegistered ? 0 : 2,
    offersRevoked: neverRegistered ? 0 : index % 3 === 0 ? 1 : 0,
    jobsHandled: offersAccepted,
    busySeconds: neverRegistered ? 0 : 4000 + 37 * index,
    utilization: neverRegistered ? Number.NaN : 0.5 + ((index * 7) % 40) / 100,
  };
  const halfWidths = Object.fromEntries(
    WORKER_VALUE_NAMES.map((name) => [
      name,
      Number.isNaN(values[name]) ? null : width(shape.replications, values[name] / 20),
    ]),
  ) as Record<WorkerValueName, number | null>;
  return { workerId: `${group}-${index + 1}`, group, ...values, halfWidths };
}

/** A scope's wait curve: shares answered and abandoned within each grid point. */
function waitCurve(shape: FixtureShape, scopeName: string, offset: number): WaitCurveSummary {
  return {
    scope: scopeName,
    points: WAIT_GRID_SECONDS.map((waitSeconds, index) => {
      const answered = Math.min(0.95, 0.3 + 0.1 * index + offset);
      const abandoned = 0.005 * index;
      return {
        waitSeconds,
        answeredWithin: { mean: answered, halfWidth: width(shape.replications, 0.02) },
        // Nobody abandons within 0 s: its half-width is undefined even with many replications.
        abandonedWithin: {
          mean: abandoned,
          halfWidth: index === 0 ? null : width(shape.replications, 0.002),
        },
      };
    }),
  };
}

/** The replication summary of a fixture. */
export function summaryOf(shape: FixtureShape): ReplicationSummary {
  const intervals = shape.queues.flatMap((_, queueIndex) =>
    Array.from({ length: INTERVAL_COUNT }, (_unused, index) =>
      intervalRow(shape, queueIndex, index),
    ),
  );
  const workers = ["early", "late"].flatMap((group) =>
    Array.from({ length: shape.workersPerGroup }, (_, index) => workerRow(shape, group, index)),
  );
  const estimate = (mean: number, halfWidth: number): MetricEstimate => ({
    mean,
    halfWidth: width(shape.replications, halfWidth),
  });
  return {
    replications: shape.replications,
    overall: scope({
      serviceLevel: estimate(0.8234, 0.0123),
      waitMean: estimate(14.25, 1.5),
      abandonmentRate: estimate(0.0412, 0.0051),
      utilization: estimate(0.8467, 0.0089),
    }),
    queues: Object.fromEntries(
      shape.queues.map((queue) => [queue, scope({ serviceLevel: estimate(0.8, 0.01) })]),
    ),
    arrivals: { call: scope({}) },
    intervals,
    workers,
    waitGridSeconds: WAIT_GRID_SECONDS,
    waitCurves: [
      waitCurve(shape, "overall", 0),
      ...shape.queues.map((queue, index) => waitCurve(shape, `queue:${queue}`, 0.02 * index)),
      // Arrival streams' curves exist in the summary; the chart leaves them out.
      waitCurve(shape, "arrival:call", 0.01),
    ],
  };
}

/** The run a fixture describes. */
export function runOf(shape: FixtureShape): ChartRun {
  return {
    scenario: "fixture",
    description: "a hand-made summary",
    seed: 1,
    replications: shape.replications,
    horizonSeconds: INTERVAL_COUNT * INTERVAL_SECONDS,
    warmupSeconds: shape.warmupSeconds ?? 0,
    serviceLevelThresholdSeconds: 20,
    serviceLevelTarget: 0.8,
    startTime: "2026-03-02T08:00:00Z",
    intervalLengthSeconds: INTERVAL_SECONDS,
  };
}

/** The Erlang requirement: computed for the first queue, impossible for the others. */
function erlangOf(shape: FixtureShape): Map<string, ErlangRequirement> {
  return new Map(
    shape.queues.map((queue, index): [string, ErlangRequirement] => [
      queue,
      index === 0
        ? {
            available: true,
            method: "Erlang C for 80% within 20 s at each interval's offered load.",
            agentsByIntervalStart: new Map(
              Array.from({ length: INTERVAL_COUNT }, (_, i) => [i * INTERVAL_SECONDS, 7 + i]),
            ),
          }
        : {
            available: false,
            reason: "its workers also serve another queue, which Erlang C cannot model.",
          },
    ]),
  );
}

/** A whole chart input. */
export function inputOf(shape: FixtureShape): ChartInput {
  return { run: runOf(shape), summary: summaryOf(shape), erlang: erlangOf(shape) };
}

/** One queue, ten replications, a warm-up of one interval. */
export const ONE_QUEUE: FixtureShape = {
  queues: ["service"],
  replications: 10,
  workersPerGroup: 6,
  warmupSeconds: 1800,
};

/** One queue and one replication: no half-widths anywhere. */
export const ONE_REPLICATION: FixtureShape = {
  queues: ["service"],
  replications: 1,
  workersPerGroup: 4,
};

/** Four queues (small multiples), 80 workers (histograms), unanswered leftovers, warm-up. */
export const FOUR_QUEUES: FixtureShape = {
  queues: ["sales", "support", "billing", "retention"],
  replications: 10,
  workersPerGroup: 40,
  warmupSeconds: 900,
  notAnsweredOtherwise: true,
};

/** Two queues: one view for per-queue colours, small multiples for per-queue breakdowns. */
export const TWO_QUEUES: FixtureShape = {
  queues: ["sales", "support"],
  replications: 10,
  workersPerGroup: 5,
};

/** The fixtures every chart test runs on, by name. */
export const FIXTURES: Readonly<Record<string, FixtureShape>> = {
  "one queue, 10 replications, warm-up": ONE_QUEUE,
  "one queue, 1 replication": ONE_REPLICATION,
  "four queues, 10 replications, 80 workers": FOUR_QUEUES,
  "two queues, 10 replications": TWO_QUEUES,
};
