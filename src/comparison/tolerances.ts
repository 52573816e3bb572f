/**
 * How far a metric may move before `ccsim check` calls it changed, whatever the statistics say:
 * a change is allowed up to max(absolute, relative × |baseline mean|), in the metric's own unit.
 * Defaults depend on the kind of metric (shares, seconds, counts, levels, extremes, end-of-run
 * counts), declared once for every metric; `--tolerance <metric>=<value>` overrides one (`0.01`
 * absolute, `5%` relative). docs/check.md explains the defaults.
 */

import { METRIC_NAMES, METRIC_UNITS, type MetricName, type MetricUnit } from "../metrics/index.ts";
import { nearest } from "../scenario/index.ts";

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

/** What a metric measures, which decides how much change is worth a failure. */
export type MetricKind = "share" | "seconds" | "count" | "level" | "extreme" | "endOfRun";

/**
 * Each kind's default. The figures keep a reshuffle of random numbers quiet (with the
 * significance test, which does most of that work) and still fail the loss of 2 of voice-50's
 * 50 agents, whose service level falls by 0.07, mean wait rises by 2.6 s (+41%), abandons by
 * 45% and utilization by 0.025 (docs/check.md has the table and the measurements).
 */
export const KIND_TOLERANCES: Readonly<Record<MetricKind, Tolerance>> = {
  // One percentage point: what a service-level report shows, and what a manager notices.
  share: { absolute: 0.01, relative: 0 },
  // 10% of the wait, but never less than a second (a 0.3 s mean wait moving to 0.5 s is noise).
  seconds: { absolute: 1, relative: 0.1 },
  // 5% of the jobs or offers, at least 5 (a counter near 0 moves by a few without meaning).
  count: { absolute: 5, relative: 0.05 },
  // Time-averaged numbers of jobs (the queue length): 10%, at least a quarter of a job.
  level: { absolute: 0.25, relative: 0.1 },
  // A maximum rests on one moment of one replication: 25%, at least 1 (second or job).
  extreme: { absolute: 1, relative: 0.25 },
  // Jobs left when the clock stops: a handful, at least 5, or 25%.
  endOfRun: { absolute: 5, relative: 0.25 },
};

/** The kind of a metric of each unit, unless it is one of the exceptions below. */
const KIND_OF_UNIT: Readonly<Record<MetricUnit, MetricKind>> = {
  share: "share",
  seconds: "seconds",
  count: "count",
  // Time-averaged numbers of jobs (the queue length).
  jobs: "level",
};

/** Metrics whose kind is not their unit's: maxima, and what is left when the clock stops. */
const KIND_EXCEPTIONS: Readonly<Partial<Record<MetricName, MetricKind>>> = {
  waitMax: "extreme",
  queueLengthMax: "extreme",
  inSystemAtEnd: "endOfRun",
  waitingAtEnd: "endOfRun",
};

/** Every metric's kind, derived from its unit (metrics/metric-units.ts) and the exceptions. */
export const METRIC_KINDS: Readonly<Record<MetricName, MetricKind>> = Object.fromEntries(
  METRIC_NAMES.map((metric) => [
    metric,
    KIND_EXCEPTIONS[metric] ?? KIND_OF_UNIT[METRIC_UNITS[metric]],
  ]),
) as Record<MetricName, MetricKind>;

/** Every metric's default tolerance, derived from its kind. */
export const DEFAULT_TOLERANCES: Readonly<Record<MetricName, Tolerance>> = Object.fromEntries(
  METRIC_NAMES.map((metric) => [metric, KIND_TOLERANCES[METRIC_KINDS[metric]]]),
) as Record<MetricName, Tolerance>;

/**
 * Parses `--tolerance` text, `<metric>=<number>` (absolute) or `<metric>=<number>%` (relative).
 * Throws RangeError with a user-facing message (unknown metric with the nearest name, bad number).
 */
export function parseToleranceOverride(text: string): {
  readonly metric: MetricName;
  readonly tolerance: Tolerance;
} {
  const separator = text.indexOf("=");
  if (separator < 0) {
    throw new RangeError(
      `--tolerance ${text}: expected <metric>=<value>, e.g. serviceLevel=0.01 or waitMean=10%`,
    );
  }
  const name = text.slice(0, separator).trim();
  const value = text.slice(separator + 1).trim();
  if (!(METRIC_NAMES as readonly string[]).includes(name)) {
    const guess = nearest(name, METRIC_NAMES);
    const hint = guess === undefined ? "" : ` (did you mean ${guess}?)`;
    throw new RangeError(`--tolerance ${text}: unknown metric "${name}"${hint}`);
  }
  const metric = name as MetricName;
  const relative = value.endsWith("%");
  const numberText = relative ? value.slice(0, -1).trim() : value;
  const amount = /^[+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(numberText)
    ? Number(numberText)
    : Number.NaN;
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(
      `--tolerance ${text}: the value must be a number ≥ 0, or a percentage such as 10%`,
    );
  }
  return {
    metric,
    tolerance: relative
      ? { absolute: 0, relative: amount / 100 }
      : { absolute: amount, relative: 0 },
  };
}
