/**
 * The unit of every summary metric, declared once: a share (0…1, shown as a percentage, its
 * differences in percentage points), seconds, a time-average or maximum number of jobs, or a
 * count of events. Renderers format by it and check's tolerances derive their kinds from it; a
 * new metric is a compile error until it has one.
 */
import type { MetricName } from "./types.ts";

/** What a metric's numbers are. */
export type MetricUnit = "share" | "seconds" | "jobs" | "count";

/** Every summary metric's unit. */
export const METRIC_UNITS: Readonly<Record<MetricName, MetricUnit>> = {
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
};
