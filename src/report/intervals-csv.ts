/**
 * intervals.csv: one row per reporting interval and queue. The contract's columns come first,
 * unchanged (each value the mean over replications), then the added values (INTERVAL_VALUE_NAMES
 * after the contract's), `startsInWarmup` (`true` for an interval that starts before the warm-up
 * ends) and each value's 95% half-width (`<column>HalfWidth`, empty with one replication).
 * docs/outputs.md defines every column.
 */
import { INTERVAL_VALUE_NAMES, type ReplicationSummary } from "../metrics/types.ts";
import { toCsvText } from "./csv.ts";
import { formatNumber } from "./format-number.ts";

/** Column names of intervals.csv. */
export const INTERVALS_CSV_COLUMNS = [
  "intervalStartSeconds",
  "intervalEndSeconds",
  "queue",
  ...INTERVAL_VALUE_NAMES,
  "startsInWarmup",
  ...INTERVAL_VALUE_NAMES.map((name) => `${name}HalfWidth` as const),
] as const;

/** The text of intervals.csv. */
export function renderIntervalsCsv(summary: ReplicationSummary): string {
  const rows = summary.intervals.map((row) => [
    formatNumber(row.intervalStartSeconds),
    formatNumber(row.intervalEndSeconds),
    row.queueId,
    ...INTERVAL_VALUE_NAMES.map((name) => formatNumber(row[name])),
    String(row.startsInWarmup),
    ...INTERVAL_VALUE_NAMES.map((name) => formatNumber(row.halfWidths[name] ?? Number.NaN)),
  ]);
  return toCsvText(INTERVALS_CSV_COLUMNS, rows);
}
