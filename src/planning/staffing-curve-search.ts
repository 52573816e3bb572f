/**
 * The search behind `ccsim staff --per-interval`: the smallest staffing vector (one count per
 * report interval) whose every interval meets the targets. Each step simulates the whole day
 * (intervals interact through the backlog) and moves every interval at once to where theory's
 * curve, calibrated to that day's measurement, crosses the target (one agent at a time without
 * theory); it stops when the next vector is this one, or the day budget is spent. Deterministic,
 * and pure apart from the caller's `evaluateDay`.
 */
import { calibratedCount, type TheoryCurve } from "./curve-calibration.ts";
import { CurveMemory } from "./curve-memory.ts";
import { meetsTarget, type StaffCriterion, type TargetEstimate } from "./staff-search.ts";
import type { StaffingTarget } from "./staffing-target.ts";

/** One simulated day: the vector and, per interval, each target's estimate. */
export interface DayEvaluation {
  readonly staffing: readonly number[];
  /** `[interval][target]`, in the targets' order. */
  readonly estimates: readonly (readonly TargetEstimate[])[];
  /** Per interval: every target is met (an interval without a defined metric meets). */
  readonly meets: readonly boolean[];
  /** `[interval][target]`: whether that target is met there (undefined metric: met). */
  readonly targetMeets: readonly (readonly boolean[])[];
  /** 1 for the first day simulated, 2 for the next, … */
  readonly order: number;
}

/** What to search. */
export interface CurveSearchOptions {
  readonly targets: readonly Pick<StaffingTarget, "operator" | "value">[];
  /** The first vector (e.g. per-interval Erlang), clamped to [min, max] per interval. */
  readonly start: readonly number[];
  readonly min: number;
  readonly max: number;
  readonly criterion: StaffCriterion;
  /** The most days simulated before giving up. */
  readonly maxDays: number;
  /**
   * Theory's value of each target's metric in `interval` with `count` agents (undefined where it
   * gives none), e.g. per-interval Erlang A. With it, an interval steps to where theory's curve,
   * calibrated to the day's measurement, crosses the target; without it, one agent at a time.
   * Called only with counts in [max(1, min), max]; must be pure.
   */
  readonly theory?: (interval: number, count: number) => readonly (number | undefined)[];
  /** Each interval's estimate of every target with `staffing` on duty. */
  readonly evaluateDay: (
    staffing: readonly number[],
  ) => Promise<readonly (readonly TargetEstimate[])[]>;
}

/** What the search found. */
export interface CurveSearchResult {
  /** The cheapest simulated vector meeting every interval (fewest agent-intervals), if any. */
  readonly answer: DayEvaluation | undefined;
  /** True when the search stopped because nothing could change, false when the budget ran out. */
  readonly converged: boolean;
  /** Every day simulated, in order. */
  readonly days: readonly DayEvaluation[];
}

/**
 * Whether an interval meets each target by `criterion`. An interval whose metric is undefined
 * (no job arrived, so no service level) has nothing to miss: it meets.
 */
export function intervalMeets(
  targets: CurveSearchOptions["targets"],
  estimates: readonly TargetEstimate[],
  criterion: StaffCriterion,
): boolean[] {
  return targets.map((target, index) => {
    const estimate = estimates[index];
    if (estimate === undefined || Number.isNaN(estimate.mean)) return true;
    return meetsTarget(target, estimate, criterion);
  });
}

/** The total of a vector: agent-intervals. */
export function agentIntervalsOf(staffing: readonly number[]): number {
  return staffing.reduce((sum, count) => sum + count, 0);
}

/** Searches the smallest vector meeting every interval's targets. */
export async function searchStaffingCurve(options: CurveSearchOptions): Promise<CurveSearchResult> {
  const { min, max, targets, criterion } = options;
  const clamp = (count: number) => Math.min(max, Math.max(min, Math.round(count)));
  let staffing = options.start.map(clamp);
  const memory = new CurveMemory(min);
  const theory = theoryCache(options.theory);
  const days: DayEvaluation[] = [];
  // The search is deterministic and so is each day (common random numbers): a vector proposed
  // again is not simulated again, its day is reused with what has been learnt since.
  const byVector = new Map<string, DayEvaluation>();
  const visited = new Set<string>();
  let converged = false;
  while (true) {
    const key = staffing.join(",");
    let day = byVector.get(key);
    if (day === undefined) {
      if (days.length >= options.maxDays) break;
      const estimates = await options.evaluateDay(staffing);
      const targetMeets = estimates.map((row) => intervalMeets(targets, row, criterion));
      const meets = targetMeets.map((row) => row.every(Boolean));
      day = { staffing, estimates, meets, targetMeets, order: days.length + 1 };
      days.push(day);
      byVector.set(key, day);
      memory.learn(day);
    }
    const next = memory.avoidKnownMisses(proposeVector(day, options, theory, memory), max);
    // Stable: no interval changes, or the search comes back to where it was with nothing new learnt.
    const state = `${key}@${days.length}`;
    if (sameVector(next, staffing) || visited.has(state)) {
      converged = true;
      break;
    }
    visited.add(state);
    staffing = next;
  }
  return { answer: cheapestMeeting(days), converged, days };
}

/**
 * The next day's vector. Each interval steps, per target, to the count theory's calibrated curve
 * asks for; where theory says nothing, a miss gets one more, and, on a day without a miss, a
 * meeting interval one fewer unless that count missed as some day's first miss. A missing
 * interval always gets at least one more; a meeting one never more.
 */
function proposeVector(
  day: DayEvaluation,
  options: CurveSearchOptions,
  theory: ((interval: number, target: number) => TheoryCurve) | undefined,
  memory: CurveMemory,
): number[] {
  const { min, max, targets, criterion } = options;
  const anyMiss = day.meets.includes(false);
  return day.staffing.map((count, interval) => {
    const asked = targets.map((target, index) => {
      const estimate = day.estimates[interval]?.[index];
      const meets = day.targetMeets[interval]?.[index] === true;
      if (estimate === undefined || Number.isNaN(estimate.mean)) return min;
      const curve = theory?.(interval, index);
      const calibrated =
        curve === undefined
          ? undefined
          : calibratedCount(target, estimate, criterion, count, curve, { min, max });
      if (calibrated !== undefined) return calibrated;
      if (!meets) return count + 1;
      return anyMiss || count - 1 <= memory.missFloor(interval) ? count : count - 1;
    });
    const wanted = Math.max(min, ...asked);
    const bounded =
      day.meets[interval] === true ? Math.min(count, wanted) : Math.max(count + 1, wanted);
    return Math.min(max, Math.max(min, bounded));
  });
}

/** Theory's curve per interval and target, each value computed once. */
function theoryCache(
  theory: CurveSearchOptions["theory"],
): ((interval: number, target: number) => TheoryCurve) | undefined {
  if (theory === undefined) return undefined;
  const known = new Map<string, readonly (number | undefined)[]>();
  return (interval, target) => (count) => {
    const key = `${interval}:${count}`;
    let values = known.get(key);
    if (values === undefined) {
      values = theory(interval, count);
      known.set(key, values);
    }
    return values[target];
  };
}

function sameVector(one: readonly number[], other: readonly number[]): boolean {
  return one.length === other.length && one.every((count, index) => count === other[index]);
}

function cheapestMeeting(days: readonly DayEvaluation[]): DayEvaluation | undefined {
  let best: DayEvaluation | undefined;
  for (const day of days) {
    if (!day.meets.every(Boolean)) continue;
    if (best === undefined || agentIntervalsOf(day.staffing) < agentIntervalsOf(best.staffing))
      best = day;
  }
  return best;
}
