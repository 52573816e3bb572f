/**
 * A sweep's results: per point (a value of each swept field) the mean and 95% half-width of
 * every metric of every scope, from the point's replication table. Pure: the tables of points
 * run on common random numbers in, estimates out, in the grid's order.
 */
import type { ComparedMetricName, ReplicationTable } from "../../comparison/index.ts";
import { estimate, type MetricEstimate } from "../../metrics/index.ts";

/** A swept field: its path as the column name and its values, each as one line. */
export interface SweepFieldDescription {
  /** `workers[agents].count`. */
  readonly name: string;
  /** `45`, `0.6`, `{ kind: roundRobin }`, in the order given. */
  readonly labels: readonly string[];
  /** The values themselves (numbers stay numbers, for the chart's axis and the JSON). */
  readonly values: readonly unknown[];
}

/** One point simulated: which value of each field, and its replication table. */
export interface SimulatedPoint {
  readonly name: string;
  /** The index of the point's value in each field. */
  readonly indices: readonly number[];
  readonly table: ReplicationTable;
}

/** One point's estimates. */
export interface SweepPointResult {
  readonly name: string;
  readonly indices: readonly number[];
  /** Scopes in the table's order (`overall` first), metrics in the table's order. */
  readonly estimates: ReadonlyMap<string, ReadonlyMap<ComparedMetricName, MetricEstimate>>;
}

/** Everything a sweep reports. */
export interface SweepResults {
  readonly replications: number;
  /** One or two swept fields: the first is the chart's x axis, the second its lines. */
  readonly fields: readonly SweepFieldDescription[];
  /** The `--set`s with one value, applied to every point, as typed. */
  readonly fixed: readonly string[];
  /** The metrics chosen for the console and the chart (every metric is in the files). */
  readonly metrics: readonly ComparedMetricName[];
  /** In grid order: the first field's values outermost. */
  readonly points: readonly SweepPointResult[];
}

/** Confidence of each point's own estimates: the same 95% as summary.csv's. */
const ESTIMATE_CONFIDENCE = 0.95;

/** The results of simulated points (all on the same replications). */
export function sweepResultsOf(
  description: Omit<SweepResults, "points" | "replications">,
  points: readonly SimulatedPoint[],
): SweepResults {
  const replications = new Set(points.map((point) => point.table.replications));
  if (points.length === 0 || replications.size !== 1) {
    throw new RangeError("a sweep needs points, all with the same number of replications");
  }
  return {
    ...description,
    replications: points[0]?.table.replications as number,
    points: points.map((point) => ({
      name: point.name,
      indices: point.indices,
      estimates: estimatesOf(point.table),
    })),
  };
}

function estimatesOf(
  table: ReplicationTable,
): Map<string, ReadonlyMap<ComparedMetricName, MetricEstimate>> {
  const estimates = new Map<string, ReadonlyMap<ComparedMetricName, MetricEstimate>>();
  for (const [scope, values] of table.scopes) {
    const metrics = new Map<ComparedMetricName, MetricEstimate>();
    for (const [metric, series] of values)
      metrics.set(metric, estimate(series, ESTIMATE_CONFIDENCE));
    estimates.set(scope, metrics);
  }
  return estimates;
}

/** The label of the point's value of field `index`. */
export function pointLabel(
  results: Pick<SweepResults, "fields">,
  point: Pick<SweepPointResult, "indices">,
  index: number,
): string {
  const field = results.fields[index];
  return field?.labels[point.indices[index] ?? -1] ?? "";
}
