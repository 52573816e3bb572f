/**
 * The label operators of worker and queue selectors (reference §1.7), declared once: the
 * scenario schema, the router's selector checks and its default scoring all derive from
 * `LABEL_OPERATORS`. Each operator says which order relation it tests, so code that needs to
 * tell equality from ordering reads it here instead of listing operator names again.
 */
import { isKeyOf, keysOf } from "./registry-keys.ts";

/** How an operator compares a worker's label value with the selector's value. */
export type LabelComparison =
  | "equal"
  | "notEqual"
  | "less"
  | "lessOrEqual"
  | "greater"
  | "greaterOrEqual";

/** Every operator by its API name, with the comparison it makes (insertion order = API order). */
export const LABEL_OPERATOR_COMPARISONS = {
  equal: "equal",
  notEqual: "notEqual",
  lessThan: "less",
  lessThanOrEqual: "lessOrEqual",
  greaterThan: "greater",
  greaterThanOrEqual: "greaterOrEqual",
} as const satisfies Record<string, LabelComparison>;

/** One of the six label operators of the service. */
export type LabelOperator = keyof typeof LABEL_OPERATOR_COMPARISONS;

/** The operators in API order (for schemas, validation messages and generators). */
export const LABEL_OPERATORS = keysOf(LABEL_OPERATOR_COMPARISONS);

/** Whether `value` names a label operator (own keys only, so `toString` is not one). */
export function isLabelOperator(value: unknown): value is LabelOperator {
  return isKeyOf(LABEL_OPERATOR_COMPARISONS, value);
}
