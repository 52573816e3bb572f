/**
 * comparison.json, shaped for programs: the run as summary.json describes it (provenance when
 * given), the replications, the baseline and the adjustment (family confidence, number of
 * differences judged together, each interval's confidence), every variant's estimates by scope
 * and metric, and every judged difference. Keys in a fixed order; NaN and missing numbers null.
 */
import type { Comparison, DifferenceRow, VariantEstimates } from "../../comparison/index.ts";
import { type JsonValue, toJsonText } from "../json-text.ts";
import { provenanceJson, type RunDescription } from "../summary-json.ts";
import { intervalOf } from "./differences-csv.ts";

/** The text of comparison.json (with a trailing newline). */
export function renderComparisonJson(run: RunDescription, comparison: Comparison): string {
  const document: JsonValue = {
    scenario: run.scenario,
    seed: run.seed,
    replications: comparison.replications,
    horizonSeconds: run.horizonSeconds,
    warmupSeconds: run.warmupSeconds,
    serviceLevelThresholdSeconds: run.serviceLevelThresholdSeconds,
    ...(run.provenance === undefined ? {} : { provenance: provenanceJson(run.provenance) }),
    baseline: comparison.baseline,
    confidence: comparison.confidence,
    comparisons: comparison.comparisons,
    adjustedConfidence: comparison.adjustedConfidence,
    adjustment: comparison.adjustment,
    variants: comparison.variants.map(variantJson),
    differences: comparison.differences.map(differenceJson),
  };
  return `${toJsonText(document)}\n`;
}

function variantJson(variant: VariantEstimates): JsonValue {
  const estimates: Record<string, JsonValue> = {};
  for (const [scope, metrics] of variant.estimates) {
    const scopeJson: Record<string, JsonValue> = {};
    for (const [metric, estimate] of metrics) {
      scopeJson[metric] = { mean: estimate.mean, halfWidth: estimate.halfWidth };
    }
    estimates[scope] = scopeJson;
  }
  return { name: variant.name, description: variant.description, estimates };
}

function differenceJson(row: DifferenceRow): JsonValue {
  const { difference } = row;
  const { lower, upper } = intervalOf(row);
  return {
    variant: row.variant,
    baseline: row.baseline,
    scope: row.scope,
    metric: row.metric,
    direction: row.direction,
    meanDifference: difference.meanDifference,
    halfWidth: difference.halfWidth,
    lower,
    upper,
    pairs: difference.pairs,
    leftOut: difference.leftOut,
    smallestDetectable: difference.smallestDetectable,
    identical: difference.identical,
    significant: difference.significant,
    verdict: row.verdict,
  };
}
