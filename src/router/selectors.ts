/**
 * Worker selector evaluation against labels (§3.1 rule 6, §8 j): a selector on a label the
 * worker lacks is satisfied only by `notEqual`; values of different types never compare
 * (so `notEqual` holds and ordered operators fail); strings order by Unicode code point.
 * Pure functions, O(1) per selector.
 */
import { LABEL_OPERATOR_COMPARISONS } from "../vocabulary/index.ts";
import { compareCodePoints } from "./code-point.ts";
import type {
  LabelOperator,
  Labels,
  LabelValue,
  WorkerSelector,
  WorkerSelectorSpec,
} from "./types.ts";

/** The label's value, ignoring inherited properties such as `toString`. */
export function labelOf(labels: Labels, key: string): LabelValue | undefined {
  return Object.hasOwn(labels, key) ? labels[key] : undefined;
}

/**
 * Orders two label values: negative, zero or positive; NaN when they do not compare (different
 * types, booleans, or NaN numbers).
 */
function compareLabelValues(left: LabelValue, right: LabelValue): number {
  if (typeof left === "number" && typeof right === "number") return left - right;
  if (typeof left === "string" && typeof right === "string") return compareCodePoints(left, right);
  return Number.NaN;
}

/**
 * Whether a label value satisfies `labelValue <operator> selectorValue`. Switches on the
 * operator's comparison from the vocabulary; a comparison without a case does not compile.
 */
export function operatorHolds(
  operator: LabelOperator,
  labelValue: LabelValue,
  selectorValue: LabelValue,
): boolean {
  switch (LABEL_OPERATOR_COMPARISONS[operator]) {
    case "equal":
      return labelValue === selectorValue;
    case "notEqual":
      return labelValue !== selectorValue;
    case "less":
      return compareLabelValues(labelValue, selectorValue) < 0;
    case "lessOrEqual":
      return compareLabelValues(labelValue, selectorValue) <= 0;
    case "greater":
      return compareLabelValues(labelValue, selectorValue) > 0;
    case "greaterOrEqual":
      return compareLabelValues(labelValue, selectorValue) >= 0;
  }
}

/** Whether a worker lacking the selector's label satisfies it (only `notEqual` does, §8 j). */
export function holdsForMissingLabel(operator: LabelOperator): boolean {
  return LABEL_OPERATOR_COMPARISONS[operator] === "notEqual";
}

/** Whether the labels satisfy one selector, with the missing-label rule. */
export function isSelectorSatisfied(
  selector: Pick<WorkerSelector, "key" | "labelOperator" | "value">,
  labels: Labels,
): boolean {
  const labelValue = labelOf(labels, selector.key);
  if (labelValue === undefined) return holdsForMissingLabel(selector.labelOperator);
  return operatorHolds(selector.labelOperator, labelValue, selector.value);
}

/** Whether the labels satisfy every active selector of the list. */
export function areActiveSelectorsSatisfied(
  selectors: readonly WorkerSelector[],
  labels: Labels,
): boolean {
  for (let i = 0; i < selectors.length; i++) {
    const selector = selectors[i] as WorkerSelector;
    if (selector.status === "active" && !isSelectorSatisfied(selector, labels)) return false;
  }
  return true;
}

/** Whether any active selector of the list expedites its job. */
export function hasActiveExpedite(selectors: readonly WorkerSelector[]): boolean {
  // Indexed: selector lists are frozen, and for…of over a frozen array allocates per step.
  for (let i = 0; i < selectors.length; i++) {
    const selector = selectors[i] as WorkerSelector;
    if (selector.status === "active" && selector.expedite) return true;
  }
  return false;
}

/**
 * Turns client selectors into router selectors; an `expiresAfterSeconds` starts counting at
 * `nowSeconds`, the moment the selector is attached (§9 f): job creation or PATCH for
 * requested selectors, classification for attached ones, the action for those a
 * `manualReclassify` appends. SelectorExpiry schedules the expiry itself.
 */
export function toWorkerSelectors(
  specs: readonly WorkerSelectorSpec[] | undefined,
  nowSeconds: number,
): readonly WorkerSelector[] {
  if (specs === undefined || specs.length === 0) return NO_SELECTORS;
  return Object.freeze(
    specs.map((spec) => {
      const expiresAfterSeconds = spec.expiresAfterSeconds ?? null;
      return Object.freeze({
        key: spec.key,
        labelOperator: spec.labelOperator,
        value: spec.value,
        expiresAfterSeconds,
        expedite: spec.expedite ?? false,
        status: "active" as const,
        expiresAtSeconds: expiresAfterSeconds === null ? null : nowSeconds + expiresAfterSeconds,
      });
    }),
  );
}

/** The shared empty selector list. */
export const NO_SELECTORS: readonly WorkerSelector[] = Object.freeze([]);
