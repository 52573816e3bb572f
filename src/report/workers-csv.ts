/**
 * workers.csv: one row per worker (in order of first registration). The contract's columns
 * come first, unchanged (each value the mean over replications), then each value's 95%
 * half-width (`<column>HalfWidth`, empty with one replication), then the worker's `group`.
 * Counts cover jobs that arrived in [warmup, horizon), times [warmup, horizon);
 * docs/outputs.md defines every column.
 */
import { type ReplicationSummary, WORKER_VALUE_NAMES } from "../metrics/types.ts";
import { toCsvText } from "./csv.ts";
import { formatNumber } from "./format-number.ts";

/** Column names of workers.csv. */
export const WORKERS_CSV_COLUMNS = [
  "worker",
  ...WORKER_VALUE_NAMES,
  ...WORKER_VALUE_NAMES.map((name) => `${name}HalfWidth` as const),
  // Added in issue 9, last, so that every earlier column keeps its position.
  "group",
] as const;

/** The text of workers.csv. */
export function renderWorkersCsv(summary: ReplicationSummary): string {
  const rows = summary.workers.map((row) => [
    row.workerId,
    ...WORKER_VALUE_NAMES.map((name) => formatNumber(row[name])),
    ...WORKER_VALUE_NAMES.map((name) => formatNumber(row.halfWidths[name] ?? Number.NaN)),
    row.group,
  ]);
  return toCsvText(WORKERS_CSV_COLUMNS, rows);
}
