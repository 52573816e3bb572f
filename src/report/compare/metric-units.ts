/**
 * The unit of every compared metric (the summary's units, declared in metrics/, plus the
 * fairness metrics'), so that the console table and the differences chart print a share as a
 * percentage (its differences in percentage points), a wait in seconds and a count bare.
 */
import type { ComparedMetricName } from "../../comparison/index.ts";
import { METRIC_UNITS, type MetricUnit } from "../../metrics/index.ts";

export type { MetricUnit };

/** Every compared metric's unit: the summary's, and the fairness metrics'. */
export const COMPARED_METRIC_UNITS: Readonly<Record<ComparedMetricName, MetricUnit>> = {
  ...METRIC_UNITS,
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
