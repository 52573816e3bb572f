/**
 * workers.csv: one row per worker (in order of first registration), each value the mean over
 * replications. Offer counts and `jobsHandled` (jobs the worker completed) cover jobs that
 * arrived in [warmup, horizon); `busySeconds` (time holding any capacity: offers, assignments,
 * wrap-up) and `utilization` (capacity-seconds in use / registered) cover [warmup, horizon).
 */
import type { ReplicationSummary } from "../metrics/types.ts";
import { toCsvText } from "./csv.ts";
import { formatNumber } from "./format-number.ts";

/** Column names of workers.csv. */
export const WORKERS_CSV_COLUMNS = [
  "worker",
  "offersReceived",
  "offersAccepted",
  "offersDeclined",
  "offersExpired",
  "offersRevoked",
  "jobsHandled",
  "busySeconds",
  "utilization",
] as const;

/** The text of workers.csv. */
export function renderWorkersCsv(summary: ReplicationSummary): string {
  const rows = summary.workers.map((row) => [
    row.workerId,
    formatNumber(row.offersReceived),
    formatNumber(row.offersAccepted),
    formatNumber(row.offersDeclined),
    formatNumber(row.offersExpired),
    formatNumber(row.offersRevoked),
    formatNumber(row.jobsHandled),
    formatNumber(row.busySeconds),
    formatNumber(row.utilization),
  ]);
  return toCsvText(WORKERS_CSV_COLUMNS, rows);
}
