/**
 * Worker selector evaluation against labels (§3.1 rule 6, §8 j): a selector on a label the
 * worker lacks is satisfied only by `notEqual`; values of different types never compare
 * (so `notEqual` holds and ordered operators fail); strings order by Unicode code point.
 * Pure functions, O(1) per selector.
 */
import { LABEL_OPERATOR_COMPARISONS } from "../../vocabulary/index.ts";
import { compareCodePoints } from "../code-point.ts";
import type {
  LabelOperator,
  Labels,
  LabelValue,
  WorkerSelector,
  WorkerSelectorSpec,
} from "../types.ts";

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
 * A list without expiries does not depend on the time, so the list built from a client's array
 * is kept and returned again while that array holds the same selectors (checked field by field:
 * the client may have changed it). Jobs of one arrival stream then share one frozen list, and
 * what is derived from a list (selector profiles, admissions) is computed once per list.
 */
export function toWorkerSelectors(
  specs: readonly WorkerSelectorSpec[] | undefined,
  nowSeconds: number,
): readonly WorkerSelector[] {
  if (specs === undefined || specs.length === 0) return NO_SELECTORS;
  const kept = builtLists.get(specs);
  if (kept !== undefined && sameSelectors(specs, kept)) return kept;
  let timeless = true;
  const built = Object.freeze(
    specs.map((spec) => {
      const expiresAfterSeconds = spec.expiresAfterSeconds ?? null;
      if (expiresAfterSeconds !== null) timeless = false;
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
  if (timeless) {
    // Clients that build a new array per call would grow the map without end.
    if (builtLists.size >= MAX_BUILT_LISTS) builtLists.clear();
    builtLists.set(specs, built);
  }
  return built;
}

/** Lists built from client arrays without expiries, by the client's array. */
const builtLists = new Map<readonly WorkerSelectorSpec[], readonly WorkerSelector[]>();
/** Client arrays remembered at most (one per arrival stream or classification rule, usually). */
const MAX_BUILT_LISTS = 256;

/** Whether `built` is what `toWorkerSelectors` builds from `specs` now (no expiries). */
function sameSelectors(
  specs: readonly WorkerSelectorSpec[],
  built: readonly WorkerSelector[],
): boolean {
  if (specs.length !== built.length) return false;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i] as WorkerSelectorSpec;
    const selector = built[i] as WorkerSelector;
    if (
      spec.key !== selector.key ||
      spec.labelOperator !== selector.labelOperator ||
      !Object.is(spec.value, selector.value) ||
      (spec.expiresAfterSeconds ?? null) !== null ||
      (spec.expedite ?? false) !== selector.expedite
    ) {
      return false;
    }
  }
  return true;
}

/** The shared empty selector list. */
export const NO_SELECTORS: readonly WorkerSelector[] = Object.freeze([]);
