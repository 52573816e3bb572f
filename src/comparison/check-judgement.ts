/**
 * `ccsim check`'s verdicts: each (scope, metric) of the baseline against the run, identical
 * values short-circuiting to "identical" (the common case in CI: ccsim is deterministic, and it
 * can never flake); else a change fails only when it is both significant at the family-wise
 * level across every metric that needs an interval (paired by replication when both sides have
 * per-replication values of the same seed and count, else Welch from means and half-widths) and
 * larger than the metric's tolerance. docs/check.md gives the reasons for each choice.
 */
import { METRIC_UNITS, type MetricEstimate, type MetricName } from "../metrics/index.ts";
import type { RunValues } from "./baseline.ts";
import {
  type Interval,
  pairedInterval,
  replicationsToSettle,
  welchInterval,
} from "./check-statistics.ts";
import { describeCheck } from "./check-wording.ts";
import { METRIC_DIRECTIONS } from "./metric-directions.ts";
import { allowedChange, DEFAULT_TOLERANCES, type Tolerance } from "./tolerances.ts";

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
  /**
   * How many (scope, metric) comparisons share the family-wise error (Bonferroni): those that
   * needed an interval; 0 when every metric was identical or missing.
   */
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

/** A (scope, metric) before judging: decided already (identical, missing) or needing an interval. */
interface Pending {
  readonly scope: string;
  readonly metric: MetricName;
  readonly baseline: MetricEstimate | undefined;
  readonly current: MetricEstimate | undefined;
  readonly baselineValues: readonly number[] | undefined;
  readonly currentValues: readonly number[] | undefined;
  readonly decided?: "identical" | "missing";
}

/**
 * Judges `current` against `baseline`. The Bonferroni family is every (scope, metric) that
 * needs an interval: present and defined on both sides and not identical. Identical and missing
 * ones are decided without statistics and can raise no false alarm, so counting them would only
 * widen the others' intervals (and by how many unused counters a scenario has).
 */
export function judgeCheck(
  baseline: RunValues,
  current: RunValues,
  options: CheckOptions,
): CheckResult {
  if (!(options.confidence > 0 && options.confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), got ${options.confidence}`);
  }
  const pairing = pairingOf(baseline, current);
  const pending = pendingChecks(baseline, current);
  // 0 when every metric was decided without an interval (identical or missing): no error to share.
  const comparisons = pending.filter((one) => one.decided === undefined).length;
  const adjustedConfidence = 1 - (1 - options.confidence) / Math.max(1, comparisons);
  const level = { confidence: options.confidence, comparisons: Math.max(1, comparisons) };
  const checks = pending.map((one): MetricCheck => {
    const tolerance = options.tolerances.get(one.metric) ?? DEFAULT_TOLERANCES[one.metric];
    const allowed = allowedChange(tolerance, one.baseline?.mean ?? Number.NaN);
    const difference =
      one.baseline === undefined || one.current === undefined
        ? Number.NaN
        : one.current.mean - one.baseline.mean;
    const paired =
      pairing.paired && one.baselineValues !== undefined && one.currentValues !== undefined;
    const interval =
      one.decided !== undefined
        ? undefined
        : paired
          ? pairedInterval(one.baselineValues ?? [], one.currentValues ?? [], level)
          : welchInterval(
              one.baseline as MetricEstimate,
              baseline.replications,
              one.current as MetricEstimate,
              current.replications,
              level,
            );
    const verdict = one.decided ?? verdictOf(one.metric, interval, difference, allowed);
    const settle =
      verdict === "inconclusive"
        ? replicationsToSettle(
            Math.max(baseline.replications, current.replications),
            interval?.halfWidth ?? null,
            difference,
          )
        : null;
    return {
      scope: one.scope,
      metric: one.metric,
      baseline: one.baseline,
      current: one.current,
      difference,
      halfWidth: interval?.halfWidth ?? null,
      allowedChange: allowed,
      verdict,
      fails: FAILING_VERDICTS.has(verdict),
      replicationsToSettle: settle,
      explanation: describeCheck({
        verdict,
        unit: METRIC_UNITS[one.metric],
        baseline: one.baseline,
        current: one.current,
        difference,
        allowedChange: allowed,
        interval,
        paired,
        replicationsToSettle: settle,
        adjustedConfidence,
      }),
    };
  });
  return {
    scenario: current.scenario,
    paired: pairing.paired,
    ...(pairing.note === undefined ? {} : { pairingNote: pairing.note }),
    confidence: options.confidence,
    comparisons,
    adjustedConfidence,
    checks,
    failed: checks.some((check) => check.fails),
  };
}

/** The verdict of a change with an interval: significance and size, in the metric's direction. */
function verdictOf(
  metric: MetricName,
  interval: Interval | undefined,
  difference: number,
  allowed: number,
): CheckVerdict {
  const beyond = Math.abs(difference) > allowed;
  if (interval?.significant !== true) return beyond ? "inconclusive" : "unchanged";
  return beyond ? directionalVerdict(metric, difference) : "within tolerance";
}

/** better / worse in the metric's direction; changed for a metric without one. */
function directionalVerdict(metric: MetricName, difference: number): CheckVerdict {
  const direction = METRIC_DIRECTIONS[metric];
  if (direction === "neutral") return "changed";
  return difference > 0 === (direction === "higherIsBetter") ? "better" : "worse";
}

/** Whether the two sides can be paired by replication, and why not when not. */
function pairingOf(baseline: RunValues, current: RunValues): { paired: boolean; note?: string } {
  if (baseline.perReplication === undefined) {
    return { paired: false, note: "the baseline has no per-replication values" };
  }
  if (current.perReplication === undefined) {
    return { paired: false, note: "the run has no per-replication values" };
  }
  if (baseline.seed !== current.seed) {
    return { paired: false, note: `seed ${baseline.seed} against ${current.seed}` };
  }
  if (baseline.perReplication.replications !== current.perReplication.replications) {
    return {
      paired: false,
      note: `${baseline.perReplication.replications} replications against ${current.perReplication.replications}`,
    };
  }
  return { paired: true };
}

/** Every (scope, metric) of either side, the baseline's first, with what is decided already. */
function pendingChecks(baseline: RunValues, current: RunValues): Pending[] {
  const pending: Pending[] = [];
  const keys: [string, MetricName][] = [];
  const seen = new Set<string>();
  for (const side of [baseline, current]) {
    for (const [scope, metrics] of side.estimates) {
      for (const metric of metrics.keys()) {
        const key = `${scope}\u0000${metric}`;
        if (seen.has(key)) continue;
        seen.add(key);
        keys.push([scope, metric]);
      }
    }
  }
  for (const [scope, metric] of keys) {
    const before = baseline.estimates.get(scope)?.get(metric);
    const after = current.estimates.get(scope)?.get(metric);
    const baselineValues = baseline.perReplication?.scopes.get(scope)?.get(metric);
    const currentValues = current.perReplication?.scopes.get(scope)?.get(metric);
    const entry = {
      scope,
      metric,
      baseline: before,
      current: after,
      baselineValues,
      currentValues,
    };
    if (before === undefined || after === undefined) {
      pending.push({ ...entry, decided: "missing" });
    } else if (Number.isNaN(before.mean) && Number.isNaN(after.mean)) {
      // Undefined on both sides (no answered job either way): nothing moved.
      pending.push({ ...entry, decided: "identical" });
    } else if (Number.isNaN(before.mean) || Number.isNaN(after.mean)) {
      pending.push({ ...entry, decided: "missing" });
    } else if (isIdentical(before, after, baselineValues, currentValues)) {
      pending.push({ ...entry, decided: "identical" });
    } else {
      pending.push(entry);
    }
  }
  return pending;
}

/** The same mean and half-width, and the same value in every replication when both have them. */
function isIdentical(
  before: MetricEstimate,
  after: MetricEstimate,
  beforeValues: readonly number[] | undefined,
  afterValues: readonly number[] | undefined,
): boolean {
  if (before.mean !== after.mean || before.halfWidth !== after.halfWidth) return false;
  if (beforeValues === undefined || afterValues === undefined) return true;
  if (beforeValues.length !== afterValues.length) return false;
  return beforeValues.every(
    (value, index) => Object.is(value, afterValues[index]) || value === afterValues[index],
  );
}
