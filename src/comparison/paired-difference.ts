/**
 * The difference between two variants of a scenario run on common random numbers: replication
 * i of both saw the same customers, so the per-replication differences d_i = variant_i −
 * baseline_i carry far less noise than two independent estimates, and their Student-t interval
 * is the honest one. With k comparisons made at once (variants × metrics), each interval is
 * widened by Bonferroni (confidence 1 − α/k), so that all k hold together with probability at
 * least 1 − α. Replications where the metric is undefined in either variant (no answered job,
 * no mean wait) are left out and counted.
 */
import { studentTQuantile } from "../metrics/confidence.ts";

/** How sure the intervals must be, together. */
export interface ComparisonLevel {
  /** Family-wise confidence, e.g. 0.95. */
  readonly confidence: number;
  /** How many differences are judged at once (≥ 1): Bonferroni divides the error among them. */
  readonly comparisons: number;
}

/** The paired difference variant − baseline of one metric. */
export interface PairedDifference {
  /** Replications where both values are defined. */
  readonly pairs: number;
  /** Replications left out because the metric is undefined in one variant or both. */
  readonly leftOut: number;
  /** Mean of the differences (NaN without pairs). */
  readonly meanDifference: number;
  /** Half-width of the adjusted interval on the mean difference; null with fewer than 2 pairs. */
  readonly halfWidth: number | null;
  /**
   * The smallest true difference this run would detect 4 times out of 5 (80% power) at the same
   * adjusted level: (t_{1−α/2k} + t_{0.8}) · s / √n; null with fewer than 2 pairs.
   */
  readonly smallestDetectable: number | null;
  /** Every pair equal: the variants gave the same value in every replication. */
  readonly identical: boolean;
  /** The adjusted interval excludes 0. */
  readonly significant: boolean;
}

/** Power at which `smallestDetectable` is stated. */
const DETECTION_POWER = 0.8;

/** The paired difference of `variant` against `baseline`, both indexed by replication. */
export function pairedDifference(
  baseline: readonly number[],
  variant: readonly number[],
  level: ComparisonLevel,
): PairedDifference {
  if (baseline.length !== variant.length) {
    throw new RangeError(
      `paired values need the same replications (${baseline.length} against ${variant.length})`,
    );
  }
  if (!(level.confidence > 0 && level.confidence < 1) || !(level.comparisons >= 1)) {
    throw new RangeError("confidence must be in (0, 1) and comparisons at least 1");
  }
  const differences: number[] = [];
  let identical = true;
  for (let i = 0; i < baseline.length; i++) {
    const before = baseline[i] as number;
    const after = variant[i] as number;
    if (!Number.isFinite(before) || !Number.isFinite(after)) {
      // Both undefined is "the same" (no answered job either way); one undefined is not.
      if (Number.isFinite(before) !== Number.isFinite(after)) identical = false;
      continue;
    }
    if (before !== after) identical = false;
    differences.push(after - before);
  }
  const pairs = differences.length;
  const leftOut = baseline.length - pairs;
  const meanDifference =
    pairs === 0 ? Number.NaN : differences.reduce((sum, value) => sum + value, 0) / pairs;
  if (pairs < 2) {
    return {
      pairs,
      leftOut,
      meanDifference,
      halfWidth: null,
      smallestDetectable: null,
      identical,
      significant: false,
    };
  }
  const variance =
    differences.reduce((sum, value) => sum + (value - meanDifference) ** 2, 0) / (pairs - 1);
  const standardError = Math.sqrt(variance / pairs);
  const alpha = (1 - level.confidence) / level.comparisons;
  const t = studentTQuantile(1 - alpha / 2, pairs - 1);
  const halfWidth = t * standardError;
  return {
    pairs,
    leftOut,
    meanDifference,
    halfWidth,
    smallestDetectable: (t + studentTQuantile(DETECTION_POWER, pairs - 1)) * standardError,
    identical,
    // A difference with no spread at all (the same shift in every replication) is certain.
    significant: !identical && Math.abs(meanDifference) > halfWidth,
  };
}
