/**
 * The one sentence each check verdict carries: what moved, by how much, against which interval
 * and tolerance, and what to do about it, in the metric's unit (a share as a percentage, its
 * changes in percentage points; seconds with "s"). Numbers show 4 significant digits
 * (toPrecision is exactly specified, so the text is the same on every machine).
 */
import type { MetricEstimate, MetricUnit } from "../metrics/index.ts";
import type { Interval } from "./check-statistics.ts";

/** What the sentence is about. */
export interface CheckFacts {
  readonly verdict: string;
  readonly unit: MetricUnit;
  readonly baseline: MetricEstimate | undefined;
  readonly current: MetricEstimate | undefined;
  readonly difference: number;
  readonly allowedChange: number;
  readonly interval: Interval | undefined;
  readonly paired: boolean;
  readonly replicationsToSettle?: number | null;
  readonly adjustedConfidence?: number;
}

/** A number with 4 significant digits, no trailing zeros. */
export function fourDigits(value: number): string {
  if (!Number.isFinite(value)) return "undefined";
  if (value === 0) return "0";
  return String(Number(value.toPrecision(4)));
}

/** A level in its unit: "87.92%", "6.383 s", "1.6". */
function level(value: number, unit: MetricUnit): string {
  if (!Number.isFinite(value)) return "undefined";
  if (unit === "share") return `${fourDigits(value * 100)}%`;
  return unit === "seconds" ? `${fourDigits(value)} s` : fourDigits(value);
}

/** A change or half-width in its unit: "6.777 pp", "2.617 s", "79.9"; `sign` adds "+". */
function change(value: number, unit: MetricUnit, sign = false): string {
  if (!Number.isFinite(value)) return "undefined";
  const shown = unit === "share" ? value * 100 : value;
  const text = sign && shown > 0 ? `+${fourDigits(shown)}` : fourDigits(shown);
  if (unit === "share") return `${text} pp`;
  return unit === "seconds" ? `${text} s` : text;
}

function estimateText(estimate: MetricEstimate, unit: MetricUnit): string {
  if (estimate.halfWidth === null) return level(estimate.mean, unit);
  return `${level(estimate.mean, unit)} ± ${change(estimate.halfWidth, unit)}`;
}

/** The sentence for a verdict. */
export function describeCheck(facts: CheckFacts): string {
  const { baseline, current, unit } = facts;
  if (facts.verdict === "identical") {
    if (baseline === undefined || Number.isNaN(baseline.mean)) {
      return "undefined in the baseline and in this run alike (no value in any replication).";
    }
    return `the same as the baseline (${estimateText(baseline, unit)}).`;
  }
  if (facts.verdict === "missing") {
    if (baseline === undefined) {
      return "in this run but not in the baseline: re-baseline (--update) to check it.";
    }
    if (current === undefined) return "in the baseline but not in this run.";
    if (Number.isNaN(baseline.mean)) {
      return `undefined in the baseline but ${level(current.mean, unit)} in this run.`;
    }
    return `${level(baseline.mean, unit)} in the baseline but undefined in this run (no value in any replication).`;
  }
  const from = level(baseline?.mean ?? Number.NaN, unit);
  const to = level(current?.mean ?? Number.NaN, unit);
  const halfWidth = facts.interval?.halfWidth ?? null;
  const confidence =
    facts.adjustedConfidence === undefined
      ? ""
      : ` at ${Number((facts.adjustedConfidence * 100).toFixed(3))}%`;
  const how = facts.paired ? "paired by replication" : "unpaired";
  const interval =
    halfWidth === null
      ? `${change(facts.difference, unit, true)}, no interval with one replication`
      : `${change(facts.difference, unit, true)} ± ${change(halfWidth, unit)}${confidence}, ${how}`;
  const allowed = `the allowed ±${change(facts.allowedChange, unit)}`;
  const moved = `${from} → ${to} (${interval})`;
  switch (facts.verdict) {
    case "unchanged":
      return `${moved}: not significant, and within ${allowed}.`;
    case "within tolerance":
      return `${moved}: significant, but within ${allowed}.`;
    case "inconclusive":
      return `${moved}: beyond ${allowed} but not significant; about ${facts.replicationsToSettle ?? "more"} replications on both sides would settle it.`;
    default:
      return `${moved}: significant and beyond ${allowed}.`;
  }
}
