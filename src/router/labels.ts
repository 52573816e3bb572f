/**
 * Label sets as the router stores them: frozen copies, so a client changing its object later
 * cannot change a job (and events may share them). Empty sets, the common case, share one
 * frozen object instead of a copy per job.
 */
import type { Labels, LabelValue } from "./types.ts";

/** Whether `value` may be a label value: a string, a finite number or a boolean. */
export function isLabelValue(value: unknown): value is LabelValue {
  return (
    typeof value === "string" ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value))
  );
}

/** The shared empty label set. */
export const NO_LABELS: Labels = Object.freeze({});

/** A frozen copy of `source` (NO_LABELS when it is missing or has no own keys). */
export function frozenLabels(source: Labels | undefined): Labels {
  if (source === undefined) return NO_LABELS;
  for (const key in source) {
    if (Object.hasOwn(source, key)) return Object.freeze({ ...source });
  }
  return NO_LABELS;
}

/** Whether two label sets hold the same keys with the same values. */
export function labelsEqual(left: Labels, right: Labels): boolean {
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.hasOwn(right, key) && right[key] === left[key])
  );
}
