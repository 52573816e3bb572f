/**
 * The metrics layer: the per-replication collector fed by router events, the aggregation over
 * replications, and the plain-data shapes both produce.
 */
export { aggregateReplications } from "./aggregate.ts";
export { arrivalStreamIndexer } from "./arrival-streams.ts";
export { MetricsCollector, type MetricsSettings } from "./collector.ts";
export { type Estimate, estimate } from "./confidence.ts";
export { HISTOGRAM_RELATIVE_ERROR, Histogram } from "./histogram.ts";
export { METRIC_UNITS, type MetricUnit } from "./metric-units.ts";
export {
  INTERVAL_VALUE_NAMES,
  type IntervalRow,
  type IntervalSummaryRow,
  type IntervalValueName,
  METRIC_NAMES,
  type MetricEstimate,
  type MetricName,
  type MetricValues,
  type ReplicationMetrics,
  type ReplicationSummary,
  type ScopeEstimates,
  type WaitCurve,
  type WaitCurvePoint,
  type WaitCurveSummary,
  WORKER_VALUE_NAMES,
  type WorkerRow,
  type WorkerSummaryRow,
  type WorkerValueName,
} from "./types.ts";
export { waitGridOf } from "./wait-curve.ts";
