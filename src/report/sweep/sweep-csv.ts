/**
 * sweep.csv: one row per point × scope × metric, the swept fields' values first (columns named
 * by their paths), then `scope,metric,mean,halfWidth` as comparison.csv has them. Numbers as in
 * summary.csv (formatNumber; an undefined mean or half-width an empty cell).
 */
import { toCsvText } from "../csv.ts";
import { formatNumber } from "../format-number.ts";
import { pointLabel, type SweepResults } from "./sweep-results.ts";

/** The columns after the swept fields' (contract: never rename, only add). */
export const SWEEP_CSV_COLUMNS = ["scope", "metric", "mean", "halfWidth"] as const;

/** The text of sweep.csv. */
export function renderSweepCsv(results: SweepResults): string {
  const fieldColumns = results.fields.map((field) => field.name);
  const rows = results.points.flatMap((point) => {
    const values = fieldColumns.map((_, index) => pointLabel(results, point, index));
    return [...point.estimates].flatMap(([scope, metrics]) =>
      [...metrics].map(([metric, estimate]) => [
        ...values,
        scope,
        metric,
        formatNumber(estimate.mean),
        formatNumber(estimate.halfWidth ?? Number.NaN),
      ]),
    );
  });
  return toCsvText([...fieldColumns, ...SWEEP_CSV_COLUMNS], rows);
}
