/**
 * How simulated time moves under `ccsim serve`. `wall`: it follows a real clock from the
 * server's start, `speed` times as fast, and the router's timers (offer expiry, exception
 * triggers, scheduled closes) fire when their time comes even if no request arrives. `manual`:
 * it stands still until the administration endpoint advances it, so a test decides exactly when
 * an offer expires. The real clock is passed in (the command line's `Date.now`), never read here.
 */

/** A clock's reading of where simulated time should be. */
export interface ServeClock {
  readonly kind: "wall" | "manual";
  /** Simulated seconds now. */
  nowSeconds(): number;
  /** Milliseconds of real time until simulated `seconds` (manual: never, null). */
  realDelayMsUntil(seconds: number): number | null;
}

/** Simulated time following `realMs` (milliseconds, any origin) `speed` times as fast. */
export class WallClock implements ServeClock {
  readonly kind = "wall";
  /** The real time, in `realMs`'s terms, at simulated time 0. */
  readonly startMs: number;

  constructor(
    private readonly realMs: () => number,
    private readonly speed = 1,
  ) {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError("speed must be > 0");
    this.startMs = realMs();
  }

  nowSeconds(): number {
    return ((this.realMs() - this.startMs) / 1000) * this.speed;
  }

  realDelayMsUntil(seconds: number): number | null {
    return Math.max(0, ((seconds - this.nowSeconds()) / this.speed) * 1000);
  }
}

/** Simulated time that moves only when told (`advanceBy`, `advanceTo`). */
export class ManualClock implements ServeClock {
  readonly kind = "manual";
  private seconds = 0;

  nowSeconds(): number {
    return this.seconds;
  }

  realDelayMsUntil(): null {
    return null;
  }

  /** Moves time forward by `seconds` (≥ 0); returns the new time. */
  advanceBy(seconds: number): number {
    if (!(seconds >= 0) || !Number.isFinite(seconds)) {
      throw new RangeError("seconds must be a finite number ≥ 0");
    }
    this.seconds += seconds;
    return this.seconds;
  }
}
