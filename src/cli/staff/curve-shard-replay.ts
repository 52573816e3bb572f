/**
 * The per-interval search replayed from the days already simulated: a deterministic search asked
 * again with the same evaluations makes the same decisions, so its state is just the list of
 * evaluated days. The first vector it asks for that the list lacks is the next day to simulate;
 * a search that finishes without asking has ended. Pure: no simulation, no files.
 */
import type { TargetEstimate } from "../../planning/index.ts";

/** One simulated day: the vector and, per interval, each target's merged estimate. */
export interface EvaluatedDay {
  readonly staffing: readonly number[];
  /** `[interval][target]`, as the search's `evaluateDay` returns them. */
  readonly estimates: readonly (readonly TargetEstimate[])[];
}

/** A search behind the `evaluateDay` interface of `searchStaffingCurve`. */
export type DaySearch<Result> = (
  evaluateDay: (staffing: readonly number[]) => Promise<readonly (readonly TargetEstimate[])[]>,
) => Promise<Result>;

/** Where the replayed search stands. */
export type CurveReplay<Result> =
  /** The search ended on the days given: its result, as the unsharded search returns it. */
  | { readonly kind: "ended"; readonly result: Result }
  /** The search asks for a day not yet simulated: `next`, the vector to simulate. */
  | { readonly kind: "next"; readonly next: readonly number[] }
  /**
   * The days given are not the ones this search asks for, in order (another search, other
   * options, a hand-edited file): `day` is the 1-based position of the first
   * that differs or that the search never asks for.
   */
  | { readonly kind: "diverged"; readonly day: number };

/** Thrown into the search to stop it at the first day it asks for that is not simulated yet. */
class DayNotSimulated extends Error {
  constructor() {
    super("day not simulated yet (replay stops here)");
  }
}

/** The key of a vector: its counts joined (counts are whole numbers). */
function keyOf(staffing: readonly number[]): string {
  return staffing.join(",");
}

/**
 * Replays `search` on `days` (in the order they were simulated). Each new vector the search asks
 * for must be the next of `days`; a vector asked again is answered from the list (a simulation
 * of the same vector on the same seed gives the same numbers). The search must not swallow the
 * error its `evaluateDay` throws to stop it.
 */
export async function replayCurveSearch<Result>(
  search: DaySearch<Result>,
  days: readonly EvaluatedDay[],
): Promise<CurveReplay<Result>> {
  const known = new Map<string, EvaluatedDay>();
  let used = 0;
  let stop: CurveReplay<Result> | undefined;
  const evaluateDay = async (staffing: readonly number[]) => {
    const key = keyOf(staffing);
    const seen = known.get(key);
    if (seen !== undefined) return seen.estimates;
    // A stop is already decided (a search asking several days at once): ask for nothing more.
    if (stop !== undefined) throw new DayNotSimulated();
    const day = days[used];
    if (day === undefined) {
      stop = { kind: "next", next: [...staffing] };
      throw new DayNotSimulated();
    }
    if (keyOf(day.staffing) !== key) {
      stop = { kind: "diverged", day: used + 1 };
      throw new DayNotSimulated();
    }
    used += 1;
    known.set(key, day);
    return day.estimates;
  };
  try {
    const result = await search(evaluateDay);
    if (stop !== undefined) throw new Error("the search went on after a day it could not have");
    if (used < days.length) return { kind: "diverged", day: used + 1 };
    return { kind: "ended", result };
  } catch (error) {
    if (!(error instanceof DayNotSimulated) || stop === undefined) throw error;
    return stop;
  }
}
