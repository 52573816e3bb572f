import { describe, expect, it } from "vitest";
import { aggregateReplications } from "../../src/metrics/aggregate.ts";
import {
  type IntervalRow,
  METRIC_NAMES,
  type MetricValues,
  type ReplicationMetrics,
  type WaitCurve,
  type WorkerRow,
} from "../../src/metrics/types.ts";

/** t_{0.975} quantiles in closed form: df 1 is Cauchy, df 2 has t = (2p − 1)·√(2 / (1 − (2p − 1)²)). */
const T_975_DF1 = Math.tan(Math.PI * 0.475);
const T_975_DF2 = 0.95 * Math.sqrt(2 / (1 - 0.95 ** 2));

function values(overrides: Partial<MetricValues>): MetricValues {
  const all = Object.fromEntries(METRIC_NAMES.map((name) => [name, Number.NaN])) as MetricValues;
  return { ...all, ...overrides };
}

function interval(queueId: string, start: number, arrivals: number, waitMean: number): IntervalRow {
  return {
    intervalStartSeconds: start,
    intervalEndSeconds: start + 900,
    queueId,
    startsInWarmup: start < 900,
    arrivals,
    answered: arrivals,
    abandoned: 0,
    serviceLevel: 1,
    waitMean,
    queueLengthMean: 0,
    busyWorkers: 1,
    answeredWithinThreshold: arrivals,
    staffedWorkers: 2,
    occupancy: 0.5,
    offeredLoad: arrivals / 4,
  };
}

function worker(workerId: string, offersReceived: number, utilization: number): WorkerRow {
  return {
    workerId,
    group: workerId.replace(/\d+$/, ""),
    offersReceived,
    offersAccepted: offersReceived,
    offersDeclined: 0,
    offersExpired: 0,
    offersRevoked: 0,
    jobsHandled: offersReceived,
    busySeconds: 10 * offersReceived,
    utilization,
  };
}

function replication(
  arrived: number,
  waitMean: number,
  rest: Partial<ReplicationMetrics> = {},
): ReplicationMetrics {
  return {
    overall: values({ arrived, waitMean }),
    queues: { sales: values({ arrived }) },
    arrivals: { web: values({ arrived }) },
    intervals: [],
    workers: [],
    waitGridSeconds: [0, 5],
    waitCurves: [],
    ...rest,
  };
}

describe("aggregateReplications", () => {
  it("gives the mean and the Student-t half-width per metric and scope", () => {
    const summary = aggregateReplications([
      replication(1, 5),
      replication(2, 5),
      replication(3, 5),
    ]);
    expect(summary.replications).toBe(3);
    expect(summary.overall.arrived.mean).toBe(2);
    // Sample standard deviation 1, n = 3.
    expect(summary.overall.arrived.halfWidth).toBeCloseTo(T_975_DF2 / Math.sqrt(3), 9);
    expect(summary.queues.sales?.arrived.mean).toBe(2);
    expect(summary.arrivals.web?.arrived.halfWidth).toBeCloseTo(T_975_DF2 / Math.sqrt(3), 9);
    expect(summary.overall.waitMean).toEqual({ mean: 5, halfWidth: 0 });
  });

  it("skips NaN replications and leaves a metric undefined everywhere NaN", () => {
    const summary = aggregateReplications([
      replication(1, Number.NaN),
      replication(1, 2),
      replication(1, 4),
    ]);
    // Two values 2 and 4: mean 3, s = √2, s/√n = 1.
    expect(summary.overall.waitMean.mean).toBe(3);
    expect(summary.overall.waitMean.halfWidth).toBeCloseTo(T_975_DF1, 9);
    expect(summary.overall.serviceLevel.mean).toBeNaN();
    expect(summary.overall.serviceLevel.halfWidth).toBeNull();
  });

  it("has no half-width with one replication", () => {
    const summary = aggregateReplications([replication(7, 3)]);
    expect(summary.overall.arrived).toEqual({ mean: 7, halfWidth: null });
    expect(Object.keys(summary.overall)).toEqual([...METRIC_NAMES]);
  });

  it("estimates intervals by (start, queue), skipping NaN, keeping the warm-up marker", () => {
    const summary = aggregateReplications([
      replication(1, 1, {
        intervals: [interval("sales", 0, 4, Number.NaN), interval("sales", 900, 2, 6)],
      }),
      replication(1, 1, { intervals: [interval("sales", 0, 6, 3), interval("sales", 900, 4, 8)] }),
    ]);
    expect(
      summary.intervals.map((row) => [
        row.intervalStartSeconds,
        row.startsInWarmup,
        row.arrivals,
        row.waitMean,
      ]),
    ).toEqual([
      [0, true, 5, 3],
      [900, false, 3, 7],
    ]);
    // Arrivals 4 and 6: s = √2, n = 2, half-width t·s/√n = t; one wait value: no half-width.
    expect(summary.intervals[0]?.halfWidths.arrivals).toBeCloseTo(T_975_DF1, 9);
    expect(summary.intervals[0]?.halfWidths.waitMean).toBeNull();
    expect(summary.intervals[1]?.halfWidths.waitMean).toBeCloseTo(T_975_DF1, 9);
  });

  it("gives interval and worker rows no half-width with one replication", () => {
    const summary = aggregateReplications([
      replication(1, 1, { intervals: [interval("sales", 0, 4, 2)], workers: [worker("w", 3, 1)] }),
    ]);
    expect(summary.intervals[0]?.arrivals).toBe(4);
    expect(summary.intervals[0]?.halfWidths.arrivals).toBeNull();
    expect(summary.workers[0]?.offersReceived).toBe(3);
    expect(summary.workers[0]?.halfWidths.offersReceived).toBeNull();
  });

  it("averages workers by id, an absent worker counting as idle", () => {
    const summary = aggregateReplications([
      replication(1, 1, { workers: [worker("w1", 4, 0.5), worker("w2", 2, 0.25)] }),
      replication(1, 1, { workers: [worker("w1", 6, 0.7)] }),
    ]);
    expect(
      summary.workers.map((row) => [row.workerId, row.offersReceived, row.busySeconds]),
    ).toEqual([
      ["w1", 5, 50],
      ["w2", 1, 10],
    ]);
    expect(summary.workers[0]?.utilization).toBeCloseTo(0.6, 12);
    // Offers 4 and 6: s = √2, half-width t_{0.975, 1}.
    expect(summary.workers[0]?.halfWidths.offersReceived).toBeCloseTo(T_975_DF1, 9);
    // Utilization is undefined where the worker never registered, so only 0.25 remains.
    expect(summary.workers[1]?.utilization).toBe(0.25);
    expect(summary.workers[1]?.halfWidths.utilization).toBeNull();
  });

  it("keeps an absent worker's group from the replications where it registered", () => {
    const summary = aggregateReplications([
      replication(1, 1, { workers: [worker("early1", 4, 0.5)] }),
      replication(1, 1, { workers: [worker("late1", 6, 0.7)] }),
    ]);
    expect(summary.workers.map((row) => [row.workerId, row.group, row.offersReceived])).toEqual([
      ["early1", "early", 2],
      ["late1", "late", 3],
    ]);
  });

  it("estimates wait curves point by point, matched by scope, in summary.csv's scope order", () => {
    const curve = (scope: string, answered: number[], abandoned: number[]): WaitCurve => ({
      scope,
      answeredWithin: answered,
      abandonedWithin: abandoned,
    });
    const summary = aggregateReplications([
      replication(1, 1, {
        waitCurves: [
          curve("overall", [0.5, 0.75], [0, 0.1]),
          curve("queue:sales", [0.25, 0.5], [0, 0]),
          curve("arrival:web", [Number.NaN, Number.NaN], [Number.NaN, Number.NaN]),
        ],
      }),
      replication(1, 1, {
        waitCurves: [
          curve("overall", [0.5, 0.25], [0.2, 0.3]),
          curve("queue:sales", [0.75, 1], [0, 0.5]),
          curve("arrival:web", [1, 1], [0, 0]),
        ],
      }),
    ]);
    expect(summary.waitGridSeconds).toEqual([0, 5]);
    expect(summary.waitCurves.map((one) => one.scope)).toEqual([
      "overall",
      "queue:sales",
      "arrival:web",
    ]);
    const overall = summary.waitCurves[0]?.points ?? [];
    expect(overall.map((point) => point.waitSeconds)).toEqual([0, 5]);
    expect(overall[0]?.answeredWithin).toEqual({ mean: 0.5, halfWidth: 0 });
    // 0.75 and 0.25: s = √2 / 4, half-width t_{0.975, 1} · s / √2 = t / 4.
    expect(overall[1]?.answeredWithin.mean).toBe(0.5);
    expect(overall[1]?.answeredWithin.halfWidth).toBeCloseTo(T_975_DF1 / 4, 9);
    expect(overall[1]?.abandonedWithin.mean).toBeCloseTo(0.2, 12);
    // A scope without jobs in one replication: that replication is left out.
    expect(summary.waitCurves[2]?.points[0]?.answeredWithin).toEqual({ mean: 1, halfWidth: null });
  });

  it("refuses an empty list", () => {
    expect(() => aggregateReplications([])).toThrow(RangeError);
  });
});
