/**
 * The intervals `ccsim check` judges a change by, at the family-wise level (Bonferroni): paired
 * by replication when both sides ran the same seed and count (replication i of both saw the
 * same customers, so the differences carry far less noise), else Welch's interval from the two
 * summaries' means and 95% half-widths. And how many replications would settle a change that is
 * beyond its tolerance but not significant.
 */

import { studentTQuantile } from "../metrics/confidence.ts";
import type { MetricEstimate } from "../metrics/index.ts";
import { type ComparisonLevel, pairedDifference } from "./paired-difference.ts";

/** An interval on a difference (current − baseline). */
export interface Interval {
  /** Half-width at the adjusted level; null when there is none (fewer than 2 replications). */
  readonly halfWidth: number | null;
  /** The interval excludes 0. */
  readonly significant: boolean;
  /** Replications left out of a paired difference (undefined on one side or both). */
  readonly leftOut: number;
}

/** The paired interval from per-replication values (same seed, same count). */
export function pairedInterval(
  baseline: readonly number[],
  current: readonly number[],
  level: ComparisonLevel,
): Interval {
  const difference = pairedDifference(baseline, current, level);
  return {
    halfWidth: difference.halfWidth,
    significant: difference.significant,
    leftOut: difference.leftOut,
  };
}

/** The summaries' half-widths are 95% Student-t intervals (output contract). */
const SUMMARY_CONFIDENCE = 0.95;

/**
 * Welch's interval on the difference of two independent means, from each side's mean and 95%
 * half-width over n replications: standard error = halfWidth / t_{0.975, n−1}, degrees of
 * freedom by Welch–Satterthwaite. (A metric undefined in some replications had fewer values
 * than n; the summary does not say how many, so n is the replication count.)
 */
export function welchInterval(
  baseline: MetricEstimate,
  baselineReplications: number,
  current: MetricEstimate,
  currentReplications: number,
  level: ComparisonLevel,
): Interval {
  const difference = current.mean - baseline.mean;
  if (
    baseline.halfWidth === null ||
    current.halfWidth === null ||
    baselineReplications < 2 ||
    currentReplications < 2
  ) {
    return { halfWidth: null, significant: false, leftOut: 0 };
  }
  const errorOf = (halfWidth: number, n: number) =>
    halfWidth / studentTQuantile(1 - (1 - SUMMARY_CONFIDENCE) / 2, n - 1);
  const baselineVariance = errorOf(baseline.halfWidth, baselineReplications) ** 2;
  const currentVariance = errorOf(current.halfWidth, currentReplications) ** 2;
  const variance = baselineVariance + currentVariance;
  // No spread on either side: the same value in every replication of each, so any shift is certain.
  if (variance === 0) return { halfWidth: 0, significant: difference !== 0, leftOut: 0 };
  const degreesOfFreedom =
    variance ** 2 /
    (baselineVariance ** 2 / (baselineReplications - 1) +
      currentVariance ** 2 / (currentReplications - 1));
  const alpha = (1 - level.confidence) / level.comparisons;
  const halfWidth = studentTQuantile(1 - alpha / 2, degreesOfFreedom) * Math.sqrt(variance);
  return { halfWidth, significant: Math.abs(difference) > halfWidth, leftOut: 0 };
}

/**
 * About how many replications (on both sides) would make `difference` significant if it
 * persisted: a half-width shrinks as 1/√n, so n · (halfWidth / |difference|)² brings it down to
 * the difference (the t quantile's own shrinking is ignored: "about"). Rounded up, at least
 * n + 1; without an interval (one replication), n + 1 and at least 2.
 */
export function replicationsToSettle(
  replications: number,
  halfWidth: number | null,
  difference: number,
): number {
  const next = Math.max(2, replications + 1);
  if (halfWidth === null || !(Math.abs(difference) > 0)) return next;
  return Math.max(next, Math.ceil(replications * (halfWidth / Math.abs(difference)) ** 2));
}
