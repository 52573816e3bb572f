/**
 * summary.csv of the output contract: `scope,metric,mean,halfWidth`, one row per scope and
 * metric, scopes in the order overall, `queue:<id>`…, `arrival:<id>`…, metrics in contract
 * order. An undefined mean or half-width is an empty cell.
 */
import type { ReplicationSummary, ScopeEstimates } from "../metrics/types.ts";
import { METRIC_NAMES } from "../metrics/types.ts";
import { toCsvText } from "./csv.ts";
import { formatNumber } from "./format-number.ts";

/** Column names of summary.csv. */
export const SUMMARY_CSV_COLUMNS = ["scope", "metric", "mean", "halfWidth"] as const;

/** Every scope of the summary with its contract name, in output order. */
export function namedScopes(summary: ReplicationSummary): [string, ScopeEstimates][] {
  return [
    ["overall", summary.overall],
    ...Object.entries(summary.queues).map(([id, scope]): [string, ScopeEstimates] => [
      `queue:${id}`,
      scope,
    ]),
    ...Object.entries(summary.arrivals).map(([id, scope]): [string, ScopeEstimates] => [
      `arrival:${id}`,
      scope,
    ]),
  ];
}

/** The text of summary.csv. */
export function renderSummaryCsv(summary: ReplicationSummary): string {
  const rows = namedScopes(summary).flatMap(([scopeName, scope]) =>
    METRIC_NAMES.map((metric) => {
      const { mean, halfWidth } = scope[metric];
      return [scopeName, metric, formatNumber(mean), formatNumber(halfWidth ?? Number.NaN)];
    }),
  );
  return toCsvText(SUMMARY_CSV_COLUMNS, rows);
}
