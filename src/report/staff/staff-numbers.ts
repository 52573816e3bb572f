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
  const mean = fixedText(estimate.mean, decimals);
  if (estimate.halfWidth === null || !Number.isFinite(estimate.halfWidth)) return mean;
  return `${mean} ± ${fixedText(estimate.halfWidth, decimals)}`;
}

/** `value` with exactly `decimals` decimals ("0.890"), never "-0"; empty for NaN. */
export function fixedText(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return "";
  const text = formatNumber(value, decimals);
  const [whole, fraction = ""] = text.split(".");
  return decimals === 0 ? (whole ?? "") : `${whole}.${fraction.padEnd(decimals, "0")}`;
}
