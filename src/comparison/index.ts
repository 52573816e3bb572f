/**
 * Public face of `comparison/`: paired differences between variants run on common random
 * numbers and their verdicts (`ccsim compare`), and a run judged against a baseline with
 * tolerances (`ccsim check`). cli → comparison → metrics.
 */
export {
  BaselineError,
  type BaselineProblem,
  type BaselineSummary,
  parseBaselineSummary,
  parseReplicationValuesCsv,
  type RunValues,
  renderReplicationValuesCsv,
  replicationValuesPathOf,
} from "./baseline.ts";
export {
  type CheckOptions,
  type CheckResult,
  type CheckVerdict,
  FAILING_VERDICTS,
  judgeCheck,
  type MetricCheck,
} from "./check-judgement.ts";
export {
  COMPARED_METRIC_NAMES,
  type ComparedMetricName,
  DEFAULT_COMPARED_METRICS,
  FAIRNESS_METRIC_NAMES,
  type FairnessMetricName,
  isComparedMetricName,
} from "./compared-metrics.ts";
export { METRIC_DIRECTIONS, type MetricDirection } from "./metric-directions.ts";
export {
  type ComparisonLevel,
  type PairedDifference,
  pairedDifference,
} from "./paired-difference.ts";
export {
  type ReplicationTable,
  type ReplicationTableOptions,
  replicationTableOf,
  type ScopeValues,
} from "./replication-table.ts";
export {
  allowedChange,
  DEFAULT_TOLERANCES,
  parseToleranceOverride,
  type Tolerance,
} from "./tolerances.ts";
export {
  type Comparison,
  type ComparisonOptions,
  compareVariants,
  type DifferenceRow,
  type JudgedPairs,
  judgedPairsOf,
  type ScopeMetric,
  type SkippedPair,
  type VariantEstimates,
  type VariantResults,
} from "./variant-comparison.ts";
export { modeVariants, type Variant } from "./variants.ts";
export { type ComparisonVerdict, verdictOf } from "./verdict.ts";
