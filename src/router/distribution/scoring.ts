/**
 * Default best-worker scoring of the service (§3.4), used when a `bestWorker` policy has no
 * `scoringRule`. Each part lies in [0, 1]; a job with both labels and selectors gets the mean of
 * the two parts (the service does not say how it combines them; §9 a). Pure,
 * O(labels + selectors).
 */
import { RuleEvaluationError } from "../../powerfx/errors.ts";
import { LABEL_OPERATOR_COMPARISONS, type LabelComparison } from "../../vocabulary/index.ts";
import type { CompiledRule } from "../classification/rules/router-rule.ts";
import type { RuleContext } from "../classification/rules/values.ts";
import { holdsForMissingLabel, labelOf, operatorHolds } from "../classification/selectors.ts";
import type { Labels, WorkerSelector } from "../types.ts";

/**
 * The direction in which a label beats the selector value for each comparison: +1 above it,
 * −1 below it, 0 for equality tests (which score 1 or 0). One entry per comparison.
 */
const SCORE_DIRECTION: Readonly<Record<LabelComparison, -1 | 0 | 1>> = {
  equal: 0,
  notEqual: 0,
  less: -1,
  lessOrEqual: -1,
  greater: 1,
  greaterOrEqual: 1,
};

/** σ(x) = 1 / (1 + e^−x). */
export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Share of the job's labels whose key and value the worker also has; NaN when none. */
export function labelMatchScore(jobLabels: Labels, workerLabels: Labels): number {
  let total = 0;
  let matched = 0;
  for (const key in jobLabels) {
    if (!Object.hasOwn(jobLabels, key)) continue;
    total++;
    if (labelOf(workerLabels, key) === jobLabels[key]) matched++;
  }
  return total === 0 ? Number.NaN : matched / total;
}

/**
 * One selector's contribution: 1 or 0 for `equal`/`notEqual` (a missing label satisfies
 * `notEqual`); σ of the relative distance for ordered operators on numbers. For ordered
 * operators on non-numbers, a missing label, or a selector value of 0 (no relative distance),
 * the contribution is 1 when satisfied and 0 otherwise.
 */
function selectorScore(selector: WorkerSelector, workerLabels: Labels): number {
  const labelValue = labelOf(workerLabels, selector.key);
  const operator = selector.labelOperator;
  if (labelValue === undefined) return holdsForMissingLabel(operator) ? 1 : 0;
  const value = selector.value;
  const direction = SCORE_DIRECTION[LABEL_OPERATOR_COMPARISONS[operator]];
  if (
    direction !== 0 &&
    typeof labelValue === "number" &&
    typeof value === "number" &&
    value !== 0
  ) {
    return logistic((direction * (labelValue - value)) / value);
  }
  return operatorHolds(operator, labelValue, value) ? 1 : 0;
}

/** Mean selector contribution over the active selectors of both lists; NaN when none. */
function selectorMatchScore(
  requested: readonly WorkerSelector[],
  attached: readonly WorkerSelector[],
  workerLabels: Labels,
): number {
  const total = countActive(requested) + countActive(attached);
  if (total === 0) return Number.NaN;
  return (sumScores(requested, workerLabels) + sumScores(attached, workerLabels)) / total;
}

function countActive(selectors: readonly WorkerSelector[]): number {
  let count = 0;
  // Indexed: selector lists are frozen, and for…of over a frozen array allocates per step.
  for (let i = 0; i < selectors.length; i++) {
    if ((selectors[i] as WorkerSelector).status === "active") count++;
  }
  return count;
}

function sumScores(selectors: readonly WorkerSelector[], workerLabels: Labels): number {
  let sum = 0;
  for (let i = 0; i < selectors.length; i++) {
    const selector = selectors[i] as WorkerSelector;
    if (selector.status === "active") sum += selectorScore(selector, workerLabels);
  }
  return sum;
}

/** The default score of a worker for a job, in [0, 1]; 0 when the job has neither part. */
export function defaultWorkerScore(
  jobLabels: Labels,
  requested: readonly WorkerSelector[],
  attached: readonly WorkerSelector[],
  workerLabels: Labels,
): number {
  const labelPart = labelMatchScore(jobLabels, workerLabels);
  const selectorPart = selectorMatchScore(requested, attached, workerLabels);
  if (Number.isNaN(labelPart)) return Number.isNaN(selectorPart) ? 0 : selectorPart;
  if (Number.isNaN(selectorPart)) return labelPart;
  return (labelPart + selectorPart) / 2;
}

/**
 * A scoring rule's score of a worker for a job: a rule that fails or yields no finite number
 * ranks the worker last (−Infinity), so one bad label cannot stop matching.
 */
export function ruleWorkerScore(rule: CompiledRule, context: RuleContext): number {
  try {
    const value = rule(context);
    return typeof value === "number" && Number.isFinite(value) ? value : Number.NEGATIVE_INFINITY;
  } catch (error) {
    if (error instanceof RuleEvaluationError) return Number.NEGATIVE_INFINITY;
    throw error;
  }
}

/**
 * What a scoring rule can read: the job's and the worker's labels, nothing else (no clock, no
 * job state). Best-worker rankings memoize rule scores on this (worker-ranking.ts); a field
 * added to RuleContext makes this line fail to compile until the memo is revisited.
 */
export const RULE_CONTEXT_READS_ONLY_LABELS: [keyof RuleContext] extends [
  "jobLabels" | "workerLabels",
]
  ? ["jobLabels" | "workerLabels"] extends [keyof RuleContext]
    ? true
    : never
  : never = true;
