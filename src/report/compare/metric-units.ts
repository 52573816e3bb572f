/**
 * The unit of every compared metric, declared once, so that the console table and the
 * differences chart print a share as a percentage (its differences in percentage points), a
 * wait in seconds and a count bare. A new metric is a compile error until it has a unit.
 */
import type { ComparedMetricName } from "../../comparison/index.ts";

/** What a metric's numbers are. */
export type MetricUnit = "share" | "seconds" | "jobs" | "count";

/** Every compared metric's unit. */
export const METRIC_UNITS: Readonly<Record<ComparedMetricName, MetricUnit>> = {
  arrived: "count",
  assigned: "count",
  completed: "count",
  closed: "count",
  cancelled: "count",
  abandoned: "count",
  classificationFailed: "count",
  unassignments: "count",
  offersIssued: "count",
  offersAccepted: "count",
  offersDeclined: "count",
  offersExpired: "count",
  offersRevoked: "count",
  waitMean: "seconds",
  waitP50: "seconds",
  waitP90: "seconds",
  waitP95: "seconds",
  waitP99: "seconds",
  waitMax: "seconds",
  probabilityOfWait: "share",
  serviceLevel: "share",
  serviceLevelOfAnswered: "share",
  serviceLevelExcludingShortAbandons: "share",
  abandonmentRate: "share",
  abandonWaitMean: "seconds",
  handleTimeMean: "seconds",
  utilization: "share",
  queueLengthMean: "jobs",
  queueLengthMax: "jobs",
  inSystemAtEnd: "count",
  probabilityOfDelay: "share",
  exceptionsTriggered: "count",
  jobsReclassified: "count",
  jobsMovedIn: "count",
  jobsMovedOut: "count",
  endedUnanswered: "count",
  waitingAtEnd: "count",
  // The standard deviation of the workers' utilizations is itself a share.
  utilizationSpread: "share",
  jobsHandledSpread: "jobs",
};

/** How a difference of a metric of `unit` is named in words (an axis title, a footnote). */
export function differenceUnitWords(unit: MetricUnit): string {
  if (unit === "share") return "percentage points";
  if (unit === "seconds") return "seconds";
  if (unit === "jobs") return "jobs";
  return "count";
}
