/**
 * The search behind `ccsim staff`: the smallest count of a worker group whose estimates meet
 * every target, found by galloping from a start (steps 1, 2, 4, … away from it) and then
 * bisecting, with every count evaluated once (the caller simulates it on common random numbers).
 * Pure apart from the caller's `evaluate`; the metric is taken to improve as the count grows.
 */
import type { StaffingTarget } from "./staffing-target.ts";
import { satisfies, wantsMore } from "./target-operators.ts";

/** One target's estimate at one count: the mean over replications and its 95% half-width. */
export interface TargetEstimate {
  readonly mean: number;
  /** Null with one replication: the interval is then the mean alone. */
  readonly halfWidth: number | null;
}

/** What decides whether a count meets a target: its whole interval, or its mean. */
export type StaffCriterion = "interval" | "mean";

/** One evaluated count. */
export interface StaffEvaluation {
  readonly count: number;
  /** One estimate per target, in the targets' order. */
  readonly estimates: readonly TargetEstimate[];
  /** Per target, in the targets' order: whether its interval, and its mean, meet it. */
  readonly meets: readonly { readonly interval: boolean; readonly mean: boolean }[];
  /** Every target's interval lies on its right side. */
  readonly meetsOnInterval: boolean;
  /** Every target's mean lies on its right side. */
  readonly meetsOnMean: boolean;
  /** 1 for the first count simulated, 2 for the next, … */
  readonly order: number;
}

/** What to search. */
export interface StaffSearchOptions {
  readonly targets: readonly Pick<StaffingTarget, "operator" | "value">[];
  /** Where to start (clamped to [min, max]). */
  readonly start: number;
  readonly min: number;
  readonly max: number;
  /** The criterion of the answer; the other's smallest count is found too. */
  readonly criterion: StaffCriterion;
  /** The estimate of every target with `count` agents, in the targets' order. */
  readonly evaluate: (count: number) => Promise<readonly TargetEstimate[]>;
}

/** What the search found. */
export interface StaffSearchResult {
  readonly criterion: StaffCriterion;
  /** The answer by the chosen criterion; undefined when no count up to max meets the targets. */
  readonly answer: number | undefined;
  /** The smallest count whose intervals meet every target (undefined: none up to max). */
  readonly intervalAnswer: number | undefined;
  /** The smallest count whose means meet every target (undefined: none up to max). */
  readonly meanAnswer: number | undefined;
  /** Every evaluated count, ascending. */
  readonly evaluations: readonly StaffEvaluation[];
  /** Without an answer: the evaluation at the largest count tried. */
  readonly best: StaffEvaluation | undefined;
  /**
   * Without an answer: the largest counts tried improved every missed target by less than their
   * intervals (the metric no longer grows with this group: something else is the bottleneck).
   */
  readonly levelledOff: boolean;
}

/** Whether the estimate meets the target by `criterion` (a NaN mean never does). */
export function meetsTarget(
  target: Pick<StaffingTarget, "operator" | "value">,
  estimate: TargetEstimate,
  criterion: StaffCriterion,
): boolean {
  const halfWidth = criterion === "interval" ? (estimate.halfWidth ?? 0) : 0;
  const bound = wantsMore(target) ? estimate.mean - halfWidth : estimate.mean + halfWidth;
  return satisfies(target, bound);
}

/** Finds the smallest counts meeting the targets on the chosen criterion and on the other. */
export async function searchStaffing(options: StaffSearchOptions): Promise<StaffSearchResult> {
  const { min, max, targets } = options;
  if (!(Number.isSafeInteger(min) && Number.isSafeInteger(max) && min >= 1 && min <= max)) {
    throw new RangeError(`need whole counts 1 ≤ min ≤ max (got ${min}, ${max})`);
  }
  const cache = new Map<number, Promise<StaffEvaluation>>();
  let simulated = 0;
  const evaluated = (count: number): Promise<StaffEvaluation> => {
    let known = cache.get(count);
    if (known === undefined) {
      const order = ++simulated;
      known = options.evaluate(count).then((estimates) => {
        const meets = targets.map((target, index) => ({
          interval: meetsTarget(target, estimateAt(estimates, index), "interval"),
          mean: meetsTarget(target, estimateAt(estimates, index), "mean"),
        }));
        return {
          count,
          estimates,
          order,
          meets,
          meetsOnInterval: meets.every((one) => one.interval),
          meetsOnMean: meets.every((one) => one.mean),
        };
      });
      cache.set(count, known);
    }
    return known;
  };
  const start = Math.min(max, Math.max(min, Math.round(options.start)));
  const other: StaffCriterion = options.criterion === "interval" ? "mean" : "interval";
  const answer = await smallestMeeting(options.criterion, start, min, max, evaluated);
  // Meeting on the interval implies meeting on the mean: the other answer is near this one.
  const otherAnswer = await smallestMeeting(other, answer ?? start, min, max, evaluated);
  const evaluations = (await Promise.all(cache.values())).sort((a, b) => a.count - b.count);
  const best = answer === undefined ? evaluations[evaluations.length - 1] : undefined;
  return {
    criterion: options.criterion,
    answer,
    intervalAnswer: options.criterion === "interval" ? answer : otherAnswer,
    meanAnswer: options.criterion === "mean" ? answer : otherAnswer,
    evaluations,
    best,
    levelledOff: answer === undefined && levelledOff(evaluations, targets, options.criterion),
  };
}

function estimateAt(estimates: readonly TargetEstimate[], index: number): TargetEstimate {
  return estimates[index] ?? { mean: Number.NaN, halfWidth: null };
}

type Evaluated = (count: number) => Promise<StaffEvaluation>;

/** Gallops from `start` toward the boundary, then bisects; undefined when max does not meet. */
async function smallestMeeting(
  criterion: StaffCriterion,
  start: number,
  min: number,
  max: number,
  evaluated: Evaluated,
): Promise<number | undefined> {
  const meets = async (count: number) => {
    const evaluation = await evaluated(count);
    return criterion === "interval" ? evaluation.meetsOnInterval : evaluation.meetsOnMean;
  };
  let below: number;
  let above: number;
  if (await meets(start)) {
    above = start;
    for (let step = 1; ; step *= 2) {
      const count = Math.max(min, start - step);
      if (count === above) return above; // min meets
      if (!(await meets(count))) {
        below = count;
        break;
      }
      above = count;
    }
  } else {
    below = start;
    for (let step = 1; ; step *= 2) {
      const count = Math.min(max, start + step);
      if (count === below) return undefined; // max does not meet
      if (await meets(count)) {
        above = count;
        break;
      }
      below = count;
    }
  }
  while (above - below > 1) {
    const middle = Math.floor((below + above) / 2);
    if (await meets(middle)) above = middle;
    else below = middle;
  }
  return above;
}

/**
 * Whether the two largest counts tried differ, on every target the largest misses, by no more
 * than their half-widths (by nothing at all with one replication) in the wanted direction.
 */
function levelledOff(
  evaluations: readonly StaffEvaluation[],
  targets: readonly Pick<StaffingTarget, "operator" | "value">[],
  criterion: StaffCriterion,
): boolean {
  const last = evaluations[evaluations.length - 1];
  const before = evaluations[evaluations.length - 2];
  if (last === undefined || before === undefined) return false;
  const missed = targets
    .map((target, index) => ({ target, index }))
    .filter(
      ({ target, index }) => !meetsTarget(target, estimateAt(last.estimates, index), criterion),
    );
  return (
    missed.length > 0 &&
    missed.every(({ target, index }) => {
      const now = estimateAt(last.estimates, index);
      const then = estimateAt(before.estimates, index);
      const gain = wantsMore(target) ? now.mean - then.mean : then.mean - now.mean;
      const noise = Math.max(now.halfWidth ?? 0, then.halfWidth ?? 0);
      return Number.isFinite(gain) && gain <= noise;
    })
  );
}
