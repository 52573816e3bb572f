/**
 * differences.csv: one row per judged difference (variant − baseline of one scope and metric),
 * in the comparison's order, with the columns of DIFFERENCES_CSV_COLUMNS: the adjusted interval
 * as half-width and bounds, each interval's own (Bonferroni) confidence, the replications paired
 * and left out, the smallest difference the run could detect, and the verdict in words. An
 * undefined number (no pair, fewer than two pairs) is an empty cell, as in summary.csv.
 */
import type { Comparison, DifferenceRow } from "../../comparison/index.ts";
import { toCsvText } from "../csv.ts";
import { formatNumber } from "../format-number.ts";

/**
 * Column names of differences.csv. `meanDifference` is variant − baseline averaged over the
 * pairs; `lower`/`upper` are meanDifference ∓ halfWidth; `adjustedConfidence` is the confidence
 * of each interval alone (the family's confidence is comparison.json's `confidence`).
 */
export const DIFFERENCES_CSV_COLUMNS = [
  "variant",
  "baseline",
  "scope",
  "metric",
  "direction",
  "meanDifference",
  "halfWidth",
  "lower",
  "upper",
  "adjustedConfidence",
  "pairs",
  "leftOut",
  "smallestDetectable",
  "verdict",
] as const;

/** The bounds of a difference's adjusted interval, NaN when it has none. */
export function intervalOf(row: DifferenceRow): { lower: number; upper: number } {
  const { meanDifference, halfWidth } = row.difference;
  if (halfWidth === null) return { lower: Number.NaN, upper: Number.NaN };
  return { lower: meanDifference - halfWidth, upper: meanDifference + halfWidth };
}

/** The text of differences.csv. */
export function renderDifferencesCsv(comparison: Comparison): string {
  const rows = comparison.differences.map((row) => {
    const { difference } = row;
    const { lower, upper } = intervalOf(row);
    return [
      row.variant,
      row.baseline,
      row.scope,
      row.metric,
      row.direction,
      formatNumber(difference.meanDifference),
      formatNumber(difference.halfWidth ?? Number.NaN),
      formatNumber(lower),
      formatNumber(upper),
      formatNumber(comparison.adjustedConfidence),
      String(difference.pairs),
      String(difference.leftOut),
      formatNumber(difference.smallestDetectable ?? Number.NaN),
      row.verdict,
    ];
  });
  return toCsvText(DIFFERENCES_CSV_COLUMNS, rows);
}
