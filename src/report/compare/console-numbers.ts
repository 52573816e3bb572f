/**
 * Numbers of the compare console table (and the chart's confidences) in their unit: a share as
 * a percentage (its difference in percentage points), seconds with `s`, counts bare, with as
 * many decimals as the half-width needs for two significant digits (0 to 3), the same for a
 * metric's whole row so the variants line up. Fixed-point (`toFixed`), no locale, no `-0`.
 */
import type { MetricEstimate } from "../../metrics/index.ts";
import type { MetricUnit } from "./metric-units.ts";

const MAX_DECIMALS = 3;
/** Decimals when no half-width says how precise a number is (one replication, identical). */
const DEFAULT_DECIMALS = 1;
/**
 * Below this (in the printed unit) a half-width is floating-point noise, not precision: a
 * difference that shifts every replication by the same amount has a half-width of 1e-17.
 */
const NEGLIGIBLE = 1e-9;

/** A value of `unit` in the unit it prints in (a share × 100). */
function shown(value: number, unit: MetricUnit): number {
  return unit === "share" ? value * 100 : value;
}

/** `value` with `decimals` decimals, "-0.0" printed without its sign. */
function fixedText(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/**
 * Decimals that show the smallest positive half-width of `halfWidths` (in the metric's own
 * unit) with two significant digits: 1.2% → 1, 0.52 pp → 2, 12 s → 0.
 */
export function decimalsFor(halfWidths: readonly (number | null)[], unit: MetricUnit): number {
  const positive = halfWidths
    .filter((value): value is number => value !== null && Number.isFinite(value))
    .map((value) => shown(value, unit))
    .filter((value) => value > NEGLIGIBLE);
  if (positive.length === 0) return DEFAULT_DECIMALS;
  const smallest = Math.min(...positive);
  return Math.min(MAX_DECIMALS, Math.max(0, 1 - Math.floor(Math.log10(smallest))));
}

/** A level (a mean or a half-width) with its unit: `81.4%`, `12.3 s`, `4.2`. */
export function levelText(value: number, unit: MetricUnit, decimals: number): string {
  const text = fixedText(shown(value, unit), decimals);
  if (unit === "share") return `${text}%`;
  if (unit === "seconds") return `${text} s`;
  return text;
}

/** An estimate as `mean ± half-width`, `-` when undefined, the mean alone without half-width. */
export function estimateText(estimate: MetricEstimate, unit: MetricUnit, decimals: number): string {
  if (!Number.isFinite(estimate.mean)) return "-";
  const mean = levelText(estimate.mean, unit, decimals);
  if (estimate.halfWidth === null || !Number.isFinite(estimate.halfWidth)) return mean;
  return `${mean} ± ${levelText(estimate.halfWidth, unit, decimals)}`;
}

/** The unit a difference prints with: ` pp` for shares, ` s` for seconds, nothing for counts. */
function differenceSuffix(unit: MetricUnit): string {
  if (unit === "share") return " pp";
  if (unit === "seconds") return " s";
  return "";
}

/** A difference's size without sign, with its unit: `0.63 pp`, `1.2 s`. */
export function sizeText(value: number, unit: MetricUnit, decimals: number): string {
  return `${fixedText(shown(value, unit), decimals)}${differenceSuffix(unit)}`;
}

/**
 * A difference with its sign, and its half-width when it has one: `-2.20 ± 0.50 pp`,
 * `+1.3 ± 0.4 s`, `0 pp`; `-` when undefined (no pair).
 */
export function differenceText(
  meanDifference: number,
  halfWidth: number | null,
  unit: MetricUnit,
  decimals: number,
): string {
  if (!Number.isFinite(meanDifference)) return "-";
  const magnitude = fixedText(shown(meanDifference, unit), decimals);
  const signed = /^-/.test(magnitude) || /^0(\.0*)?$/.test(magnitude) ? magnitude : `+${magnitude}`;
  if (halfWidth === null || !Number.isFinite(halfWidth)) {
    return `${signed}${differenceSuffix(unit)}`;
  }
  return `${signed} ± ${sizeText(halfWidth, unit, decimals)}`;
}

/**
 * A confidence as a percentage with as few decimals as keep it below 100 (at least two, none
 * trailing): 0.95 → `95%`, 0.996875 → `99.69%`, 0.99999 → `99.999%`.
 */
export function confidenceText(confidence: number): string {
  const percent = confidence * 100;
  let decimals = 2;
  while (decimals < 6 && percent.toFixed(decimals) === (100).toFixed(decimals)) decimals++;
  // toFixed with 2 or more decimals always has a point, so only decimals are trimmed.
  return `${percent.toFixed(decimals).replace(/\.?0+$/, "")}%`;
}
