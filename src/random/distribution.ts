/**
 * The distribution contract. The spec union a scenario produces is declared once in
 * `vocabulary/` and re-exported here. A `Distribution` is immutable and stateless: `sample`
 * draws only from the stream it is handed, so one distribution can serve many streams. Every
 * sample of a valid spec is a finite number ≥ 0.
 */
import type { DistributionSpec } from "../vocabulary/index.ts";
import type { RandomStream } from "./random-stream.ts";

export type { DistributionSpec };

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
