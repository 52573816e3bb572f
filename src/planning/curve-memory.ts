/**
 * What the day's staffing search remembers between days: which interval missed with which
 * counts in it and before it, and the largest count each interval missed with as a day's first
 * miss. An interval's result depends on its own count and the backlog the earlier intervals
 * leave, so a miss is known only for that exact prefix of the vector.
 */
import type { DayEvaluation } from "./staffing-curve-search.ts";

/** The search's memory of the days simulated. */
export class CurveMemory {
  /** `interval|counts up to and including it` of every interval seen to miss. */
  private readonly misses = new Set<string>();
  /**
   * Per interval, the largest count seen to miss as the day's first miss (every interval before
   * it met): the floor below which a step without theory does not remove.
   */
  private readonly firstMissAt: number[] = [];

  constructor(private readonly min: number) {}

  /** Records a simulated day. */
  learn(day: Pick<DayEvaluation, "staffing" | "meets">): void {
    day.meets.forEach((meets, interval) => {
      if (!meets) this.misses.add(prefixKey(day.staffing, interval));
    });
    const first = day.meets.indexOf(false);
    if (first >= 0) {
      const count = day.staffing[first] as number;
      this.firstMissAt[first] = Math.max(this.missFloor(first), count);
    }
  }

  /** The largest count of `interval` seen to miss as a day's first miss (min − 1 when none). */
  missFloor(interval: number): number {
    return this.firstMissAt[interval] ?? this.min - 1;
  }

  /**
   * `staffing` with each interval, from the first, raised while the vector up to it is one
   * already seen to miss there (at most to `max`).
   */
  avoidKnownMisses(staffing: readonly number[], max: number): number[] {
    const next = [...staffing];
    for (let interval = 0; interval < next.length; interval++) {
      while ((next[interval] as number) < max && this.misses.has(prefixKey(next, interval))) {
        next[interval] = (next[interval] as number) + 1;
      }
    }
    return next;
  }
}

function prefixKey(staffing: readonly number[], interval: number): string {
  return `${interval}|${staffing.slice(0, interval + 1).join(",")}`;
}
