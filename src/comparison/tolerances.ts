/**
 * How far a metric may move before `ccsim check` calls it changed, whatever the statistics say:
 * a change is allowed up to max(absolute, relative × |baseline mean|), in the metric's own unit.
 * Defaults depend on the kind of metric (shares, seconds, counts, extremes), declared once for
 * every metric; `--tolerance <metric>=<value>` overrides one (`0.01` absolute, `5%` relative).
 *
 * INTERFACE (issue 10, lead): the types and signatures are fixed; the check-engine helper
 * implements the bodies and chooses the defaults (documented in docs/check.md).
 */
import type { MetricName } from "../metrics/index.ts";

/** A metric's tolerance: the larger of the two applies. */
export interface Tolerance {
  /** In the metric's unit (a share, seconds, jobs). */
  readonly absolute: number;
  /** A fraction of the baseline mean's magnitude (0.05 for 5%). */
  readonly relative: number;
}

/** The change a tolerance allows from a baseline mean. */
export function allowedChange(tolerance: Tolerance, baselineMean: number): number {
  const relative = Number.isFinite(baselineMean) ? tolerance.relative * Math.abs(baselineMean) : 0;
  return Math.max(tolerance.absolute, relative);
}

/** Every metric's default tolerance. */
export const DEFAULT_TOLERANCES: Readonly<Record<MetricName, Tolerance>> = {} as Record<
  MetricName,
  Tolerance
>;

/**
 * Parses `--tolerance` text, `<metric>=<number>` (absolute) or `<metric>=<number>%` (relative).
 * Throws RangeError with a user-facing message (unknown metric with a suggestion, bad number).
 */
export function parseToleranceOverride(text: string): {
  readonly metric: MetricName;
  readonly tolerance: Tolerance;
} {
  throw new Error(`parseToleranceOverride(${text}): not implemented yet (issue 10, check-engine)`);
}
