/**
 * Allocation-free samplers for the hot path and for the distribution classes: exponential,
 * standard normal and unit-scale gamma. Each draws from the stream it is given and keeps no
 * state between calls, so two samplers sharing a stream stay deterministic in call order.
 */
import type { RandomStream } from "./random-stream.ts";

/**
 * Exp(1) variate by inversion, using 1 − u ∈ (0, 1] so u = 0 cannot reach log(0).
 * `0 − log(…)` rather than unary minus so that u = 0 yields +0, never −0.
 */
export function sampleStandardExponential(random: RandomStream): number {
  return 0 - Math.log(1 - random.next());
}

/** Exponential variate with the given mean (seconds in, seconds out); one uniform. */
export function sampleExponential(random: RandomStream, meanSeconds: number): number {
  return meanSeconds * (0 - Math.log(1 - random.next()));
}

/**
 * N(0, 1) variate by Box–Muller, exact, two uniforms per call. The second value of the pair is
 * deliberately discarded: caching it would tie one caller's draws to another's (or to another
 * stream's) and make results depend on interleaving.
 */
export function sampleStandardNormal(random: RandomStream): number {
  const radius = Math.sqrt(-2 * Math.log(1 - random.next()));
  return radius * Math.cos(2 * Math.PI * random.next());
}

/**
 * Gamma(shape, 1) variate by Marsaglia–Tsang (ACM TOMS 26(3), 2000), shape > 0. For
 * shape < 1 it samples Gamma(shape + 1) and multiplies by U^(1/shape), the authors' boost,
 * since the squeeze method itself needs shape ≥ 1.
 */
export function sampleUnitGamma(random: RandomStream, shape: number): number {
  if (shape < 1) {
    const boost = (1 - random.next()) ** (1 / shape);
    return sampleUnitGammaAtLeastOne(random, shape + 1) * boost;
  }
  return sampleUnitGammaAtLeastOne(random, shape);
}

function sampleUnitGammaAtLeastOne(random: RandomStream, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const normal = sampleStandardNormal(random);
    const base = 1 + c * normal;
    if (base <= 0) continue;
    const v = base * base * base;
    const u = random.next();
    const squared = normal * normal;
    // Cheap squeeze first; the log test is the exact acceptance condition.
    if (u < 1 - 0.0331 * squared * squared) return d * v;
    if (Math.log(u) < 0.5 * squared + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Sum of `phases` Exp(1) variates, as −log of a product of uniforms: one log per ~600 phases
 * instead of one per phase. The product is folded into a log sum before it can underflow
 * (each factor is ≥ 2⁻³², so 1e-280 leaves ample room above the subnormal range).
 */
export function sampleStandardErlang(random: RandomStream, phases: number): number {
  let logSum = 0;
  let product = 1;
  for (let phase = 0; phase < phases; phase++) {
    product *= 1 - random.next();
    if (product < 1e-280) {
      logSum += Math.log(product);
      product = 1;
    }
  }
  return 0 - (logSum + Math.log(product));
}
