/**
 * The comparisons a staffing target makes (`serviceLevel>=0.8`), declared once for `ccsim staff`
 * and `ccsim erlang`: the operators, whether a value lies on the target's right side, and which
 * way is better.
 */

/** The comparisons of a target, longest first (so `>=` is not read as `>`). */
export const TARGET_OPERATORS = [">=", "<=", ">", "<"] as const;

/** One comparison. */
export type TargetOperator = (typeof TARGET_OPERATORS)[number];

/** What a comparison needs of a target. */
interface Comparison {
  readonly operator: TargetOperator;
  readonly value: number;
}

/** Whether `value` lies on the right side of the target (NaN never does). */
export function satisfies(target: Comparison, value: number): boolean {
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

/** Whether a larger value of the target's metric is the better side of its comparison. */
export function wantsMore(target: Pick<Comparison, "operator">): boolean {
  return target.operator === ">=" || target.operator === ">";
}
