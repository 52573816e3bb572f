/**
 * Every compared metric's value in every replication, by scope: the raw material of paired
 * differences (compare) and of a baseline's per-replication values (check). Built from the
 * per-replication metrics, never from the summary: pairing needs replication i of each side.
 */
import type { MetricValues, ReplicationMetrics, WorkerRow } from "../metrics/index.ts";
import { METRIC_NAMES } from "../metrics/index.ts";
import type { ComparedMetricName, FairnessMetricName } from "./compared-metrics.ts";

/** One scope's values: per metric, one value per replication (NaN where undefined). */
export type ScopeValues = ReadonlyMap<ComparedMetricName, readonly number[]>;

/** Per scope and metric, one value per replication in replication order. */
export interface ReplicationTable {
  readonly replications: number;
  /**
   * Scopes in summary.csv order (`overall`, `queue:<id>`…, `arrival:<id>`…), then, with
   * fairness, `group:<id>` per worker group. `overall` and the groups carry the fairness metrics.
   */
  readonly scopes: ReadonlyMap<string, ScopeValues>;
}

/** What to include besides the summary's metrics. */
export interface ReplicationTableOptions {
  /** Add utilizationSpread and jobsHandledSpread (overall and per worker group). */
  readonly fairness?: boolean;
}

/** The table of `replications` (at least one, all of the same scenario). */
export function replicationTableOf(
  replications: readonly ReplicationMetrics[],
  options: ReplicationTableOptions = {},
): ReplicationTable {
  if (replications.length === 0) throw new RangeError("a replication table needs a replication");
  const scopes = new Map<string, Map<ComparedMetricName, number[]>>();
  const add = (scope: string, values: readonly (MetricValues | undefined)[]) => {
    const metrics = new Map<ComparedMetricName, number[]>();
    for (const metric of METRIC_NAMES) {
      metrics.set(
        metric,
        values.map((one) => (one === undefined ? Number.NaN : one[metric])),
      );
    }
    scopes.set(scope, metrics);
  };
  add(
    "overall",
    replications.map((one) => one.overall),
  );
  for (const id of unionOfKeys(replications.map((one) => one.queues))) {
    add(
      `queue:${id}`,
      replications.map((one) => one.queues[id]),
    );
  }
  for (const id of unionOfKeys(replications.map((one) => one.arrivals))) {
    add(
      `arrival:${id}`,
      replications.map((one) => one.arrivals[id]),
    );
  }
  if (options.fairness === true) addFairness(scopes, replications);
  return { replications: replications.length, scopes };
}

function addFairness(
  scopes: Map<string, Map<ComparedMetricName, number[]>>,
  replications: readonly ReplicationMetrics[],
): void {
  const groups = unionOfKeys(
    replications.map((one) => Object.fromEntries(one.workers.map((row) => [row.group, true]))),
  );
  const scopeOf = (scope: string) => {
    let metrics = scopes.get(scope);
    if (metrics === undefined) {
      metrics = new Map();
      scopes.set(scope, metrics);
    }
    return metrics;
  };
  const fill = (scope: string, pick: (rows: readonly WorkerRow[]) => readonly WorkerRow[]) => {
    const metrics = scopeOf(scope);
    for (const [metric, value] of FAIRNESS_VALUES) {
      metrics.set(
        metric,
        replications.map((one) => populationSpread(pick(one.workers).map(value))),
      );
    }
  };
  fill("overall", (rows) => rows);
  for (const group of groups)
    fill(`group:${group}`, (rows) => rows.filter((row) => row.group === group));
}

const FAIRNESS_VALUES: readonly (readonly [FairnessMetricName, (row: WorkerRow) => number])[] = [
  ["utilizationSpread", (row) => row.utilization],
  ["jobsHandledSpread", (row) => row.jobsHandled],
];

/** Population standard deviation of the finite values (NaN when there are none). */
function populationSpread(values: readonly number[]): number {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return Number.NaN;
  const mean = finite.reduce((sum, value) => sum + value, 0) / finite.length;
  return Math.sqrt(finite.reduce((sum, value) => sum + (value - mean) ** 2, 0) / finite.length);
}

/** Keys of the records, in first-seen order. */
function unionOfKeys(records: readonly Readonly<Record<string, unknown>>[]): string[] {
  const keys = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) keys.add(key);
  return [...keys];
}
