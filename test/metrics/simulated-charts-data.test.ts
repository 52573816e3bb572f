/**
 * The chart data through whole runs of the router and the world (fixed seeds): staffed workers
 * follow the shifts exactly and drop while an expired offer keeps a worker away; occupancy stays
 * within 1; the offered load of an M/M/c queue agrees with λ·E[S]; the wait curves rise, meet the
 * service level at the threshold and stay under the abandonment rate.
 */
import { describe, expect, it } from "vitest";
import { aggregateReplications, estimate } from "../../src/metrics/index.ts";
import type { IntervalRow, ReplicationMetrics } from "../../src/metrics/types.ts";
import type { RouterEvent } from "../../src/router/index.ts";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { runReplication } from "../../src/simulate.ts";

const VOICE = "channels: [{ channelId: voice, capacityCostPerJob: 1 }]";

function scenarioOf(yaml: string): Scenario {
  return parseScenario(yaml, "test/metrics/inline.yaml");
}

function rowsOf(metrics: ReplicationMetrics, queueId: string): IntervalRow[] {
  return metrics.intervals.filter((row) => row.queueId === queueId);
}

/**
 * Shifts that change at interval boundaries (15 min): early (3) on sales 0–30 min, late (2) on
 * sales and support 15–45 min, one all-day worker of capacity 2 on support. Three scripted calls
 * of 2 minutes end well before any shift does, so nobody drains past a shift end.
 */
const SHIFTS = `
name: shifts
horizon: 1h
drain: 10m
intervalLength: 15m
distributionPolicies: [{ id: p, offerExpiresAfterSeconds: 60, mode: { kind: longestIdle } }]
queues: [{ id: sales, distributionPolicyId: p }, { id: support, distributionPolicyId: p }]
workers:
  - { id: early, count: 3, capacity: 1, queues: [sales], ${VOICE}, shifts: [{ start: 0m, end: 30m }] }
  - { id: late, count: 2, capacity: 1, queues: [sales, support], ${VOICE}, shifts: [{ start: 15m, end: 45m }] }
  - { id: allday, capacity: 2, queues: [support], ${VOICE} }
arrivals:
  - { id: call, channelId: voice, queueId: sales, handleTime: 2m, arrival: { kind: scripted, at: [1m, 1000s, 2000s] } }
`;

describe("staffedWorkers through a run", () => {
  it("follows shifts that change at interval boundaries exactly", () => {
    const { metrics } = runReplication(scenarioOf(SHIFTS), { replication: 0 });
    expect(rowsOf(metrics, "sales").map((row) => row.staffedWorkers)).toEqual([3, 5, 2, 0]);
    // The all-day worker counts 1 whatever its capacity; late counts 1 in each of its queues.
    expect(rowsOf(metrics, "support").map((row) => row.staffedWorkers)).toEqual([1, 3, 3, 1]);
    expect(rowsOf(metrics, "sales").map((row) => row.arrivals)).toEqual([1, 1, 1, 0]);
  });

  it("drops while a worker whose offer expired is away, until it registers again", () => {
    // One worker who never answers: the call's offer expires at 30 s, the service deregisters
    // the worker, who comes back 5 min later, gets the call again, lets it expire again, and so
    // on until the caller hangs up at 7 min. Intervals of 15 min.
    const scenario = scenarioOf(`
name: sleepy
horizon: 30m
drain: 0
intervalLength: 15m
distributionPolicies: [{ id: p, offerExpiresAfterSeconds: 30, mode: { kind: longestIdle } }]
queues: [{ id: q, distributionPolicyId: p }]
workers:
  - { id: w, capacity: 1, queues: [q], ${VOICE}, behavior: { noResponseProbability: 1, reRegisterAfter: 5m } }
arrivals:
  - { id: call, channelId: voice, queueId: q, handleTime: 1m, patience: 7m, arrival: { kind: scripted, at: [0s] } }
`);
    const { metrics } = runReplication(scenario, { replication: 0 });
    // Away 0:30–5:30 and 6:00–11:00 (the second offer, at 5:30, expires at 6:00).
    expect(metrics.overall.offersExpired).toBe(2);
    expect(metrics.intervals.map((row) => row.staffedWorkers)).toEqual([(900 - 600) / 900, 1]);
  });
});

/**
 * An M/M/c queue: Poisson calls, exponential handle times, instant answers, no wrap-up, no
 * abandonment, so a call occupies a worker for its handle time only: λ·E[S] = 360/h · 3 min =
 * 18 workers.
 */
const MMC = `
name: mmc
seed: 7
horizon: 4h
warmup: 30m
intervalLength: 30m
distributionPolicies: [{ id: p, offerExpiresAfterSeconds: 60, mode: { kind: longestIdle } }]
queues: [{ id: q, distributionPolicyId: p }]
workers:
  - { id: agent, count: 21, capacity: 1, queues: [q], ${VOICE} }
arrivals:
  - { id: call, channelId: voice, queueId: q, handleTime: { kind: exponential, mean: 3m }, arrival: { kind: poisson, ratePerHour: 360 } }
`;
const MMC_OFFERED_WORKERS = (360 / 3600) * 180;

describe("offeredLoad through a run", () => {
  it("agrees with λ·E[S] of an M/M/c queue within its 95% confidence interval", () => {
    const scenario = scenarioOf(MMC);
    const replications = 20;
    // Each replication's offered load averaged over the measured intervals.
    const perReplication = Array.from({ length: replications }, (_, replication) => {
      const rows = runReplication(scenario, { replication }).metrics.intervals.filter(
        (row) => !row.startsInWarmup,
      );
      expect(rows).toHaveLength(7);
      for (const row of rows) expect(row.occupancy).toBeLessThanOrEqual(1);
      return rows.reduce((sum, row) => sum + row.offeredLoad, 0) / rows.length;
    });
    const { mean, halfWidth } = estimate(perReplication);
    expect(halfWidth).not.toBeNull();
    expect(halfWidth as number).toBeLessThan(0.05 * MMC_OFFERED_WORKERS);
    expect(Math.abs(mean - MMC_OFFERED_WORKERS)).toBeLessThanOrEqual(halfWidth as number);
  });
});

/**
 * Two queues with shifts, breaks, offers that go unanswered (the worker is deregistered and
 * comes back), declines, wrap-up, impatient callers, and workers of capacity 2 on both queues.
 */
const MIXED = `
name: mixed
seed: 3
horizon: 3h
warmup: 20m
drain: 30m
intervalLength: 30m
serviceLevelThreshold: 15s
distributionPolicies: [{ id: p, offerExpiresAfterSeconds: 20, mode: { kind: longestIdle } }]
queues: [{ id: sales, distributionPolicyId: p }, { id: support, distributionPolicyId: p }]
workers:
  - id: day
    count: 6
    capacity: 1
    queues: [sales]
    ${VOICE}
    shifts: [{ start: 0h, end: 1.5h }, { start: 1.75h, end: 3h }]
    behavior: { responseTime: 2s, noResponseProbability: 0.05, reRegisterAfter: 2m, acceptProbability: 0.9, wrapUpTime: 15s }
  - id: both
    count: 3
    capacity: 2
    queues: [sales, support]
    ${VOICE}
    behavior: { responseTime: 1s, wrapUpTime: 10s }
arrivals:
  - { id: sale, channelId: voice, queueId: sales, handleTime: { kind: exponential, mean: 4m }, patience: { kind: exponential, mean: 90s }, arrival: { kind: poisson, ratePerHour: 110 } }
  - { id: help, channelId: voice, queueId: support, handleTime: { kind: exponential, mean: 5m }, patience: { kind: exponential, mean: 2m }, arrival: { kind: poisson, ratePerHour: 40 } }
`;

describe("interval and wait-curve data of a mixed center", () => {
  const scenario = scenarioOf(MIXED);
  /** Times of the offers that expired, per replication. */
  const expiries: number[][] = [];
  const runs = [0, 1, 2].map((replication) => {
    const times: number[] = [];
    expiries.push(times);
    const onEvent = (event: RouterEvent) => {
      if (event.type === "RouterWorkerOfferExpired") times.push(event.timeSeconds);
    };
    return runReplication(scenario, { replication, onEvent }).metrics;
  });

  it("keeps occupancy within 1 and staffing above the busy workers", () => {
    for (const metrics of runs) {
      expect(metrics.overall.offersExpired).toBeGreaterThan(0);
      for (const row of metrics.intervals) {
        expect(row.busyWorkers).toBeLessThanOrEqual(row.staffedWorkers);
        expect(row.occupancy).toBeLessThanOrEqual(1);
        expect(row.occupancy).toBe(row.busyWorkers / row.staffedWorkers);
      }
    }
  });

  it("staffs sales with fewer than its 9 workers while day workers are away after expiries", () => {
    for (const [replication, metrics] of runs.entries()) {
      const sales = rowsOf(metrics, "sales");
      // 6 day + 3 both on duty, except in 1.5 h–2 h, which holds the day shift's 15-minute break
      // (a day worker finishing a call after 1.5 h counts only while it drains it).
      for (const row of sales) expect(row.staffedWorkers).toBeLessThanOrEqual(9);
      expect(sales[3]?.staffedWorkers).toBeLessThan(8);
      // Each unanswered offer keeps its day worker away for 2 minutes: all of them when the
      // expiry and the 2 minutes fall within the intervals without a shift boundary (0–1.5 h,
      // 2–3 h), part of them at most otherwise.
      const awayWorkerSeconds = [0, 1, 2, 4, 5].reduce(
        (sum, index) => sum + (9 - (sales[index]?.staffedWorkers as number)) * 1800,
        0,
      );
      const times = expiries[replication] as number[];
      const inside = times.filter(
        (time) => (time >= 0 && time <= 5400 - 120) || (time >= 7200 && time <= 10_800 - 120),
      );
      expect(inside.length).toBeGreaterThan(0);
      expect(awayWorkerSeconds).toBeGreaterThanOrEqual(120 * inside.length - 1e-6);
      expect(awayWorkerSeconds).toBeLessThanOrEqual(120 * times.length + 1e-6);
      // The "both" workers never leave.
      expect(rowsOf(metrics, "support").map((row) => row.staffedWorkers)).toEqual(Array(6).fill(3));
    }
  });

  it("gives wait curves that rise, meet the service level at the threshold, stay under abandonment", () => {
    for (const metrics of runs) {
      const scopes = {
        overall: metrics.overall,
        ...Object.fromEntries(Object.entries(metrics.queues).map(([id, v]) => [`queue:${id}`, v])),
        ...Object.fromEntries(
          Object.entries(metrics.arrivals).map(([id, v]) => [`arrival:${id}`, v]),
        ),
      };
      expect(metrics.waitCurves.map((curve) => curve.scope)).toEqual(Object.keys(scopes));
      expect(metrics.waitGridSeconds[4]).toBe(scenario.serviceLevelThresholdSeconds);
      for (const curve of metrics.waitCurves) {
        const values = scopes[curve.scope as keyof typeof scopes];
        for (let point = 1; point < curve.answeredWithin.length; point++) {
          expect(curve.answeredWithin[point]).toBeGreaterThanOrEqual(
            curve.answeredWithin[point - 1] as number,
          );
          expect(curve.abandonedWithin[point]).toBeGreaterThanOrEqual(
            curve.abandonedWithin[point - 1] as number,
          );
        }
        expect(curve.answeredWithin[4]).toBe(values.serviceLevel);
        expect(curve.abandonedWithin.at(-1)).toBeLessThanOrEqual(values.abandonmentRate);
      }
      expect(metrics.waitCurves[0]?.abandonedWithin.at(-1)).toBeGreaterThan(0);
    }
  });

  it("aggregates the curves on the grid with a half-width per point", () => {
    const summary = aggregateReplications(runs);
    expect(summary.waitGridSeconds).toEqual(runs[0]?.waitGridSeconds);
    const overall = summary.waitCurves[0];
    expect(overall?.scope).toBe("overall");
    const atThreshold = overall?.points[4];
    expect(atThreshold?.waitSeconds).toBe(15);
    expect(atThreshold?.answeredWithin).toEqual(summary.overall.serviceLevel);
    const groups = summary.workers.map((row) => [row.workerId, row.group]);
    expect(groups).toHaveLength(9);
    for (const [workerId, group] of groups) expect(workerId).toMatch(new RegExp(`^${group}-\\d$`));
  });
});
