/**
 * Arrival processes: each gives the time of the next arrival after the previous one, drawing
 * only from its own random stream, so the customers of a scenario are the same whatever the
 * routing does. Times are seconds from the start of the run; a process returns +Infinity when it
 * has no more arrivals. The simulation stops asking at the horizon.
 *
 * Piecewise Poisson is exact: a unit-rate exponential amount of "intensity" is spent across the
 * intervals at their own rates (inverting the cumulative intensity), so the rate changes exactly
 * at interval boundaries, with no thinning bound and no approximation.
 */
import type { Distribution, RandomStream } from "../random/index.ts";
import { sampleStandardExponential } from "../random/index.ts";

/** Labels a trace row gives its job. */
export type JobLabelValues = Readonly<Record<string, string | number | boolean>>;

/** A source of arrival times. */
export interface ArrivalProcess {
  /** The time of the next arrival (after the previous one), or +Infinity when there is none. */
  next(): number;
  /** Labels of the arrival `next()` returned last, for trace rows; undefined otherwise. */
  labelsOfLast(): JobLabelValues | undefined;
}

const SECONDS_PER_HOUR = 3600;

/**
 * The arrival processes' clocks are stored NaN first and set to 0 in the constructor, so that
 * they are doubles from the start (docs/router-performance.md, "Fields born with their final
 * representation").
 */

/** Poisson arrivals at a constant rate. */
export class PoissonArrivals implements ArrivalProcess {
  private time = Number.NaN;
  private readonly meanGapSeconds: number;

  constructor(
    ratePerHour: number,
    private readonly random: RandomStream,
  ) {
    this.time = 0;
    this.meanGapSeconds =
      ratePerHour > 0 ? SECONDS_PER_HOUR / ratePerHour : Number.POSITIVE_INFINITY;
  }

  next(): number {
    this.time += this.meanGapSeconds * sampleStandardExponential(this.random);
    return this.time;
  }

  labelsOfLast(): undefined {
    return undefined;
  }
}

/** Poisson arrivals whose rate is `ratesPerHour[i]` in interval i, the list repeating after its end. */
export class PiecewisePoissonArrivals implements ArrivalProcess {
  /** NaN, then 0 in the constructor: see the note above `PoissonArrivals`. */
  private time = Number.NaN;
  /** Index of the interval that contains `time` (not reduced modulo the list length). */
  private interval = 0;
  private readonly ratesPerSecond: number[];
  private readonly anyPositiveRate: boolean;

  constructor(
    private readonly intervalSeconds: number,
    ratesPerHour: readonly number[],
    private readonly random: RandomStream,
  ) {
    this.time = 0;
    this.ratesPerSecond = ratesPerHour.map((rate) => rate / SECONDS_PER_HOUR);
    this.anyPositiveRate = this.ratesPerSecond.some((rate) => rate > 0);
  }

  next(): number {
    if (!this.anyPositiveRate) return Number.POSITIVE_INFINITY;
    let intensityLeft = sampleStandardExponential(this.random);
    for (;;) {
      const rate = this.ratesPerSecond[this.interval % this.ratesPerSecond.length] as number;
      const intervalEnd = (this.interval + 1) * this.intervalSeconds;
      const intensityToEnd = rate * Math.max(0, intervalEnd - this.time);
      if (rate > 0 && intensityLeft <= intensityToEnd) {
        this.time += intensityLeft / rate;
        return this.time;
      }
      intensityLeft -= intensityToEnd;
      this.interval++;
      this.time = intervalEnd;
    }
  }

  labelsOfLast(): undefined {
    return undefined;
  }
}

/** Renewal arrivals: independent gaps drawn from a distribution, the first gap from time 0. */
export class RenewalArrivals implements ArrivalProcess {
  /** NaN, then 0 in the constructor: see the note above `PoissonArrivals`. */
  private time = Number.NaN;

  constructor(
    private readonly interarrival: Distribution,
    private readonly random: RandomStream,
  ) {
    this.time = 0;
  }

  next(): number {
    // A distribution that can only return 0 would never move time forward.
    if (this.interarrival.mean === 0) return Number.POSITIVE_INFINITY;
    this.time += this.interarrival.sample(this.random);
    return this.time;
  }

  labelsOfLast(): undefined {
    return undefined;
  }
}

/** Arrivals at given times (scripted, or read from a trace), with optional labels per arrival. */
export class ListedArrivals implements ArrivalProcess {
  private index = -1;
  private readonly order: number[];

  constructor(
    private readonly timesSeconds: readonly number[],
    private readonly labels?: readonly JobLabelValues[],
  ) {
    // Stable sort of the indices by time: equal times keep their listed order.
    this.order = timesSeconds
      .map((_, i) => i)
      .sort((a, b) => (timesSeconds[a] as number) - (timesSeconds[b] as number));
  }

  next(): number {
    this.index++;
    const position = this.order[this.index];
    return position === undefined
      ? Number.POSITIVE_INFINITY
      : (this.timesSeconds[position] as number);
  }

  labelsOfLast(): JobLabelValues | undefined {
    const position = this.order[this.index];
    return position === undefined ? undefined : this.labels?.[position];
  }
}
