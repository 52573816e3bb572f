/**
 * Distributions given by moments or shape: truncated normal, lognormal, gamma, Erlang and
 * Weibull. Each converts its scenario parameters once, in the constructor, to what its
 * sampler needs, and carries its analytic mean and variance. Constructors trust their
 * arguments (sd > 0 and so on); `createDistribution` validates and handles degenerate cases.
 */
import type { Distribution } from "./distribution.ts";
import type { RandomStream } from "./random-stream.ts";
import {
  sampleStandardErlang,
  sampleStandardExponential,
  sampleStandardNormal,
  sampleUnitGamma,
} from "./samplers.ts";
import { logGamma, standardNormalCdf, standardNormalDensity } from "./special-functions.ts";

/**
 * N(location, scale²) truncated at 0 by resampling negatives. `mean` and `variance` are those
 * of the truncated distribution. Requires location ≥ 0, so at least half the draws are kept.
 */
export class TruncatedNormalDistribution implements Distribution {
  readonly mean: number;
  readonly variance: number;
  private readonly location: number;
  private readonly scale: number;
  constructor(location: number, scale: number) {
    this.location = location;
    this.scale = scale;
    const standardized = location / scale;
    // Inverse Mills ratio at the truncation point −standardized, written via symmetry.
    const millsRatio = standardNormalDensity(standardized) / standardNormalCdf(standardized);
    this.mean = location + scale * millsRatio;
    // When the truncation is beyond double precision the ratio is 0 and standardized may be
    // Infinity (sd tiny against the mean); skip the term rather than form Infinity · 0.
    const truncationShrink =
      millsRatio === 0 ? 0 : standardized * millsRatio + millsRatio * millsRatio;
    this.variance = scale * scale * (1 - truncationShrink);
  }
  sample(random: RandomStream): number {
    for (;;) {
      const value = this.location + this.scale * sampleStandardNormal(random);
      if (value >= 0) return value;
    }
  }
}

/** Lognormal given the mean and sd of the variate itself (not of its log). */
export class LognormalDistribution implements Distribution {
  readonly mean: number;
  readonly variance: number;
  private readonly logLocation: number;
  private readonly logScale: number;
  constructor(mean: number, sd: number) {
    this.mean = mean;
    this.variance = sd * sd;
    const logVariance = Math.log1p((sd / mean) ** 2);
    this.logScale = Math.sqrt(logVariance);
    this.logLocation = Math.log(mean) - logVariance / 2;
  }
  sample(random: RandomStream): number {
    return Math.exp(this.logLocation + this.logScale * sampleStandardNormal(random));
  }
}

/** Gamma given mean and sd: shape (mean/sd)², scale sd²/mean. */
export class GammaDistribution implements Distribution {
  readonly mean: number;
  readonly variance: number;
  private readonly shape: number;
  private readonly scale: number;
  constructor(mean: number, sd: number) {
    this.mean = mean;
    this.variance = sd * sd;
    this.shape = (mean / sd) ** 2;
    // sd·(sd/mean) rather than sd²/mean: sd² can underflow when both are tiny.
    this.scale = sd * (sd / mean);
  }
  sample(random: RandomStream): number {
    return this.scale * sampleUnitGamma(random, this.shape);
  }
}

/** Erlang: `phases` exponential phases in series with total mean `mean`. */
export class ErlangDistribution implements Distribution {
  readonly mean: number;
  readonly variance: number;
  private readonly phases: number;
  private readonly phaseMean: number;
  constructor(phases: number, mean: number) {
    this.mean = mean;
    this.phases = phases;
    this.phaseMean = mean / phases;
    this.variance = mean * this.phaseMean;
  }
  sample(random: RandomStream): number {
    return this.phaseMean * sampleStandardErlang(random, this.phases);
  }
}

/**
 * Weibull with CDF 1 − exp(−(x/scale)^shape); mean scale·Γ(1 + 1/shape). Moments are formed
 * in log space so a tiny scale cannot be swamped by a huge Γ. Very small shapes (below ~0.03)
 * have tails beyond double range: such draws and moments come out as Infinity.
 */
export class WeibullDistribution implements Distribution {
  readonly mean: number;
  readonly variance: number;
  private readonly shapeInverse: number;
  private readonly scale: number;
  constructor(shape: number, scale: number) {
    this.shapeInverse = 1 / shape;
    this.scale = scale;
    const logFirstMoment = Math.log(scale) + logGamma(1 + 1 / shape);
    const logSecondMoment = 2 * Math.log(scale) + logGamma(1 + 2 / shape);
    this.mean = Math.exp(logFirstMoment);
    // E[X²] − E[X]² = E[X²]·(1 − E[X]²/E[X²]), without squaring an overflowing mean.
    this.variance = Math.exp(logSecondMoment) * -Math.expm1(2 * logFirstMoment - logSecondMoment);
  }
  sample(random: RandomStream): number {
    return this.scale * sampleStandardExponential(random) ** this.shapeInverse;
  }
}
