/**
 * The metrics a comparison can judge: every metric of the summary, plus the fairness of the
 * work's spread across workers, which the summary does not carry but round robin exists for.
 * Scopes are those of summary.csv (`overall`, `queue:<id>`, `arrival:<id>`) plus `group:<id>`
 * for a worker group's fairness.
 */
import { METRIC_NAMES, type MetricName } from "../metrics/index.ts";

/**
 * Fairness across workers, per replication: `utilizationSpread` is the standard deviation of
 * the workers' utilization (over workers with a defined utilization), `jobsHandledSpread` the
 * standard deviation of the jobs each worker handled (population form: the workers are all
 * there is, not a sample). 0 for a single worker, NaN for none.
 */
export const FAIRNESS_METRIC_NAMES = ["utilizationSpread", "jobsHandledSpread"] as const;

/** One fairness metric. */
export type FairnessMetricName = (typeof FAIRNESS_METRIC_NAMES)[number];

/** Any metric a comparison can judge. */
export type ComparedMetricName = MetricName | FairnessMetricName;

/** Every compared metric: the summary's in contract order, then the fairness ones. */
export const COMPARED_METRIC_NAMES: readonly ComparedMetricName[] = [
  ...METRIC_NAMES,
  ...FAIRNESS_METRIC_NAMES,
];

/** Whether `name` is a compared metric. */
export function isComparedMetricName(name: string): name is ComparedMetricName {
  return (COMPARED_METRIC_NAMES as readonly string[]).includes(name);
}

/**
 * What `ccsim compare` judges unless told otherwise (--metrics): the service a customer gets,
 * what it costs in agents' time, and how evenly the work is spread.
 */
export const DEFAULT_COMPARED_METRICS: readonly ComparedMetricName[] = [
  "serviceLevel",
  "waitMean",
  "waitP90",
  "abandonmentRate",
  "queueLengthMean",
  "utilization",
  "utilizationSpread",
  "jobsHandledSpread",
];
