/**
 * staffing.csv: one row per evaluated count and target, counts ascending, targets in the order
 * given. The contract's columns first (`count,metric,mean,halfWidth`), then the target's scope
 * and text, theory's value where it applies (`erlang`) and whether the count meets the target
 * by the answer's criterion (`meetsTarget`).
 */
import { toCsvText } from "../csv.ts";
import { formatNumber } from "../format-number.ts";
import type { StaffingStudy } from "./staffing-study.ts";

/** The columns of staffing.csv, in order. */
export const STAFFING_CSV_COLUMNS = [
  "count",
  "metric",
  "mean",
  "halfWidth",
  "scope",
  "target",
  "erlang",
  "meetsTarget",
] as const;

/** The text of staffing.csv. */
export function renderStaffingCsv(study: StaffingStudy): string {
  const rows: string[][] = [];
  for (const evaluation of study.search.evaluations) {
    study.targets.forEach((target, index) => {
      const estimate = evaluation.estimates[index] ?? { mean: Number.NaN, halfWidth: null };
      const erlang = study.erlangValue(evaluation.count, index);
      rows.push([
        String(evaluation.count),
        target.metric,
        formatNumber(estimate.mean),
        estimate.halfWidth === null ? "" : formatNumber(estimate.halfWidth),
        target.scope,
        target.text,
        erlang === undefined ? "" : formatNumber(erlang),
        String(evaluation.meets[index]?.[study.search.criterion] === true),
      ]);
    });
  }
  return toCsvText(STAFFING_CSV_COLUMNS, rows);
}
