/**
 * Distributions sampled by a single inversion or lookup: constant, exponential, uniform,
 * triangular, empirical. Constructors trust their arguments; `createDistribution` validates.
 */
import type { Distribution } from "./distribution.ts";
import type { RandomStream } from "./random-stream.ts";
import { sampleExponential } from "./samplers.ts";

/** Always `value`; also what degenerate parameters (sd = 0, min = max, …) reduce to. */
export class ConstantDistribution implements Distribution {
  readonly mean: number;
  readonly variance = 0;
  constructor(value: number) {
    this.mean = value;
  }
  sample(_random: RandomStream): number {
    return this.mean;
  }
}

/** Exponential with the given mean. */
export class ExponentialDistribution implements Distribution {
  readonly mean: number;
  readonly variance: number;
  constructor(mean: number) {
    this.mean = mean;
    this.variance = mean * mean;
  }
  sample(random: RandomStream): number {
    return sampleExponential(random, this.mean);
  }
}

/** Uniform on [min, max). */
export class UniformDistribution implements Distribution {
  readonly mean: number;
  readonly variance: number;
  private readonly min: number;
  private readonly width: number;
  constructor(min: number, max: number) {
    this.min = min;
    this.width = max - min;
    this.mean = (min + max) / 2;
    this.variance = (this.width * this.width) / 12;
  }
  sample(random: RandomStream): number {
    return this.min + this.width * random.next();
  }
}

/**
 * Triangular on [min, max] with peak at `mode`, by inversion of its CDF (one uniform). The
 * inverse is written as mode-relative fractions, not as products of widths, so tiny supports
 * cannot underflow and every draw stays within [min, max].
 */
export class TriangularDistribution implements Distribution {
  readonly mean: number;
  readonly variance: number;
  private readonly min: number;
  private readonly mode: number;
  private readonly max: number;
  /** F(mode): the probability of landing left of the peak. */
  private readonly modeQuantile: number;
  constructor(min: number, mode: number, max: number) {
    this.min = min;
    this.mode = mode;
    this.max = max;
    this.modeQuantile = (mode - min) / (max - min);
    this.mean = (min + mode + max) / 3;
    this.variance =
      (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18;
  }
  sample(random: RandomStream): number {
    const u = random.next();
    if (u < this.modeQuantile) {
      return this.min + (this.mode - this.min) * Math.sqrt(u / this.modeQuantile);
    }
    return this.max - (this.max - this.mode) * Math.sqrt((1 - u) / (1 - this.modeQuantile));
  }
}

/** Uniform resampling of a fixed list of observed values. */
export class EmpiricalDistribution implements Distribution {
  readonly mean: number;
  readonly variance: number;
  private readonly values: Float64Array;
  constructor(values: readonly number[]) {
    this.values = Float64Array.from(values);
    let sum = 0;
    for (const value of this.values) sum += value;
    this.mean = sum / this.values.length;
    let squaredDeviations = 0;
    for (const value of this.values) squaredDeviations += (value - this.mean) ** 2;
    // Population variance: resampling draws from exactly these values with equal weight.
    this.variance = squaredDeviations / this.values.length;
  }
  sample(random: RandomStream): number {
    return this.values[random.nextInt(this.values.length)] ?? this.mean;
  }
}
