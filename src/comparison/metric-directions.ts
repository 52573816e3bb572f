/**
 * Which way each metric is better, declared once for every metric of the summary and the
 * fairness metrics: a comparison says "better" or "worse" only for metrics with a direction,
 * "changed" for the rest (counts of offers, jobs in the system: more is neither good nor bad by
 * itself).
 */
import type { ComparedMetricName } from "./compared-metrics.ts";

/** The way a metric improves. */
export type MetricDirection = "higherIsBetter" | "lowerIsBetter" | "neutral";

/** Every metric's direction; a new metric is a compile error until it has one. */
export const METRIC_DIRECTIONS: Readonly<Record<ComparedMetricName, MetricDirection>> = {
  arrived: "neutral",
  assigned: "neutral",
  completed: "neutral",
  closed: "neutral",
  cancelled: "lowerIsBetter",
  abandoned: "lowerIsBetter",
  classificationFailed: "lowerIsBetter",
  unassignments: "neutral",
  offersIssued: "neutral",
  offersAccepted: "neutral",
  offersDeclined: "neutral",
  offersExpired: "lowerIsBetter",
  offersRevoked: "neutral",
  waitMean: "lowerIsBetter",
  waitP50: "lowerIsBetter",
  waitP90: "lowerIsBetter",
  waitP95: "lowerIsBetter",
  waitP99: "lowerIsBetter",
  waitMax: "lowerIsBetter",
  probabilityOfWait: "lowerIsBetter",
  serviceLevel: "higherIsBetter",
  serviceLevelOfAnswered: "higherIsBetter",
  serviceLevelExcludingShortAbandons: "higherIsBetter",
  abandonmentRate: "lowerIsBetter",
  abandonWaitMean: "neutral",
  handleTimeMean: "neutral",
  // Busier agents are cheaper but not better service: a comparison reports the change only.
  utilization: "neutral",
  queueLengthMean: "lowerIsBetter",
  queueLengthMax: "lowerIsBetter",
  inSystemAtEnd: "neutral",
  probabilityOfDelay: "lowerIsBetter",
  exceptionsTriggered: "neutral",
  jobsReclassified: "neutral",
  jobsMovedIn: "neutral",
  jobsMovedOut: "neutral",
  endedUnanswered: "lowerIsBetter",
  waitingAtEnd: "lowerIsBetter",
  // An even spread of the work across workers is what round robin is for.
  utilizationSpread: "lowerIsBetter",
  jobsHandledSpread: "lowerIsBetter",
};
