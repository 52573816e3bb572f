/**
 * The JSON document of `ccsim check --format json`, for programs: the level and pairing, the
 * count of every verdict (zeros included, so the keys never vary), and every check with both
 * sides, the change and its interval, the allowed change and the verdict. Numbers go through
 * json-text (fixed-point, at most 6 decimals); NaN and missing values are null.
 */
import type { CheckResult, MetricCheck } from "../../comparison/index.ts";
import type { MetricEstimate } from "../../metrics/index.ts";
import { type JsonValue, toJsonText } from "../json-text.ts";
import { verdictCounts } from "./check-wording.ts";
import type { CheckReportContext } from "./report-context.ts";

/** The document, ending with a newline. */
export function renderCheckJson(result: CheckResult, context: CheckReportContext): string {
  const document: JsonValue = {
    scenario: result.scenario,
    baselineFile: context.baselineFile,
    passed: !result.failed,
    paired: result.paired,
    pairingNote: result.pairingNote ?? null,
    confidence: result.confidence,
    comparisons: result.comparisons,
    adjustedConfidence: result.adjustedConfidence,
    counts: verdictCounts(result),
    checks: result.checks.map(checkJson),
  };
  return `${toJsonText(document)}\n`;
}

function estimateJson(estimate: MetricEstimate | undefined): JsonValue {
  if (estimate === undefined) return null;
  return { mean: estimate.mean, halfWidth: estimate.halfWidth };
}

function checkJson(check: MetricCheck): JsonValue {
  const withInterval = check.halfWidth !== null && Number.isFinite(check.difference);
  return {
    scope: check.scope,
    metric: check.metric,
    baseline: estimateJson(check.baseline),
    current: estimateJson(check.current),
    difference: check.difference,
    halfWidth: check.halfWidth,
    lower: withInterval ? check.difference - (check.halfWidth ?? 0) : null,
    upper: withInterval ? check.difference + (check.halfWidth ?? 0) : null,
    allowedChange: check.allowedChange,
    verdict: check.verdict,
    fails: check.fails,
    replicationsToSettle: check.replicationsToSettle,
    explanation: check.explanation,
  };
}
