/**
 * Turns a `DistributionSpec` into a `Distribution`: validates parameters (times ≥ 0, finite)
 * and reduces degenerate cases (sd = 0, zero width, zero mean) to a constant, so the sampler
 * classes only ever see parameters their algorithms are valid for.
 */
import type { DistributionKind, DistributionSpecOf as SpecOf } from "../vocabulary/index.ts";
import {
  type Distribution,
  DistributionParameterError,
  type DistributionSpec,
} from "./distribution.ts";
import {
  ErlangDistribution,
  GammaDistribution,
  LognormalDistribution,
  TruncatedNormalDistribution,
  WeibullDistribution,
} from "./shaped-distributions.ts";
import {
  ConstantDistribution,
  EmpiricalDistribution,
  ExponentialDistribution,
  TriangularDistribution,
  UniformDistribution,
} from "./simple-distributions.ts";

/** One builder per distribution kind of the vocabulary: a kind without one does not compile. */
type Builders = {
  readonly [Kind in DistributionKind]: (spec: SpecOf<Kind>) => Distribution;
};

/**
 * Builds the sampler for `spec`.
 * @throws DistributionParameterError naming the kind and parameter when a parameter is out of
 * range: negative or non-finite times, min > mode > max, k not a positive integer, shape ≤ 0,
 * an empty empirical list, or sd > 0 with mean 0 for lognormal and gamma.
 */
export function createDistribution(spec: DistributionSpec): Distribution {
  const build = builders[spec.kind] as (spec: DistributionSpec) => Distribution;
  return build(spec);
}

const builders: Builders = {
  constant: (spec) => new ConstantDistribution(atLeastZero(spec.kind, "value", spec.value)),
  exponential: (spec) => {
    const mean = atLeastZero(spec.kind, "mean", spec.mean);
    return mean === 0 ? new ConstantDistribution(0) : new ExponentialDistribution(mean);
  },
  uniform: (spec) => {
    const min = atLeastZero(spec.kind, "min", spec.min);
    const max = atLeast(spec.kind, "max", spec.max, min, "min");
    return min === max ? new ConstantDistribution(min) : new UniformDistribution(min, max);
  },
  triangular: (spec) => {
    const min = atLeastZero(spec.kind, "min", spec.min);
    const mode = atLeast(spec.kind, "mode", spec.mode, min, "min");
    const max = atLeast(spec.kind, "max", spec.max, mode, "mode");
    return min === max ? new ConstantDistribution(min) : new TriangularDistribution(min, mode, max);
  },
  normal: (spec) => {
    const mean = atLeastZero(spec.kind, "mean", spec.mean);
    const sd = atLeastZero(spec.kind, "sd", spec.sd);
    return sd === 0 ? new ConstantDistribution(mean) : new TruncatedNormalDistribution(mean, sd);
  },
  lognormal: (spec) => byMeanAndSd(spec, (mean, sd) => new LognormalDistribution(mean, sd)),
  gamma: (spec) =>
    byMeanAndSd(spec, (mean, sd) =>
      // A coefficient of variation below ~1e-154 overflows the shape (mean/sd)²; to double
      // precision that distribution is the constant `mean`.
      Number.isFinite((mean / sd) ** 2)
        ? new GammaDistribution(mean, sd)
        : new ConstantDistribution(mean),
    ),
  erlang: (spec) => {
    if (!Number.isSafeInteger(spec.k) || spec.k < 1) {
      throw new DistributionParameterError(`erlang: k must be a positive integer (got ${spec.k})`);
    }
    const mean = atLeastZero(spec.kind, "mean", spec.mean);
    return mean === 0 ? new ConstantDistribution(0) : new ErlangDistribution(spec.k, mean);
  },
  weibull: (spec) => {
    if (!(spec.shape > 0 && Number.isFinite(spec.shape))) {
      throw new DistributionParameterError(`weibull: shape must be > 0 (got ${spec.shape})`);
    }
    const scale = atLeastZero(spec.kind, "scale", spec.scale);
    return scale === 0 ? new ConstantDistribution(0) : new WeibullDistribution(spec.shape, scale);
  },
  empirical: (spec) => {
    if (spec.values.length === 0) {
      throw new DistributionParameterError("empirical: values must not be empty");
    }
    for (const [index, value] of spec.values.entries()) {
      atLeastZero(spec.kind, `values[${index}]`, value);
    }
    return new EmpiricalDistribution(spec.values);
  },
};

/** Shared rules of lognormal and gamma: mean > 0 unless the distribution is degenerate. */
function byMeanAndSd(
  spec: SpecOf<"lognormal" | "gamma">,
  build: (mean: number, sd: number) => Distribution,
): Distribution {
  const mean = atLeastZero(spec.kind, "mean", spec.mean);
  const sd = atLeastZero(spec.kind, "sd", spec.sd);
  if (sd === 0) return new ConstantDistribution(mean);
  if (mean === 0) {
    throw new DistributionParameterError(`${spec.kind}: mean must be > 0 when sd > 0`);
  }
  if (!Number.isFinite((sd / mean) ** 2)) {
    throw new DistributionParameterError(`${spec.kind}: sd/mean is too large (${sd}/${mean})`);
  }
  return build(mean, sd);
}

function atLeastZero(kind: string, name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new DistributionParameterError(`${kind}: ${name} must be finite and ≥ 0 (got ${value})`);
  }
  return value;
}

function atLeast(kind: string, name: string, value: number, bound: number, boundName: string) {
  if (!(Number.isFinite(value) && value >= bound)) {
    throw new DistributionParameterError(
      `${kind}: ${name} must be finite and ≥ ${boundName} (got ${value} < ${bound})`,
    );
  }
  return value;
}
