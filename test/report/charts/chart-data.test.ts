/**
 * Each chart's data against the summary it came from: every value in `data.values` is the
 * summary's number (or a stated sum, difference or clipped bound of them), at the right instant,
 * and nothing defined is missing.
 */
import { describe, expect, it } from "vitest";
import type {
  IntervalSummaryRow,
  IntervalValueName,
  MetricName,
} from "../../../src/metrics/types.ts";
import type { Chart, ChartInput } from "../../../src/report/charts/index.ts";
import { chartsOf } from "../../../src/report/charts/index.ts";
import { FIXTURES, inputOf } from "./fixtures.ts";
import { type Row, rowsOf, rowsOfKind } from "./spec-access.ts";

/** The chart of that name. */
function chartNamed(input: ChartInput, name: string): Chart {
  const chart = chartsOf(input).find((candidate) => candidate.name === name);
  if (chart === undefined) throw new Error(`no chart ${name}`);
  return chart;
}

/** The instant `seconds` after 2026-03-02T08:00:00Z, the fixtures' start. */
function isoAt(seconds: number): string {
  return new Date(Date.UTC(2026, 2, 2, 8, 0, seconds)).toISOString();
}

/** The summary row a data row was drawn from. */
function intervalOf(input: ChartInput, row: Row): IntervalSummaryRow {
  const match = input.summary.intervals.find(
    (interval) =>
      interval.queueId === row.queue && interval.intervalStartSeconds === row.intervalStartSeconds,
  );
  if (match === undefined) throw new Error(`no interval for ${JSON.stringify(row)}`);
  return match;
}

/** A data row's placement in time matches its interval. */
function expectBucket(row: Row, interval: IntervalSummaryRow): void {
  expect(row.start).toBe(isoAt(interval.intervalStartSeconds));
  expect(row.end).toBe(isoAt(interval.intervalEndSeconds));
  expect(row.warmup).toBe(interval.startsInWarmup);
}

/** Mean, half-width and band of a row are the estimate's, the band clipped to [min, max]. */
function expectEstimate(
  row: Row,
  mean: number,
  halfWidth: number | null,
  min: number,
  max: number,
): void {
  expect(row.mean).toBe(mean);
  if (halfWidth === null) {
    expect(row).not.toHaveProperty("halfWidth");
    expect(row).not.toHaveProperty("low");
    expect(row).not.toHaveProperty("high");
    return;
  }
  expect(row.halfWidth).toBe(halfWidth);
  expect(row.low).toBe(Math.max(min, mean - halfWidth));
  expect(row.high).toBe(Math.min(max, mean + halfWidth));
}

/** The intervals whose value is defined, as "queue@start" keys. */
function definedKeys(input: ChartInput, value: IntervalValueName): string[] {
  return input.summary.intervals
    .filter((interval) => Number.isFinite(interval[value]))
    .map((interval) => `${interval.queueId}@${interval.intervalStartSeconds}`);
}

const keyOf = (row: Row) => `${String(row.queue)}@${String(row.intervalStartSeconds)}`;

describe.each(Object.entries(FIXTURES))("chart data of %s", (_name, shape) => {
  const input = inputOf(shape);
  const { summary } = input;

  it("kpis: each tile's mean and half-width are the overall estimate's", () => {
    const rows = rowsOf(chartNamed(input, "kpis").spec);
    const metrics: MetricName[] = ["serviceLevel", "waitMean", "abandonmentRate", "utilization"];
    expect(rows).toHaveLength(metrics.length);
    rows.forEach((row, index) => {
      const estimate = summary.overall[metrics[index] as MetricName];
      expect(row.mean).toBe(estimate.mean);
      expect(row.halfWidth).toBe(estimate.halfWidth ?? undefined);
    });
  });

  it.each([
    ["service-level", "serviceLevel", 0, 1],
    ["occupancy", "occupancy", 0, 1],
    ["queue-length", "queueLengthMean", 0, Number.POSITIVE_INFINITY],
  ] as const)("%s: each interval's %s and band", (chartName, value, min, max) => {
    const rows = rowsOfKind(chartNamed(input, chartName).spec, "measure");
    expect(rows.map(keyOf)).toEqual(definedKeys(input, value));
    for (const row of rows) {
      const interval = intervalOf(input, row);
      expectBucket(row, interval);
      expectEstimate(row, interval[value], interval.halfWidths[value], min, max);
    }
  });

  it("service-level: the target rows carry the run's target", () => {
    const rows = rowsOfKind(chartNamed(input, "service-level").spec, "target");
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.target).toBe(input.run.serviceLevelTarget);
  });

  it("arrivals: the outcomes are the summary's counts, stacked to the arrivals", () => {
    const rows = rowsOfKind(chartNamed(input, "arrivals").spec, "outcome");
    const byInterval = new Map<string, Row[]>();
    for (const row of rows)
      byInterval.set(keyOf(row), [...(byInterval.get(keyOf(row)) ?? []), row]);
    expect([...byInterval.keys()]).toEqual(definedKeys(input, "arrivals"));
    for (const intervalRows of byInterval.values()) {
      const interval = intervalOf(input, intervalRows[0] as Row);
      const expected: Record<string, number> = {
        "answered within 20 s": interval.answeredWithinThreshold,
        "answered later": interval.answered - interval.answeredWithinThreshold,
        abandoned: interval.abandoned,
        "not answered otherwise": interval.arrivals - interval.answered - interval.abandoned,
      };
      let base = 0;
      for (const row of intervalRows) {
        expectBucket(row, interval);
        expect(row.count).toBe(expected[String(row.outcome)]);
        expect(row.base).toBe(base);
        expect(row.top).toBe(base + (row.count as number));
        base = row.top as number;
      }
      expect(base).toBeCloseTo(interval.arrivals, 9);
      // What is left out is nothing to draw.
      const drawn = new Set(intervalRows.map((row) => row.outcome));
      for (const [outcome, count] of Object.entries(expected)) {
        if (!drawn.has(outcome)) expect(Math.abs(count)).toBeLessThan(1e-9);
      }
    }
  });

  it("staffing: staffed, busy and offered load per interval, and the Erlang requirement", () => {
    const spec = chartNamed(input, "staffing").spec;
    const values: Record<string, IntervalValueName> = {
      staffed: "staffedWorkers",
      busy: "busyWorkers",
      "offered load": "offeredLoad",
    };
    const measures = rowsOfKind(spec, "measure");
    for (const [series, value] of Object.entries(values)) {
      const rows = measures.filter((row) => row.series === series);
      expect(rows.map(keyOf)).toEqual(definedKeys(input, value));
      for (const row of rows) {
        const interval = intervalOf(input, row);
        expectBucket(row, interval);
        expectEstimate(row, interval[value], interval.halfWidths[value], 0, Infinity);
      }
    }
    expect(measures).toHaveLength(
      Object.values(values).reduce((sum, value) => sum + definedKeys(input, value).length, 0),
    );
    const erlang = rowsOfKind(spec, "erlang");
    const expected = summary.intervals.flatMap((interval) => {
      const requirement = input.erlang.get(interval.queueId);
      const agents = requirement?.available
        ? requirement.agentsByIntervalStart.get(interval.intervalStartSeconds)
        : undefined;
      return agents === undefined
        ? []
        : [{ key: `${interval.queueId}@${interval.intervalStartSeconds}`, agents }];
    });
    expect(erlang.map((row) => ({ key: keyOf(row), agents: row.mean }))).toEqual(expected);
    for (const row of erlang) expectBucket(row, intervalOf(input, row));
  });

  it("waits: the curves of overall (and each queue when several) on the wait grid", () => {
    const rows = rowsOfKind(chartNamed(input, "waits").spec, "curve");
    const scopes =
      shape.queues.length > 1
        ? ["overall", ...shape.queues.map((queue) => `queue:${queue}`)]
        : ["overall"];
    const expected = scopes.flatMap((scope) => {
      const curve = summary.waitCurves.find((candidate) => candidate.scope === scope);
      if (curve === undefined) throw new Error(`no curve ${scope}`);
      return curve.points.flatMap((point) => [
        {
          scope,
          waitSeconds: point.waitSeconds,
          outcome: "answered within x",
          ...point.answeredWithin,
        },
        {
          scope,
          waitSeconds: point.waitSeconds,
          outcome: "abandoned within x",
          ...point.abandonedWithin,
        },
      ]);
    });
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, index) => {
      const point = expected[index] as (typeof expected)[number];
      expect(row.scope).toBe(point.scope === "overall" ? "all queues" : point.scope.slice(6));
      expect(row.waitSeconds).toBe(point.waitSeconds);
      expect(row.outcome).toBe(point.outcome);
      expectEstimate(row, point.mean, point.halfWidth, 0, 1);
    });
    expect(summary.waitGridSeconds).toEqual([...new Set(rows.map((row) => row.waitSeconds))]);
  });

  it("utilization: each registered worker's utilization (and its interval as dots)", () => {
    const rows = rowsOf(chartNamed(input, "utilization").spec);
    const registered = summary.workers.filter((worker) => Number.isFinite(worker.utilization));
    expect(rows.map((row) => row.worker).sort()).toEqual(
      registered.map((worker) => worker.workerId).sort(),
    );
    for (const row of rows) {
      const worker = registered.find((candidate) => candidate.workerId === row.worker);
      expect(row.group).toBe(worker?.group);
      if ("utilization" in row) expect(row.utilization).toBe(worker?.utilization);
      else {
        expectEstimate(
          row,
          worker?.utilization ?? Number.NaN,
          worker?.halfWidths.utilization ?? null,
          0,
          1,
        );
      }
    }
  });

  it("offers: each group's outcomes are the sums of its workers' means, stacked", () => {
    const rows = rowsOf(chartNamed(input, "offers").spec);
    const fields = {
      accepted: "offersAccepted",
      declined: "offersDeclined",
      expired: "offersExpired",
      revoked: "offersRevoked",
    } as const;
    const groups = [...new Set(summary.workers.map((worker) => worker.group))];
    for (const group of groups) {
      const members = summary.workers.filter((worker) => worker.group === group);
      const groupRows = rows.filter((row) => row.group === group);
      let base = 0;
      for (const row of groupRows) {
        const field = fields[row.outcome as keyof typeof fields];
        expect(row.offers).toBe(members.reduce((sum, worker) => sum + worker[field], 0));
        expect(row.base).toBe(base);
        base = row.top as number;
      }
      const received = members.reduce(
        (sum, worker) =>
          sum +
          worker.offersAccepted +
          worker.offersDeclined +
          worker.offersExpired +
          worker.offersRevoked,
        0,
      );
      expect(base).toBeCloseTo(received, 9);
    }
  });
});
