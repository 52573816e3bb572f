/**
 * From the replications' metrics (in replication order) to the summary: for every scope and
 * metric the mean over replications and the 95% Student-t half-width (null with one value; NaN
 * values, metrics undefined in a replication, are left out). Interval rows are matched by
 * (interval start, queue) and worker rows by worker id, and estimated the same way field by
 * field; a worker absent from a replication (never registered there) counts as zero offers and
 * zero busy time, its utilization undefined.
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
  WORKER_VALUE_NAMES,
  type WorkerRow,
  type WorkerSummaryRow,
} from "./types.ts";

/** The summary of `replications` (at least one). */
export function aggregateReplications(
  replications: readonly ReplicationMetrics[],
): ReplicationSummary {
  if (replications.length === 0) throw new RangeError("aggregateReplications needs a replication");
  return {
    replications: replications.length,
    overall: estimateScope(replications.map((replication) => replication.overall)),
    queues: estimateScopes(replications.map((replication) => replication.queues)),
    arrivals: estimateScopes(replications.map((replication) => replication.arrivals)),
    intervals: summarizeIntervals(replications),
    workers: summarizeWorkers(replications),
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
    const rows = byId.map((rowsById) => rowsById.get(workerId) ?? absentWorker(workerId));
    const { means, halfWidths } = estimateFields(WORKER_VALUE_NAMES, rows);
    return { workerId, ...means, halfWidths };
  });
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
function absentWorker(workerId: string): WorkerRow {
  return {
    workerId,
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
