/**
 * What `ccsim staff --target "[scope.]metric op value"` asks: a scope, a summary metric, a
 * comparison and a value, and whether a value lies on the right side of it. Parsing the text
 * (which needs the metric names and suggestions) is the CLI's: src/cli/staff/target-text.ts.
 */
import type { MetricName } from "../metrics/types.ts";

/** The comparisons a target may make. */
export const STAFFING_OPERATORS = [">=", "<=", ">", "<"] as const;

/** One comparison of a target. */
export type StaffingOperator = (typeof STAFFING_OPERATORS)[number];

/** A scope of summary.json: `overall`, `queue:<id>` or `arrival:<id>`. */
export type TargetScope = "overall" | `queue:${string}` | `arrival:${string}`;

/** A parsed `--target`. */
export interface StaffingTarget {
  /** The text as the user typed it, quoted back in messages. */
  readonly text: string;
  readonly scope: TargetScope;
  readonly metric: MetricName;
  readonly operator: StaffingOperator;
  readonly value: number;
}

/** Whether a larger value of the target's metric is the better side of its comparison. */
export function wantsMore(target: Pick<StaffingTarget, "operator">): boolean {
  return target.operator === ">=" || target.operator === ">";
}

/** Whether `value` lies on the right side of the target (NaN never does). */
export function satisfies(
  target: Pick<StaffingTarget, "operator" | "value">,
  value: number,
): boolean {
  switch (target.operator) {
    case ">=":
      return value >= target.value;
    case ">":
      return value > target.value;
    case "<=":
      return value <= target.value;
    case "<":
      return value < target.value;
  }
}

/** The target as text in canonical form (`serviceLevel>=0.8`, `queue:support.waitMean<=30`). */
export function formatTarget(target: Omit<StaffingTarget, "text">): string {
  const scope = target.scope === "overall" ? "" : `${target.scope}.`;
  return `${scope}${target.metric}${target.operator}${target.value}`;
}
