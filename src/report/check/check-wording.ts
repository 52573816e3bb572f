/**
 * The words and numbers every renderer of `ccsim check` shares, so a verdict reads the same in
 * the terminal, the annotations, the job summary and JUnit: shares as percentages (their
 * changes in percentage points), durations in seconds, the family-wise level, the verdicts in a
 * fixed order with their counts, and which checks a table shows.
 */
import type { CheckResult, CheckVerdict, MetricCheck } from "../../comparison/index.ts";
import { METRIC_UNITS, type MetricEstimate, type MetricUnit } from "../../metrics/index.ts";
import { formatNumber } from "../format-number.ts";

/** Rank of each verdict in counts and closing lines: the quiet ones first, failures last. */
const VERDICT_RANK: Readonly<Record<CheckVerdict, number>> = {
  identical: 0,
  unchanged: 1,
  "within tolerance": 2,
  inconclusive: 3,
  better: 4,
  worse: 5,
  changed: 6,
  missing: 7,
};

/** Every verdict, in the order counts list them. */
export const CHECK_VERDICTS: readonly CheckVerdict[] = (
  Object.keys(VERDICT_RANK) as CheckVerdict[]
).sort((a, b) => VERDICT_RANK[a] - VERDICT_RANK[b]);

/** How many checks got each verdict (every verdict present, zeros included). */
export function verdictCounts(result: CheckResult): Record<CheckVerdict, number> {
  const counts = Object.fromEntries(CHECK_VERDICTS.map((verdict) => [verdict, 0])) as Record<
    CheckVerdict,
    number
  >;
  for (const check of result.checks) counts[check.verdict] += 1;
  return counts;
}

/** "215 identical, 3 unchanged, 1 inconclusive": the verdicts that occur, in order. */
export function countsText(result: CheckResult): string {
  const counts = verdictCounts(result);
  const parts = CHECK_VERDICTS.filter((verdict) => counts[verdict] > 0).map(
    (verdict) => `${counts[verdict]} ${verdict}`,
  );
  return parts.length === 0 ? "no metrics checked" : parts.join(", ");
}

/** The checks a table lists: every one when verbose, else those that are not identical. */
export function shownChecks(result: CheckResult, verbose: boolean): readonly MetricCheck[] {
  return verbose ? result.checks : result.checks.filter((check) => check.verdict !== "identical");
}

/** Whether every check is identical (and there is at least one). */
export function allIdentical(result: CheckResult): boolean {
  return result.checks.length > 0 && result.checks.every((check) => check.verdict === "identical");
}

/** "passed" or "FAILED" (a failure should catch the eye in a log). */
export function outcomeText(result: CheckResult): string {
  return result.failed ? "FAILED" : "passed";
}

/** "overall.serviceLevel": how annotations, JUnit and lists name one check. */
export function checkName(check: Pick<MetricCheck, "scope" | "metric">): string {
  return `${check.scope}.${check.metric}`;
}

/** "1 metric" / "222 metrics". */
export function metricsPhrase(count: number): string {
  return count === 1 ? "1 metric" : `${count} metrics`;
}

/**
 * A confidence as a percentage with enough decimals for about two digits of what it leaves to
 * chance, so it is never rounded up to 100%: 0.95 → "95%", 0.975 → "97.5%", 1 − 0.05/222 →
 * "99.977%".
 */
export function confidenceText(confidence: number): string {
  const errorPercent = (1 - confidence) * 100;
  const decimals = errorPercent > 0 ? Math.max(0, Math.ceil(-Math.log10(errorPercent)) + 1) : 0;
  return `${formatNumber(confidence * 100, decimals)}%`;
}

/** "95% family-wise over 222 metrics (Bonferroni: each at 99.98%)". */
export function levelText(result: CheckResult): string {
  if (result.comparisons === 0) return "no interval needed: every metric identical or missing";
  const level = `${confidenceText(result.confidence)} family-wise over ${metricsPhrase(result.comparisons)}`;
  if (result.comparisons <= 1) return level;
  return `${level} (Bonferroni: each at ${confidenceText(result.adjustedConfidence)})`;
}

/** "paired by replication" or "not paired (why): intervals from means and half-widths". */
export function pairingText(result: CheckResult): string {
  if (result.paired) return "paired by replication";
  const why = result.pairingNote === undefined ? "" : ` (${result.pairingNote})`;
  return `not paired${why}: intervals from means and half-widths`;
}

/**
 * The check's explanation, followed for an inconclusive check by what would settle it unless
 * the explanation already says so.
 */
export function explanationWithSettle(check: MetricCheck): string {
  if (check.verdict !== "inconclusive" || /replications? would settle/.test(check.explanation)) {
    return check.explanation;
  }
  const settle = settleText(check);
  return `${check.explanation} ${settle.charAt(0).toUpperCase()}${settle.slice(1)}.`;
}

/** For an inconclusive check: what would settle it. */
export function settleText(check: MetricCheck): string {
  return check.replicationsToSettle === null
    ? "more replications would settle it"
    : `about ${check.replicationsToSettle} replications would settle it`;
}

/**
 * Decimals that keep two significant digits of a magnitude, between 1 and 3: 80.12 → 1,
 * 0.72 → 2, 0.043 → 3. Changes in CI are often small, and "0" would hide them.
 */
function decimalsFor(magnitude: number): number {
  if (!Number.isFinite(magnitude) || magnitude === 0) return 1;
  return Math.min(3, Math.max(1, 1 - Math.floor(Math.log10(Math.abs(magnitude)))));
}

/** `value` in display scale (shares × 100), with adaptive decimals; "" when not finite. */
function scaled(value: number, unit: MetricUnit): string {
  const shown = unit === "share" ? value * 100 : value;
  return formatNumber(shown, decimalsFor(shown));
}

/** "+2.2", "-0.04", "0": a change with its sign. */
function signed(value: number, unit: MetricUnit): string {
  const text = scaled(value, unit);
  return text !== "0" && !text.startsWith("-") ? `+${text}` : text;
}

/** The suffix of an estimate ("%", " s", "") and of a change ("pp", " s", ""). */
function suffix(unit: MetricUnit, change: boolean): string {
  if (unit === "share") return change ? " pp" : "%";
  return unit === "seconds" ? " s" : "";
}

/** "80.1 ± 1.2%", "12.3 ± 0.8 s", "512.4", or "-" when the side lacks the metric or its mean. */
export function estimateText(estimate: MetricEstimate | undefined, unit: MetricUnit): string {
  if (estimate === undefined || !Number.isFinite(estimate.mean)) return "-";
  const mean = scaled(estimate.mean, unit);
  const halfWidth = estimate.halfWidth;
  if (halfWidth === null || !Number.isFinite(halfWidth)) return `${mean}${suffix(unit, false)}`;
  return `${mean} ± ${scaled(halfWidth, unit)}${suffix(unit, false)}`;
}

/** "-2.2 ± 0.7 pp" (the interval on the change), "+3.1 s" without one, "-" without a change. */
export function changeText(check: MetricCheck): string {
  const unit = METRIC_UNITS[check.metric];
  if (!Number.isFinite(check.difference)) return "-";
  const difference = signed(check.difference, unit);
  const halfWidth = check.halfWidth;
  if (halfWidth === null || !Number.isFinite(halfWidth))
    return `${difference}${suffix(unit, true)}`;
  return `${difference} ± ${scaled(halfWidth, unit)}${suffix(unit, true)}`;
}

/** "1 pp", "2 s", "10": the change the tolerance allows. */
export function allowedText(check: MetricCheck): string {
  const unit = METRIC_UNITS[check.metric];
  if (!Number.isFinite(check.allowedChange)) return "-";
  return `${scaled(check.allowedChange, unit)}${suffix(unit, true)}`;
}

/** The baseline's and the run's estimates of a check, as table cells. */
export function sidesText(check: MetricCheck): { baseline: string; current: string } {
  const unit = METRIC_UNITS[check.metric];
  return {
    baseline: estimateText(check.baseline, unit),
    current: estimateText(check.current, unit),
  };
}

/** "baseline 80.1 ± 1.2%, run 77.9 ± 1.1%, change -2.2 ± 0.7 pp, allowed 1 pp". */
export function numbersLine(check: MetricCheck): string {
  const { baseline, current } = sidesText(check);
  return `baseline ${baseline}, run ${current}, change ${changeText(check)}, allowed ${allowedText(check)}`;
}
