/**
 * The distribution contract and the spec union the scenario layer produces (times in seconds).
 * A `Distribution` is immutable and stateless: `sample` draws only from the stream it is
 * handed, so one distribution can serve many streams. Every sample of a valid spec is a
 * finite number ≥ 0.
 */
import type { RandomStream } from "./random-stream.ts";

/** A distribution as written in a scenario, after durations are converted to seconds. */
export type DistributionSpec =
  | { kind: "constant"; value: number }
  | { kind: "exponential"; mean: number }
  | { kind: "uniform"; min: number; max: number }
  | { kind: "triangular"; min: number; mode: number; max: number }
  | { kind: "normal"; mean: number; sd: number }
  | { kind: "lognormal"; mean: number; sd: number }
  | { kind: "gamma"; mean: number; sd: number }
  | { kind: "erlang"; k: number; mean: number }
  | { kind: "weibull"; shape: number; scale: number }
  | { kind: "empirical"; values: number[] };

/** A sampler with its analytic moments. */
export interface Distribution {
  /** Analytic mean of what `sample` returns (after any truncation). */
  readonly mean: number;
  /** Analytic variance of what `sample` returns (after any truncation). */
  readonly variance: number;
  /** One variate, drawing from `random` only. */
  sample(random: RandomStream): number;
}

/** Thrown by `createDistribution` for parameters outside the documented domain. */
export class DistributionParameterError extends RangeError {
  override name = "DistributionParameterError";
}
