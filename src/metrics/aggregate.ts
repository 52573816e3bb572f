/**
 * From the replications' metrics to the summary: per scope and metric the mean and the 95%
 * Student-t half-width (null with one value; NaN values are left out). Interval rows are matched
 * by (start, queue), worker rows by id (an absent worker: no work, utilization undefined, its
 * group kept), wait curves by scope, and estimated field by field or point by point.
 */
import { estimate } from "./confidence.ts";
import {
  INTERVAL_VALUE_NAMES,
  type IntervalRow,
  type IntervalSummaryRow,
  METRIC_NAMES,
  type MetricValues,
  type ReplicationMetrics,
  type ReplicationSummary,
  type ScopeEstimates,
  type WaitCurve,
  type WaitCurveSummary,
  WORKER_VALUE_NAMES,
  type WorkerRow,
  type WorkerSummaryRow,
} from "./types.ts";

/** The summary of `replications` (at least one). */
export function aggregateReplications(
  replications: readonly ReplicationMetrics[],
): ReplicationSummary {
  if (replications.length === 0) throw new RangeError("aggregateReplications needs a replication");
  const queues = estimateScopes(replications.map((replication) => replication.queues));
  const arrivals = estimateScopes(replications.map((replication) => replication.arrivals));
  // Curves in summary.csv's scope order (the order of the scope records' keys).
  const scopeOrder = [
    "overall",
    ...Object.keys(queues).map((id) => `queue:${id}`),
    ...Object.keys(arrivals).map((id) => `arrival:${id}`),
  ];
  return {
    replications: replications.length,
    overall: estimateScope(replications.map((replication) => replication.overall)),
    queues,
    arrivals,
    intervals: summarizeIntervals(replications),
    workers: summarizeWorkers(replications),
    waitGridSeconds: [...(replications[0] as ReplicationMetrics).waitGridSeconds],
    waitCurves: summarizeWaitCurves(replications, scopeOrder),
  };
}

function estimateScope(values: readonly MetricValues[]): ScopeEstimates {
  const entries = METRIC_NAMES.map((name) => [name, estimate(values.map((one) => one[name]))]);
  return Object.fromEntries(entries) as ScopeEstimates;
}

function estimateScopes(
  scopes: readonly Record<string, MetricValues>[],
): Record<string, ScopeEstimates> {
  const ids = unionOfKeys(scopes.map((scope) => Object.keys(scope)));
  const entries = ids.map((id) => {
    const present = scopes.flatMap((scope) => (Object.hasOwn(scope, id) ? [scope[id]] : []));
    return [id, estimateScope(present as MetricValues[])];
  });
  return Object.fromEntries(entries) as Record<string, ScopeEstimates>;
}

function summarizeIntervals(replications: readonly ReplicationMetrics[]): IntervalSummaryRow[] {
  const groups = groupBy(
    replications.flatMap((replication) => replication.intervals),
    (row) => `${row.intervalStartSeconds}\u0000${row.queueId}`,
  );
  return [...groups.values()].map((rows) => {
    const first = rows[0] as IntervalRow;
    const { means, halfWidths } = estimateFields(INTERVAL_VALUE_NAMES, rows);
    return {
      intervalStartSeconds: first.intervalStartSeconds,
      intervalEndSeconds: first.intervalEndSeconds,
      queueId: first.queueId,
      startsInWarmup: first.startsInWarmup,
      ...means,
      halfWidths,
    };
  });
}

function summarizeWorkers(replications: readonly ReplicationMetrics[]): WorkerSummaryRow[] {
  const byId = replications.map(
    (replication) => new Map(replication.workers.map((row) => [row.workerId, row])),
  );
  const ids = unionOfKeys(byId.map((rows) => [...rows.keys()]));
  return ids.map((workerId) => {
    const present = byId.find((rowsById) => rowsById.has(workerId))?.get(workerId) as WorkerRow;
    const group = present.group;
    const rows = byId.map((rowsById) => rowsById.get(workerId) ?? absentWorker(workerId, group));
    const { means, halfWidths } = estimateFields(WORKER_VALUE_NAMES, rows);
    return { workerId, group, ...means, halfWidths };
  });
}

function summarizeWaitCurves(
  replications: readonly ReplicationMetrics[],
  scopeOrder: readonly string[],
): WaitCurveSummary[] {
  const grid = (replications[0] as ReplicationMetrics).waitGridSeconds;
  const groups = groupBy(
    replications.flatMap((replication) => replication.waitCurves),
    (curve) => curve.scope,
  );
  const rank = (scope: string) => {
    const index = scopeOrder.indexOf(scope);
    return index < 0 ? scopeOrder.length : index;
  };
  const ordered = [...groups.values()].sort(
    (left, right) => rank((left[0] as WaitCurve).scope) - rank((right[0] as WaitCurve).scope),
  );
  return ordered.map((curves) => ({
    scope: (curves[0] as WaitCurve).scope,
    points: grid.map((waitSeconds, point) => ({
      waitSeconds,
      answeredWithin: estimate(curves.map((curve) => curve.answeredWithin[point] as number)),
      abandonedWithin: estimate(curves.map((curve) => curve.abandonedWithin[point] as number)),
    })),
  }));
}

/** The estimate of each named numeric field over `rows`, split into means and half-widths. */
function estimateFields<Name extends string>(
  names: readonly Name[],
  rows: readonly Readonly<Record<Name, number>>[],
): { means: Record<Name, number>; halfWidths: Record<Name, number | null> } {
  const means = {} as Record<Name, number>;
  const halfWidths = {} as Record<Name, number | null>;
  for (const name of names) {
    const { mean, halfWidth } = estimate(rows.map((row) => row[name]));
    means[name] = mean;
    halfWidths[name] = halfWidth;
  }
  return { means, halfWidths };
}

/** A worker that never registered in a replication: no work, utilization undefined. */
function absentWorker(workerId: string, group: string): WorkerRow {
  return {
    workerId,
    group,
    offersReceived: 0,
    offersAccepted: 0,
    offersDeclined: 0,
    offersExpired: 0,
    offersRevoked: 0,
    jobsHandled: 0,
    busySeconds: 0,
    utilization: Number.NaN,
  };
}

/** Every key, in order of first appearance. */
function unionOfKeys(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}
