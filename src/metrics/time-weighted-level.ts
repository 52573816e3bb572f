/**
 * A piecewise-constant level over simulated time (queue length, capacity in use) and its
 * integral over the measurement window [warmup, horizon), its maximum over that window, and
 * optionally its integral per reporting interval over [0, horizon). Times must not go backwards.
 * The maximum counts only levels held for a positive duration inside the window, so a job
 * queued and offered at the same instant does not make the queue look one long.
 */

/** The measurement window and the interval grid, shared by every level of a replication. */
export class MeasurementWindow {
  /** Number of reporting intervals covering [0, horizon). */
  readonly intervalCount: number;
  /**
   * The interval `intervalOf` last found and the times [from, until) that give exactly it, so
   * that the next call (simulated time mostly moves on within an interval) needs no division.
   */
  private foundInterval = -1;
  private foundFromSeconds = Number.POSITIVE_INFINITY;
  private foundUntilSeconds = Number.NEGATIVE_INFINITY;

  constructor(
    readonly warmupSeconds: number,
    readonly horizonSeconds: number,
    readonly intervalSeconds: number,
  ) {
    this.intervalCount =
      horizonSeconds > 0 && intervalSeconds > 0 ? Math.ceil(horizonSeconds / intervalSeconds) : 0;
  }

  /** Whether a job arriving at this time counts in the summary metrics. */
  contains(timeSeconds: number): boolean {
    return timeSeconds >= this.warmupSeconds && timeSeconds < this.horizonSeconds;
  }

  /** The reporting interval holding this time, or −1 outside [0, horizon). */
  intervalOf(timeSeconds: number): number {
    if (timeSeconds >= this.foundFromSeconds && timeSeconds < this.foundUntilSeconds) {
      return this.foundInterval;
    }
    const interval = this.computeIntervalOf(timeSeconds);
    if (interval >= 0) {
      this.foundInterval = interval;
      this.foundFromSeconds = interval === 0 ? 0 : this.firstTimeOf(interval);
      this.foundUntilSeconds =
        interval === this.intervalCount - 1
          ? this.horizonSeconds
          : Math.min(this.horizonSeconds, this.firstTimeOf(interval + 1));
    }
    return interval;
  }

  /** The definition `intervalOf` answers by (its cache gives exactly what this computes). */
  private computeIntervalOf(timeSeconds: number): number {
    if (!(timeSeconds >= 0 && timeSeconds < this.horizonSeconds) || this.intervalCount === 0) {
      return -1;
    }
    return Math.min(this.intervalCount - 1, Math.floor(timeSeconds / this.intervalSeconds));
  }

  /**
   * The smallest time t > 0 with ⌊t / intervalSeconds⌋ ≥ `interval` (≥ 1): the division rounds,
   * so the product interval × intervalSeconds may be an ulp or two off that boundary; ⌊t / I⌋
   * never decreases as t grows, so the times of one interval are exactly [first(k), first(k+1)).
   */
  private firstTimeOf(interval: number): number {
    const reaches = (t: number) => Math.floor(t / this.intervalSeconds) >= interval;
    let time = interval * this.intervalSeconds;
    while (!reaches(time)) time = adjacentDouble(time, 1);
    for (let below = adjacentDouble(time, -1); below > 0 && reaches(below); ) {
      time = below;
      below = adjacentDouble(time, -1);
    }
    return time;
  }
}

const doubleView = new Float64Array(1);
/** The double's two 32-bit words, low first (every platform Node runs on is little-endian). */
const doubleWords = new Uint32Array(doubleView.buffer);

/** The next double above (`direction` 1) or below (−1) a positive finite `value`. */
function adjacentDouble(value: number, direction: 1 | -1): number {
  doubleView[0] = value;
  const low = (doubleWords[0] as number) + direction;
  // A carry or borrow moves into the high word; Uint32Array stores the low word modulo 2^32.
  if (low > 0xffffffff) doubleWords[1] = (doubleWords[1] as number) + 1;
  else if (low < 0) doubleWords[1] = (doubleWords[1] as number) - 1;
  doubleWords[0] = low;
  return doubleView[0] as number;
}

/** A level that changes at event times; see the module header. */
export class TimeWeightedLevel {
  // Born NaN, set to 0 by the constructor: doubles from the start (see
  // docs/router-performance.md, "Fields born with their final representation").
  level = Number.NaN;
  private lastSeconds = Number.NaN;
  private windowIntegral = Number.NaN;
  private windowMax = Number.NaN;
  /** Integral per reporting interval, or null when the level is not reported per interval. */
  readonly intervalIntegrals: Float64Array | null;

  /**
   * `window` bounds the integral and the maximum; `intervalGrid` (when per interval) gives the
   * intervals, the measurement window's even when the integral runs over another window.
   */
  constructor(
    private readonly window: MeasurementWindow,
    perInterval: boolean,
    private readonly intervalGrid: MeasurementWindow = window,
  ) {
    this.level = 0;
    this.lastSeconds = 0;
    this.windowIntegral = 0;
    this.windowMax = 0;
    this.intervalIntegrals = perInterval ? new Float64Array(intervalGrid.intervalCount) : null;
  }

  /** Integral of the level over the window so far. */
  get integral(): number {
    return this.windowIntegral;
  }

  /** Largest level held for a positive duration inside the window (0 if none). */
  get max(): number {
    return this.windowMax;
  }

  /** Changes the level by `delta` at `timeSeconds`. */
  add(timeSeconds: number, delta: number): void {
    this.advance(timeSeconds);
    this.level += delta;
  }

  /**
   * Takes another level's state (level, time, window integral and maximum; not the interval
   * integrals): this level is then as if it had been given that level's changes.
   */
  copyFrom(other: TimeWeightedLevel): void {
    this.level = other.level;
    this.lastSeconds = other.lastSeconds;
    this.windowIntegral = other.windowIntegral;
    this.windowMax = other.windowMax;
  }

  /** Accounts the current level up to `timeSeconds`. */
  advance(timeSeconds: number): void {
    const fromSeconds = this.lastSeconds;
    if (timeSeconds <= fromSeconds) return;
    this.lastSeconds = timeSeconds;
    const level = this.level;
    if (level === 0) return;
    const window = this.window;
    const overlapSeconds =
      Math.min(timeSeconds, window.horizonSeconds) - Math.max(fromSeconds, window.warmupSeconds);
    if (overlapSeconds > 0) {
      this.windowIntegral += level * overlapSeconds;
      if (level > this.windowMax) this.windowMax = level;
    }
    if (this.intervalIntegrals !== null) this.spreadOverIntervals(level, fromSeconds, timeSeconds);
  }

  private spreadOverIntervals(level: number, fromSeconds: number, toSeconds: number): void {
    const integrals = this.intervalIntegrals as Float64Array;
    const grid = this.intervalGrid;
    const { intervalSeconds, horizonSeconds } = grid;
    const endSeconds = Math.min(toSeconds, horizonSeconds);
    let interval = grid.intervalOf(fromSeconds);
    if (interval < 0) return;
    let startSeconds = fromSeconds;
    while (startSeconds < endSeconds && interval < integrals.length) {
      const boundarySeconds = Math.min(endSeconds, (interval + 1) * intervalSeconds);
      integrals[interval] =
        (integrals[interval] as number) + level * (boundarySeconds - startSeconds);
      startSeconds = boundarySeconds;
      interval++;
    }
  }
}
