/**
 * comparison.csv of the output contract: `variant,scope,metric,mean,halfWidth`, every variant's
 * estimate of every metric it has (fairness metrics included), variants in the order given,
 * then scopes in the table's order, then metrics in COMPARED_METRIC_NAMES order. Numbers as in
 * summary.csv: formatNumber, an undefined mean or half-width an empty cell.
 */
import { COMPARED_METRIC_NAMES, type Comparison } from "../../comparison/index.ts";
import { toCsvText } from "../csv.ts";
import { formatNumber } from "../format-number.ts";

/** Column names of comparison.csv (contract: never rename, only add). */
export const COMPARISON_CSV_COLUMNS = ["variant", "scope", "metric", "mean", "halfWidth"] as const;

/** The text of comparison.csv. */
export function renderComparisonCsv(comparison: Comparison): string {
  const rows = comparison.variants.flatMap((variant) =>
    [...variant.estimates].flatMap(([scope, metrics]) =>
      COMPARED_METRIC_NAMES.flatMap((metric) => {
        const estimate = metrics.get(metric);
        if (estimate === undefined) return [];
        return [
          [
            variant.name,
            scope,
            metric,
            formatNumber(estimate.mean),
            formatNumber(estimate.halfWidth ?? Number.NaN),
          ],
        ];
      }),
    ),
  );
  return toCsvText(COMPARISON_CSV_COLUMNS, rows);
}
