/**
 * comparison.csv of the output contract: `variant,scope,metric,mean,halfWidth`, every variant's
 * estimate of every metric it has (fairness metrics included): variants in the order given,
 * then scopes and metrics in the Comparison's order (the table's scopes, COMPARED_METRIC_NAMES).
 * Numbers as in summary.csv: formatNumber, an undefined mean or half-width an empty cell.
 */
import type { Comparison } from "../../comparison/index.ts";
import { toCsvText } from "../csv.ts";
import { formatNumber } from "../format-number.ts";

/** Column names of comparison.csv (contract: never rename, only add). */
export const COMPARISON_CSV_COLUMNS = ["variant", "scope", "metric", "mean", "halfWidth"] as const;

/** The text of comparison.csv. */
export function renderComparisonCsv(comparison: Comparison): string {
  const rows = comparison.variants.flatMap((variant) =>
    [...variant.estimates].flatMap(([scope, metrics]) =>
      [...metrics].map(([metric, estimate]) => [
        variant.name,
        scope,
        metric,
        formatNumber(estimate.mean),
        formatNumber(estimate.halfWidth ?? Number.NaN),
      ]),
    ),
  );
  return toCsvText(COMPARISON_CSV_COLUMNS, rows);
}
