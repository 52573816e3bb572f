/**
 * Test-side statistics: sample moments, tolerance bounds derived from n, the
 * Kolmogorov–Smirnov statistic, and reference CDFs written independently of src/random
 * (different algorithms), so a shared bug cannot make a test pass.
 */
import { expect } from "vitest";
import type { Distribution } from "../../src/random/index.ts";
import { RandomStream } from "../../src/random/index.ts";

/** Standard errors allowed before a moment check fails (fixed seeds make this deterministic). */
export const STANDARD_ERRORS_ALLOWED = 5;

/** `count` samples of `distribution` from a fresh stream named `name`. */
export function draw(distribution: Distribution, count: number, name: string): Float64Array {
  const random = RandomStream.root(20260101, 0).fork(name);
  const samples = new Float64Array(count);
  for (let index = 0; index < count; index++) samples[index] = distribution.sample(random);
  return samples;
}

interface SampleMoments {
  mean: number;
  variance: number;
  fourthCentralMoment: number;
}

/** Mean, unbiased variance and fourth central moment of `samples`. */
export function sampleMoments(samples: Float64Array): SampleMoments {
  const count = samples.length;
  let sum = 0;
  for (const value of samples) sum += value;
  const mean = sum / count;
  let second = 0;
  let fourth = 0;
  for (const value of samples) {
    const squared = (value - mean) ** 2;
    second += squared;
    fourth += squared * squared;
  }
  return { mean, variance: second / (count - 1), fourthCentralMoment: fourth / count };
}

/**
 * Sample mean within 5 standard errors (σ/√n from the expected variance) and sample variance
 * within 5 standard errors of the variance estimator, sqrt((m₄ − s⁴)/n), with m₄ estimated
 * from the same sample.
 */
export function expectMoments(
  samples: Float64Array,
  expectedMean: number,
  expectedVariance: number,
): void {
  const count = samples.length;
  const moments = sampleMoments(samples);
  const meanTolerance = STANDARD_ERRORS_ALLOWED * Math.sqrt(expectedVariance / count);
  expect(Math.abs(moments.mean - expectedMean)).toBeLessThanOrEqual(meanTolerance);
  const varianceStandardError = Math.sqrt(
    (moments.fourthCentralMoment - moments.variance ** 2) / count,
  );
  expect(Math.abs(moments.variance - expectedVariance)).toBeLessThanOrEqual(
    STANDARD_ERRORS_ALLOWED * varianceStandardError,
  );
}

/** Kolmogorov–Smirnov distance between the empirical CDF of `samples` and `cdf`. */
export function kolmogorovSmirnov(samples: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(samples).sort();
  const count = sorted.length;
  let distance = 0;
  sorted.forEach((value, index) => {
    const probability = cdf(value);
    distance = Math.max(distance, probability - index / count, (index + 1) / count - probability);
  });
  return distance;
}

/** KS critical value at α ≈ 0.001 (asymptotic 1.95/√n). */
export function kolmogorovSmirnovCritical(count: number): number {
  return 1.95 / Math.sqrt(count);
}

/** Φ via the Numerical Recipes erfc Chebyshev fit (fractional error < 1.2e-7). */
export function referenceNormalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const polynomial =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const complementary = t * Math.exp(polynomial);
  return x >= 0 ? 1 - complementary / 2 : complementary / 2;
}

/** Regularized lower incomplete gamma P(a, x): series below a + 1, Lentz continued fraction above. */
export function regularizedLowerGamma(a: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = a * Math.log(x) - x - referenceLogGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return sum * Math.exp(logPrefix);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < 10_000; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 - Math.exp(logPrefix) * h;
}

/** log Γ by Stirling's series after shifting x above 10 (independent of the Lanczos code). */
export function referenceLogGamma(x: number): number {
  let shift = 0;
  let value = x;
  while (value < 10) {
    shift += Math.log(value);
    value += 1;
  }
  const inverse = 1 / value;
  const inverseSquared = inverse * inverse;
  const series =
    inverse *
    (1 / 12 - inverseSquared * (1 / 360 - inverseSquared * (1 / 1260 - inverseSquared / 1680)));
  return (value - 0.5) * Math.log(value) - value + 0.5 * Math.log(2 * Math.PI) + series - shift;
}

/** Composite Simpson integral of `f` over [from, to] with an even number of intervals. */
export function simpson(f: (x: number) => number, from: number, to: number, intervals: number) {
  const width = (to - from) / intervals;
  let sum = f(from) + f(to);
  for (let index = 1; index < intervals; index++) {
    sum += (index % 2 === 1 ? 4 : 2) * f(from + index * width);
  }
  return (sum * width) / 3;
}
