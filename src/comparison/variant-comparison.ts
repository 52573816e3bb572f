/**
 * `ccsim compare`'s arithmetic: each variant's estimates (mean ± 95% half-width per scope and
 * metric), and per variant but the baseline the paired difference of each judged (scope, metric)
 * present in every variant (judgedPairsOf names the others), Bonferroni-adjusted over the whole
 * family, with a verdict in the metric's direction. Pure: replication tables in, numbers out.
 */
import { estimate, type MetricEstimate } from "../metrics/index.ts";
import { COMPARED_METRIC_NAMES, type ComparedMetricName } from "./compared-metrics.ts";
import { METRIC_DIRECTIONS, type MetricDirection } from "./metric-directions.ts";
import { type PairedDifference, pairedDifference } from "./paired-difference.ts";
import type { ReplicationTable } from "./replication-table.ts";
import { type ComparisonVerdict, verdictOf } from "./verdict.ts";

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

/** Confidence of each variant's own estimates (not adjusted: each is one estimate). */
const ESTIMATE_CONFIDENCE = 0.95;

/** One (scope, metric) of the judged family. */
export interface ScopeMetric {
  readonly scope: string;
  readonly metric: ComparedMetricName;
}

/** A (scope, metric) asked for but not judged, because some variants lack it. */
export interface SkippedPair extends ScopeMetric {
  /** The variants whose tables lack it. */
  readonly missingIn: readonly string[];
}

/** The judged family and what was left out of it. */
export interface JudgedPairs {
  /** Scope by scope (the baseline table's order), then metric in the options' order. */
  readonly judged: readonly ScopeMetric[];
  /** Pairs some variants have and others lack, in the same order. */
  readonly skipped: readonly SkippedPair[];
}

/**
 * The (scope, metric) pairs judged: the judged scopes (`overall`, or every scope of any table)
 * × the judged metrics, kept where every variant's table has them. A pair no table has (a
 * fairness metric of a queue scope) is simply not there; one only some tables have is skipped.
 */
export function judgedPairsOf(
  variants: readonly VariantResults[],
  options: Pick<ComparisonOptions, "baseline" | "metrics" | "scopes">,
): JudgedPairs {
  const baseline = variants[options.baseline];
  const scopes =
    options.scopes === "overall"
      ? ["overall"]
      : unionInOrder([
          ...(baseline === undefined ? [] : [baseline]),
          ...variants.filter((variant) => variant !== baseline),
        ]);
  const judged: ScopeMetric[] = [];
  const skipped: SkippedPair[] = [];
  for (const scope of scopes) {
    for (const metric of options.metrics) {
      const missingIn = variants
        .filter((variant) => variant.table.scopes.get(scope)?.get(metric) === undefined)
        .map((variant) => variant.name);
      if (missingIn.length === 0) judged.push({ scope, metric });
      else if (missingIn.length < variants.length) skipped.push({ scope, metric, missingIn });
    }
  }
  return { judged, skipped };
}

/**
 * Compares `variants` (at least two, same replication count, distinct names) against the
 * baseline. Throws RangeError for variants that cannot be paired or options out of range, and
 * when no asked-for (scope, metric) exists in every variant.
 */
export function compareVariants(
  variants: readonly VariantResults[],
  options: ComparisonOptions,
): Comparison {
  checkVariants(variants, options);
  const baseline = variants[options.baseline] as VariantResults;
  const { judged } = judgedPairsOf(variants, options);
  if (judged.length === 0) {
    throw new RangeError("no metric asked for exists in every variant: nothing to compare");
  }
  const comparisons = (variants.length - 1) * judged.length;
  const level = { confidence: options.confidence, comparisons };
  const differences: DifferenceRow[] = [];
  for (const variant of variants) {
    if (variant === baseline) continue;
    for (const { scope, metric } of judged) {
      const difference = pairedDifference(
        valuesOf(baseline, scope, metric),
        valuesOf(variant, scope, metric),
        level,
      );
      const direction = METRIC_DIRECTIONS[metric];
      differences.push({
        variant: variant.name,
        baseline: baseline.name,
        scope,
        metric,
        direction,
        difference,
        verdict: verdictOf(difference, direction),
      });
    }
  }
  return {
    replications: baseline.table.replications,
    baseline: baseline.name,
    confidence: options.confidence,
    comparisons,
    adjustedConfidence: 1 - (1 - options.confidence) / comparisons,
    adjustment: "Bonferroni",
    variants: variants.map(estimatesOf),
    differences,
  };
}

function checkVariants(variants: readonly VariantResults[], options: ComparisonOptions): void {
  if (variants.length < 2) throw new RangeError("a comparison needs at least two variants");
  if (!Number.isInteger(options.baseline) || variants[options.baseline] === undefined) {
    throw new RangeError(
      `baseline must be a variant's index (0 to ${variants.length - 1}), got ${options.baseline}`,
    );
  }
  if (!(options.confidence > 0 && options.confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), got ${options.confidence}`);
  }
  const names = new Set(variants.map((variant) => variant.name));
  if (names.size !== variants.length) {
    throw new RangeError("variants must have distinct names: they key every output row");
  }
  const counts = new Set(variants.map((variant) => variant.table.replications));
  if (counts.size > 1) {
    // Pairing needs replication i of every variant: different counts mean different runs.
    const list = variants.map((variant) => `${variant.name}: ${variant.table.replications}`);
    throw new RangeError(`variants must have the same replication count (${list.join(", ")})`);
  }
}

function valuesOf(
  variant: VariantResults,
  scope: string,
  metric: ComparedMetricName,
): readonly number[] {
  return variant.table.scopes.get(scope)?.get(metric) as readonly number[];
}

/** Every scope's every metric of one variant: mean and 95% half-width. */
function estimatesOf(variant: VariantResults): VariantEstimates {
  const estimates = new Map<string, ReadonlyMap<ComparedMetricName, MetricEstimate>>();
  for (const [scope, values] of variant.table.scopes) {
    const metrics = new Map<ComparedMetricName, MetricEstimate>();
    for (const metric of COMPARED_METRIC_NAMES) {
      const series = values.get(metric);
      if (series !== undefined) metrics.set(metric, estimate(series, ESTIMATE_CONFIDENCE));
    }
    estimates.set(scope, metrics);
  }
  return { name: variant.name, description: variant.description, estimates };
}

/** Every scope of the variants' tables, in first-seen order. */
function unionInOrder(variants: readonly VariantResults[]): string[] {
  const scopes = new Set<string>();
  for (const variant of variants)
    for (const scope of variant.table.scopes.keys()) scopes.add(scope);
  return [...scopes];
}
