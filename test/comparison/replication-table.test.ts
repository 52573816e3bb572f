import { describe, expect, it } from "vitest";
import { FAIRNESS_METRIC_NAMES, replicationTableOf } from "../../src/comparison/index.ts";
import {
  METRIC_NAMES,
  type MetricValues,
  type ReplicationMetrics,
  type WorkerRow,
} from "../../src/metrics/index.ts";

function values(given: Partial<MetricValues>): MetricValues {
  const all = Object.fromEntries(METRIC_NAMES.map((name) => [name, 0])) as MetricValues;
  return { ...all, ...given };
}

function worker(workerId: string, group: string, utilization: number, jobsHandled: number) {
  const row: WorkerRow = {
    workerId,
    group,
    offersReceived: jobsHandled,
    offersAccepted: jobsHandled,
    offersDeclined: 0,
    offersExpired: 0,
    offersRevoked: 0,
    jobsHandled,
    busySeconds: utilization * 3600,
    utilization,
  };
  return row;
}

function replication(
  serviceLevel: number,
  rest: Partial<ReplicationMetrics> = {},
): ReplicationMetrics {
  return {
    overall: values({ serviceLevel }),
    queues: {},
    arrivals: {},
    intervals: [],
    workers: [],
    waitGridSeconds: [0, 20],
    waitCurves: [],
    ...rest,
  };
}

/** Population standard deviation, written out. */
function spread(numbers: readonly number[]): number {
  const mean = numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
  return Math.sqrt(numbers.reduce((sum, value) => sum + (value - mean) ** 2, 0) / numbers.length);
}

describe("replicationTableOf", () => {
  it("keeps one value per replication, in replication order, for every summary metric", () => {
    const table = replicationTableOf([replication(0.7), replication(0.9), replication(0.8)]);
    expect(table.replications).toBe(3);
    expect([...table.scopes.keys()]).toEqual(["overall"]);
    const overall = table.scopes.get("overall");
    expect([...(overall?.keys() ?? [])]).toEqual([...METRIC_NAMES]);
    expect(overall?.get("serviceLevel")).toEqual([0.7, 0.9, 0.8]);
  });

  it("orders scopes as summary.csv does and fills NaN where a replication lacks a scope", () => {
    const table = replicationTableOf([
      replication(0.7, { queues: { sales: values({ arrived: 5 }) }, arrivals: {} }),
      replication(0.9, {
        queues: { support: values({ arrived: 3 }), sales: values({ arrived: 6 }) },
        arrivals: { web: values({ arrived: 9 }) },
      }),
    ]);
    expect([...table.scopes.keys()]).toEqual([
      "overall",
      "queue:sales",
      "queue:support",
      "arrival:web",
    ]);
    expect(table.scopes.get("queue:sales")?.get("arrived")).toEqual([5, 6]);
    expect(table.scopes.get("queue:support")?.get("arrived")).toEqual([Number.NaN, 3]);
    expect(table.scopes.get("arrival:web")?.get("arrived")).toEqual([Number.NaN, 9]);
  });

  it("keeps a metric's NaN (undefined in that replication) as NaN", () => {
    const table = replicationTableOf([replication(Number.NaN), replication(0.5)]);
    expect(table.scopes.get("overall")?.get("serviceLevel")).toEqual([Number.NaN, 0.5]);
  });

  it("has no fairness metrics unless asked", () => {
    const table = replicationTableOf([
      replication(0.8, { workers: [worker("a", "g", 0.5, 3), worker("b", "g", 0.7, 5)] }),
    ]);
    for (const metric of FAIRNESS_METRIC_NAMES) {
      expect(table.scopes.get("overall")?.has(metric)).toBe(false);
    }
    expect([...table.scopes.keys()]).toEqual(["overall"]);
  });

  it("gives the population spread of utilization and jobs handled, overall and per group", () => {
    const first = [
      worker("a", "sales", 0.9, 12),
      worker("b", "sales", 0.5, 4),
      worker("c", "support", 0.6, 7),
    ];
    const second = [
      worker("a", "sales", 0.8, 10),
      worker("b", "sales", 0.8, 10),
      worker("c", "support", 0.2, 1),
    ];
    const table = replicationTableOf(
      [replication(0.8, { workers: first }), replication(0.9, { workers: second })],
      { fairness: true },
    );
    expect([...table.scopes.keys()]).toEqual(["overall", "group:sales", "group:support"]);
    const overall = table.scopes.get("overall");
    // Summary metrics stay beside the fairness ones.
    expect(overall?.get("serviceLevel")).toEqual([0.8, 0.9]);
    expect(overall?.get("utilizationSpread")?.[0]).toBeCloseTo(spread([0.9, 0.5, 0.6]), 12);
    expect(overall?.get("utilizationSpread")?.[1]).toBeCloseTo(spread([0.8, 0.8, 0.2]), 12);
    expect(overall?.get("jobsHandledSpread")?.[0]).toBeCloseTo(spread([12, 4, 7]), 12);
    // By hand: jobs 10, 10, 1 → mean 7, deviations 3, 3, −6 → √(54 / 3) = √18.
    expect(overall?.get("jobsHandledSpread")?.[1]).toBeCloseTo(Math.sqrt(18), 12);
    const sales = table.scopes.get("group:sales");
    // Two workers: the population spread is half their distance.
    expect(sales?.get("utilizationSpread")?.[0]).toBeCloseTo(0.2, 12);
    expect(sales?.get("jobsHandledSpread")).toEqual([4, 0]);
    expect([...(sales?.keys() ?? [])]).toEqual([...FAIRNESS_METRIC_NAMES]);
    // One worker: nothing to spread.
    expect(table.scopes.get("group:support")?.get("utilizationSpread")).toEqual([0, 0]);
  });

  it("spreads utilization over the workers where it is defined, and is NaN without any", () => {
    const table = replicationTableOf(
      [
        replication(0.8, {
          workers: [worker("a", "g", 0.4, 2), worker("b", "g", Number.NaN, 0)],
        }),
        replication(0.8, {
          workers: [worker("a", "g", Number.NaN, 0), worker("b", "g", Number.NaN, 0)],
        }),
        replication(0.8, { workers: [] }),
      ],
      { fairness: true },
    );
    const group = table.scopes.get("group:g");
    expect(group?.get("utilizationSpread")).toEqual([0, Number.NaN, Number.NaN]);
    // Jobs handled is always defined: a worker with none counts as 0.
    expect(group?.get("jobsHandledSpread")).toEqual([1, 0, Number.NaN]);
    expect(table.scopes.get("overall")?.get("jobsHandledSpread")).toEqual([1, 0, Number.NaN]);
  });

  it("refuses an empty list", () => {
    expect(() => replicationTableOf([])).toThrow(RangeError);
  });
});
