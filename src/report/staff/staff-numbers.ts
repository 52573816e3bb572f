/**
 * How staff's console and chart write a metric's value: shares and rates with three decimals,
 * other quantities with two, and an estimate as "mean ± half-width".
 */
import { METRIC_UNITS } from "../../metrics/metric-units.ts";
import type { MetricName } from "../../metrics/types.ts";
import type { TargetEstimate } from "../../planning/index.ts";
import { formatNumber } from "../format-number.ts";

/** Decimals shown for a metric's value. */
export function decimalsOf(metric: MetricName): number {
  return METRIC_UNITS[metric] === "share" ? 3 : 2;
}

/** "0.849 ± 0.026", "0.849" with one replication, "undefined" for a metric no job defined. */
export function estimateText(metric: MetricName, estimate: TargetEstimate): string {
  if (!Number.isFinite(estimate.mean)) return "undefined";
  const decimals = decimalsOf(metric);
  const mean = formatNumber(estimate.mean, decimals);
  if (estimate.halfWidth === null || !Number.isFinite(estimate.halfWidth)) return mean;
  return `${mean} ± ${formatNumber(estimate.halfWidth, decimals)}`;
}
