/**
 * The wait grid and one scope's wait and abandon-time counts on it. Each answered or abandoned
 * job adds 1 to the bucket of the first grid point at or above its wait (an exact count, not the
 * quantile histogram); the curves are the buckets cumulated and divided by the scope's jobs at
 * the end. Grid points are exact multiples of the step, and the threshold is one of them.
 */
import { ratio } from "./scope-accumulator.ts";

/** Points on every wait grid: 0, step, …, 60 · step. */
const GRID_POINT_COUNT = 61;
/** Grid step = threshold / this, so the threshold is grid point 4 (15 times the threshold in all). */
const STEPS_PER_THRESHOLD = 4;
/** Grid step when the threshold is 0 s. */
const STEP_WITHOUT_THRESHOLD_SECONDS = 5;

/**
 * The points x (seconds) of the wait curves for a service-level threshold: 61 points 0, step,
 * …, 60 · step with step = threshold / 4 (5 s for a 0 s threshold), so the threshold itself is
 * a grid point and the curves reach 15 times the threshold.
 */
export function waitGridOf(serviceLevelThresholdSeconds: number): number[] {
  const stepSeconds =
    serviceLevelThresholdSeconds > 0
      ? serviceLevelThresholdSeconds / STEPS_PER_THRESHOLD
      : STEP_WITHOUT_THRESHOLD_SECONDS;
  return Array.from({ length: GRID_POINT_COUNT }, (_, index) => index * stepSeconds);
}

/** One scope's answered and abandoned jobs per grid bucket; see the module header. */
export class WaitCurveCounts {
  /** Bucket k: jobs answered with a wait in (x_{k−1}, x_k] (bucket 0: wait ≤ 0). */
  private readonly answered = new Float64Array(GRID_POINT_COUNT);
  private readonly abandoned = new Float64Array(GRID_POINT_COUNT);

  constructor(private readonly gridSeconds: readonly number[]) {}

  /** Takes another scope's counts (on the same grid): as if this one had recorded its waits. */
  copyFrom(other: WaitCurveCounts): void {
    this.answered.set(other.answered);
    this.abandoned.set(other.abandoned);
  }

  /** A job answered after `waitSeconds` (first enqueue → first assignment). */
  recordAnswered(waitSeconds: number): void {
    this.add(this.answered, waitSeconds);
  }

  /** A job abandoned after `waitSeconds` (first enqueue → abandon). */
  recordAbandoned(waitSeconds: number): void {
    this.add(this.abandoned, waitSeconds);
  }

  /** The cumulated shares of `jobs` (NaN everywhere when there are none). */
  curves(jobs: number): { answeredWithin: number[]; abandonedWithin: number[] } {
    return {
      answeredWithin: cumulatedShares(this.answered, jobs),
      abandonedWithin: cumulatedShares(this.abandoned, jobs),
    };
  }

  private add(buckets: Float64Array, waitSeconds: number): void {
    const bucket = bucketOf(this.gridSeconds, waitSeconds);
    if (bucket < buckets.length) buckets[bucket] = (buckets[bucket] as number) + 1;
  }
}

/** The last wait bucketed, its grid and its bucket: one wait goes to up to three scopes' curves. */
let lastGrid: readonly number[] | null = null;
let lastWaitSeconds = Number.NaN;
let lastBucket = 0;

/** Bucket k of a wait: the first grid point x_k ≥ the wait (the point count when none is). */
function bucketOf(grid: readonly number[], waitSeconds: number): number {
  if (waitSeconds === lastWaitSeconds && grid === lastGrid) return lastBucket;
  const last = grid.length - 1;
  const stepSeconds = grid[1] as number;
  // A first guess from the step, then corrected against the grid's own numbers, so that a
  // wait equal to a grid point (the threshold) lands on it whatever the division rounds to.
  let bucket = Math.min(last + 1, Math.max(0, Math.ceil(waitSeconds / stepSeconds)));
  while (bucket > 0 && waitSeconds <= (grid[bucket - 1] as number)) bucket--;
  while (bucket <= last && waitSeconds > (grid[bucket] as number)) bucket++;
  lastGrid = grid;
  lastWaitSeconds = waitSeconds;
  lastBucket = bucket;
  return bucket;
}

function cumulatedShares(buckets: Float64Array, jobs: number): number[] {
  const shares: number[] = [];
  let within = 0;
  for (const count of buckets) {
    within += count;
    shares.push(ratio(within, jobs));
  }
  return shares;
}
