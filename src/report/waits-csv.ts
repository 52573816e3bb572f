/**
 * waits.csv: the wait and abandon-time curves, one row per scope and grid point, scopes in
 * summary.csv's order (overall, `queue:<id>`…, `arrival:<id>`…), points ascending: the share of
 * the scope's jobs answered within x seconds and abandoned within x seconds, each the mean over
 * replications and its 95% half-width (empty with one replication). docs/outputs.md defines it.
 */
import type { ReplicationSummary } from "../metrics/types.ts";
import { toCsvText } from "./csv.ts";
import { formatNumber } from "./format-number.ts";

/** Column names of waits.csv. */
export const WAITS_CSV_COLUMNS = [
  "scope",
  "waitSeconds",
  "answeredWithin",
  "answeredWithinHalfWidth",
  "abandonedWithin",
  "abandonedWithinHalfWidth",
] as const;

/** The text of waits.csv. */
export function renderWaitsCsv(summary: ReplicationSummary): string {
  const rows = summary.waitCurves.flatMap((curve) =>
    curve.points.map((point) => [
      curve.scope,
      formatNumber(point.waitSeconds),
      formatNumber(point.answeredWithin.mean),
      formatNumber(point.answeredWithin.halfWidth ?? Number.NaN),
      formatNumber(point.abandonedWithin.mean),
      formatNumber(point.abandonedWithin.halfWidth ?? Number.NaN),
    ]),
  );
  return toCsvText(WAITS_CSV_COLUMNS, rows);
}
