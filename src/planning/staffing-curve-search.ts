/**
 * The search behind `ccsim staff --per-interval`: the smallest staffing vector (one count per
 * report interval) whose every interval meets the targets. Each step simulates the whole day
 * (intervals interact through the backlog): add one where an interval misses, and, once every
 * interval meets, remove one wherever the count below is not yet known to miss; repeat until no
 * interval can change or the day budget is spent. Pure apart from the caller's `evaluateDay`.
 */
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
  // The largest count of each interval seen to miss: counts at or below it are not tried again.
  const missedAt = staffing.map(() => min - 1);
  const days: DayEvaluation[] = [];
  let converged = false;
  while (days.length < options.maxDays) {
    const estimates = await options.evaluateDay(staffing);
    const targetMeets = estimates.map((row) => intervalMeets(targets, row, criterion));
    const meets = targetMeets.map((row) => row.every(Boolean));
    days.push({ staffing, estimates, meets, targetMeets, order: days.length + 1 });
    const next = nextVector(staffing, meets, missedAt, max);
    if (next === undefined) {
      converged = true;
      break;
    }
    staffing = next;
  }
  return { answer: cheapestMeeting(days), converged, days };
}

/**
 * The vector of the next day, or undefined when none can change: misses get one more (the
 * first miss of the day remembers the count that missed); when nothing misses, every interval whose count below is not
 * known to miss gets one fewer.
 */
function nextVector(
  staffing: readonly number[],
  meets: readonly boolean[],
  missedAt: number[],
  max: number,
): number[] | undefined {
  const firstMiss = meets.indexOf(false);
  const anyMiss = firstMiss >= 0;
  let changed = false;
  const next = staffing.map((count, interval) => {
    if (!meets[interval]) {
      // Only the first miss is surely the interval's own: a later one may be the backlog an
      // earlier understaffed interval left, and its count may suffice once that is fixed.
      if (interval === firstMiss)
        missedAt[interval] = Math.max(missedAt[interval] as number, count);
      if (count >= max) return count;
      changed = true;
      return count + 1;
    }
    if (anyMiss || count - 1 <= (missedAt[interval] as number)) return count;
    changed = true;
    return count - 1;
  });
  return changed ? next : undefined;
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
