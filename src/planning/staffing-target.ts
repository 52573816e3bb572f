/**
 * What `ccsim staff --target "[scope.]metric op value"` asks: a scope, a summary metric, a
 * comparison and a value, and whether a value lies on the right side of it. Parsing the text
 * (which needs the metric names and suggestions) is the CLI's: src/cli/target-parser.ts, with
 * staff's grammar in src/cli/staff/target-text.ts.
 */
import type { MetricName } from "../metrics/types.ts";
import type { TargetOperator } from "./target-operators.ts";

/** A scope of summary.json: `overall`, `queue:<id>` or `arrival:<id>`. */
export type TargetScope = "overall" | `queue:${string}` | `arrival:${string}`;

/** A parsed `--target`. */
export interface StaffingTarget {
  /** The text as the user typed it, quoted back in messages. */
  readonly text: string;
  readonly scope: TargetScope;
  readonly metric: MetricName;
  readonly operator: TargetOperator;
  readonly value: number;
}

/** The target as text in canonical form (`serviceLevel>=0.8`, `queue:support.waitMean<=30`). */
export function formatTarget(target: Omit<StaffingTarget, "text">): string {
  const scope = target.scope === "overall" ? "" : `${target.scope}.`;
  return `${scope}${target.metric}${target.operator}${target.value}`;
}
