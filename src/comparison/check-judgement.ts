/**
 * `ccsim check`'s verdicts: each (scope, metric) of the baseline against the run, identical
 * values short-circuiting to "identical" (the common case in CI: ccsim is deterministic, and it
 * can never flake); else a change fails only when it is both significant at the family-wise
 * level across every checked metric (paired by replication when both sides have per-replication
 * values of the same seed and count, else from means and half-widths) and larger than the
 * metric's tolerance.
 *
 * INTERFACE (issue 10, lead): the types are fixed; `judgeCheck` is the check-engine helper's.
 */
import type { MetricEstimate, MetricName } from "../metrics/index.ts";
import type { RunValues } from "./baseline.ts";
import type { Tolerance } from "./tolerances.ts";

/**
 * identical: the same values; unchanged: within tolerance and not significant; within
 * tolerance: significant but small; inconclusive: beyond tolerance but not significant (more
 * replications would settle it); better / worse / changed (no direction): significant and
 * beyond tolerance; missing: in one side only (or defined in one side only).
 */
export type CheckVerdict =
  | "identical"
  | "unchanged"
  | "within tolerance"
  | "inconclusive"
  | "better"
  | "worse"
  | "changed"
  | "missing";

/** The verdicts that fail a check (exit 1). */
export const FAILING_VERDICTS: ReadonlySet<CheckVerdict> = new Set([
  "better",
  "worse",
  "changed",
  "missing",
]);

/** One checked (scope, metric). */
export interface MetricCheck {
  readonly scope: string;
  readonly metric: MetricName;
  /** Undefined when the baseline lacks it (verdict missing). */
  readonly baseline: MetricEstimate | undefined;
  /** Undefined when the run lacks it (verdict missing). */
  readonly current: MetricEstimate | undefined;
  /** current − baseline mean (NaN when either is undefined). */
  readonly difference: number;
  /** Half-width of the family-wise adjusted interval on the difference; null when none. */
  readonly halfWidth: number | null;
  /** The change the tolerance allows, in the metric's unit. */
  readonly allowedChange: number;
  readonly verdict: CheckVerdict;
  /** Whether this metric fails the check. */
  readonly fails: boolean;
  /** For inconclusive: about how many replications would settle it; else null. */
  readonly replicationsToSettle: number | null;
  /** One sentence: why this verdict, with the numbers. */
  readonly explanation: string;
}

/** The whole check. */
export interface CheckResult {
  readonly scenario: string;
  /** Whether differences were paired by replication. */
  readonly paired: boolean;
  /** Why they were not, when not ("the baseline has no per-replication values", "seed 1 against 2"). */
  readonly pairingNote?: string;
  /** Family-wise confidence (0.95). */
  readonly confidence: number;
  /** How many (scope, metric) comparisons share the family-wise error (Bonferroni). */
  readonly comparisons: number;
  /** Each interval's own confidence: 1 − (1 − confidence) / comparisons. */
  readonly adjustedConfidence: number;
  /** Every checked (scope, metric), in the baseline's order (scopes, then metrics). */
  readonly checks: readonly MetricCheck[];
  /** Any check fails. */
  readonly failed: boolean;
}

/** What judging needs besides the two sides. */
export interface CheckOptions {
  readonly confidence: number;
  /** Overrides of the default tolerances, by metric. */
  readonly tolerances: ReadonlyMap<MetricName, Tolerance>;
}

/** Judges `current` against `baseline`. */
export function judgeCheck(
  baseline: RunValues,
  current: RunValues,
  options: CheckOptions,
): CheckResult {
  void [baseline, current, options];
  throw new Error("judgeCheck: not implemented yet (issue 10, check-engine)");
}
