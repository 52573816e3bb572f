/**
 * The one sentence each check verdict carries: what moved, by how much, against which interval
 * and tolerance, and what to do about it. Numbers show 4 significant digits (toPrecision is
 * exactly specified, so the text is the same on every machine).
 */
import type { MetricEstimate } from "../metrics/index.ts";
import type { Interval } from "./check-statistics.ts";

/** What the sentence is about. */
export interface CheckFacts {
  readonly verdict: string;
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

function signed(value: number): string {
  return value > 0 ? `+${fourDigits(value)}` : fourDigits(value);
}

function estimateText(estimate: MetricEstimate): string {
  return estimate.halfWidth === null
    ? fourDigits(estimate.mean)
    : `${fourDigits(estimate.mean)} ± ${fourDigits(estimate.halfWidth)}`;
}

/** The sentence for a verdict. */
export function describeCheck(facts: CheckFacts): string {
  const { baseline, current } = facts;
  if (facts.verdict === "identical") {
    if (baseline === undefined || Number.isNaN(baseline.mean)) {
      return "undefined in the baseline and in this run alike (no value in any replication).";
    }
    return `the same as the baseline (${estimateText(baseline)}).`;
  }
  if (facts.verdict === "missing") {
    if (baseline === undefined) {
      return "in this run but not in the baseline: re-baseline (--update) to check it.";
    }
    if (current === undefined) return "in the baseline but not in this run.";
    if (Number.isNaN(baseline.mean)) {
      return `undefined in the baseline but ${fourDigits(current.mean)} in this run.`;
    }
    return `${fourDigits(baseline.mean)} in the baseline but undefined in this run (no value in any replication).`;
  }
  const from = fourDigits(baseline?.mean ?? Number.NaN);
  const to = fourDigits(current?.mean ?? Number.NaN);
  const halfWidth = facts.interval?.halfWidth ?? null;
  const level =
    facts.adjustedConfidence === undefined
      ? ""
      : ` at ${Number((facts.adjustedConfidence * 100).toFixed(3))}%`;
  const how = facts.paired ? "paired by replication" : "unpaired";
  const interval =
    halfWidth === null
      ? `${signed(facts.difference)}, no interval with one replication`
      : `${signed(facts.difference)} ± ${fourDigits(halfWidth)}${level}, ${how}`;
  const allowed = `the allowed ±${fourDigits(facts.allowedChange)}`;
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
