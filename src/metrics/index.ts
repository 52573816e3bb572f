/**
 * The metrics layer: the per-replication collector fed by router events, the aggregation over
 * replications, and the plain-data shapes both produce.
 */
export { aggregateReplications } from "./aggregate.ts";
export { MetricsCollector, type MetricsSettings } from "./collector.ts";
export { type Estimate, estimate } from "./confidence.ts";
export { HISTOGRAM_RELATIVE_ERROR, Histogram } from "./histogram.ts";
export {
  type IntervalRow,
  METRIC_NAMES,
  type MetricEstimate,
  type MetricName,
  type MetricValues,
  type ReplicationMetrics,
  type ReplicationSummary,
  type ScopeEstimates,
  type WorkerRow,
} from "./types.ts";
