/**
 * intervals.csv: one row per reporting interval and queue, each value the mean over
 * replications. Columns: `intervalStartSeconds`, `intervalEndSeconds` (simulated seconds;
 * intervals tile [0, horizon) from 0, warm-up included), `queue`, `arrivals` (jobs arriving in
 * the interval, first queued in the queue), `answered` and `abandoned` (of those arrivals),
 * `serviceLevel` (answered within the threshold / arrivals), `waitMean` (seconds, answered
 * ones), `queueLengthMean` (time-average jobs queued), `busyWorkers` (time-average capacity held
 * for the queue's jobs, in whole workers: a job costing 20 of a worker's 100 counts 0.2).
 */
import type { ReplicationSummary } from "../metrics/types.ts";
import { toCsvText } from "./csv.ts";
import { formatNumber } from "./format-number.ts";

/** Column names of intervals.csv. */
export const INTERVALS_CSV_COLUMNS = [
  "intervalStartSeconds",
  "intervalEndSeconds",
  "queue",
  "arrivals",
  "answered",
  "abandoned",
  "serviceLevel",
  "waitMean",
  "queueLengthMean",
  "busyWorkers",
] as const;

/** The text of intervals.csv. */
export function renderIntervalsCsv(summary: ReplicationSummary): string {
  const rows = summary.intervals.map((row) => [
    formatNumber(row.intervalStartSeconds),
    formatNumber(row.intervalEndSeconds),
    row.queueId,
    formatNumber(row.arrivals),
    formatNumber(row.answered),
    formatNumber(row.abandoned),
    formatNumber(row.serviceLevel),
    formatNumber(row.waitMean),
    formatNumber(row.queueLengthMean),
    formatNumber(row.busyWorkers),
  ]);
  return toCsvText(INTERVALS_CSV_COLUMNS, rows);
}
