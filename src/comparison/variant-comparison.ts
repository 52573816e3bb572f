/**
 * `ccsim compare`'s arithmetic: each variant's estimates (mean ± 95% half-width per scope and
 * metric), and for every variant but the baseline the paired difference against the baseline of
 * each judged (scope, metric), with Bonferroni-adjusted intervals over the whole family of judged
 * differences and a verdict in the metric's direction. Pure: replication tables in, numbers out.
 *
 * INTERFACE (issue 10, lead): the types below are fixed; `compareVariants` is the compare-engine
 * helper's to implement.
 */
import type { MetricEstimate } from "../metrics/index.ts";
import type { ComparedMetricName } from "./compared-metrics.ts";
import type { MetricDirection } from "./metric-directions.ts";
import type { PairedDifference } from "./paired-difference.ts";
import type { ReplicationTable } from "./replication-table.ts";
import type { ComparisonVerdict } from "./verdict.ts";

/** One variant's results. */
export interface VariantResults {
  /** Short name the variant is reported under (`longestIdle`, `offerExpiresAfter=60s`, a file's scenario name). */
  readonly name: string;
  /** What makes this variant what it is, in words (e.g. "every policy's mode.kind set to roundRobin"). */
  readonly description: string;
  /** Per-replication values, with fairness. */
  readonly table: ReplicationTable;
}

/** What to judge and how sure to be. */
export interface ComparisonOptions {
  /** Index of the baseline among the variants. */
  readonly baseline: number;
  /** Family-wise confidence of all judged intervals together (0.95). */
  readonly confidence: number;
  /** The metrics judged (differences.csv rows); every metric is still estimated. */
  readonly metrics: readonly ComparedMetricName[];
  /** `overall` judges the overall scope only; `all` every scope of the tables. */
  readonly scopes: "overall" | "all";
}

/** Per scope and metric, a variant's mean and 95% half-width (unadjusted: it is one estimate). */
export interface VariantEstimates {
  readonly name: string;
  readonly description: string;
  /** Scopes in the table's order; metrics in COMPARED_METRIC_NAMES order where present. */
  readonly estimates: ReadonlyMap<string, ReadonlyMap<ComparedMetricName, MetricEstimate>>;
}

/** One judged difference: variant − baseline for one (scope, metric). */
export interface DifferenceRow {
  readonly variant: string;
  readonly baseline: string;
  readonly scope: string;
  readonly metric: ComparedMetricName;
  readonly direction: MetricDirection;
  /** Paired over replications, adjusted for `Comparison.comparisons`. */
  readonly difference: PairedDifference;
  readonly verdict: ComparisonVerdict;
}

/** Everything compare reports. */
export interface Comparison {
  readonly replications: number;
  /** Name of the baseline variant. */
  readonly baseline: string;
  /** Family-wise confidence (0.95). */
  readonly confidence: number;
  /** How many differences are judged together: (variants − 1) × judged (scope, metric) pairs. */
  readonly comparisons: number;
  /** Each interval's own confidence: 1 − (1 − confidence) / comparisons. */
  readonly adjustedConfidence: number;
  /** The adjustment, named for the output: always Bonferroni. */
  readonly adjustment: "Bonferroni";
  /** In the order given, baseline included. */
  readonly variants: readonly VariantEstimates[];
  /** Variant by variant (order given, baseline skipped), then scope, then metric in the options' order. */
  readonly differences: readonly DifferenceRow[];
}

/** Compares `variants` (at least two, same replication count) against the baseline. */
export function compareVariants(
  variants: readonly VariantResults[],
  options: ComparisonOptions,
): Comparison {
  void variants;
  void options;
  throw new Error("compareVariants: not implemented yet (issue 10, compare-engine)");
}
