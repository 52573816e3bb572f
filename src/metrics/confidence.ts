/**
 * Confidence intervals over independent replications: the mean and the half-width of the
 * two-sided Student-t interval, t_{1−α/2, n−1} · s / √n. The t quantile is computed, not looked
 * up: the t CDF through the regularized incomplete beta function (Lentz's continued fraction),
 * inverted by bisection to full double precision. Pure functions, no state.
 */
import { logGamma } from "../random/special-functions.ts";

/** Mean and 95% half-width of one metric over replications (`halfWidth` null when n < 2). */
export interface Estimate {
  mean: number;
  halfWidth: number | null;
}

/**
 * The mean of the finite values and the half-width of their two-sided Student-t interval at
 * `confidence` (default 0.95). NaN values (a metric undefined in a replication, such as the mean
 * wait when no job was answered) are left out; with none left the mean is NaN.
 */
export function estimate(values: readonly number[], confidence = 0.95): Estimate {
  const finite = values.filter((value) => Number.isFinite(value));
  const n = finite.length;
  if (n === 0) return { mean: Number.NaN, halfWidth: null };
  const mean = finite.reduce((sum, value) => sum + value, 0) / n;
  if (n < 2) return { mean, halfWidth: null };
  const variance = finite.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  const t = studentTQuantile(1 - (1 - confidence) / 2, n - 1);
  return { mean, halfWidth: t * Math.sqrt(variance / n) };
}

/** The p-quantile of Student's t distribution with `degreesOfFreedom` > 0. */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, degreesOfFreedom);
  let low = 0;
  let high = 1;
  while (studentTCdf(high, degreesOfFreedom) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-15 * high; i++) {
    const middle = (low + high) / 2;
    if (studentTCdf(middle, degreesOfFreedom) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** P(T ≤ t) for Student's t with `degreesOfFreedom` > 0. */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  const x = degreesOfFreedom / (degreesOfFreedom + t * t);
  const tail = 0.5 * regularizedIncompleteBeta(x, degreesOfFreedom / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** I_x(a, b), by the continued fraction on whichever side converges fast. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront =
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let result = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    const evenTerm = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + evenTerm * d;
    c = 1 + evenTerm / c;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = Math.abs(c) < tiny ? tiny : c;
    result *= d * c;
    const oddTerm = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + oddTerm * d;
    c = 1 + oddTerm / c;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = Math.abs(c) < tiny ? tiny : c;
    const step = d * c;
    result *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return result;
}
