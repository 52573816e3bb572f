/**
 * Goodness of fit of whole distributions, not only moments: the Kolmogorov–Smirnov distance
 * of a fixed-seed sample to the exact CDF stays below the α ≈ 0.001 critical value. The CDFs
 * come from test/random/statistics.ts, written independently of src/random.
 */
import { describe, expect, it } from "vitest";
import {
  createDistribution,
  type DistributionSpec,
  RandomStream,
  sampleExponential,
  sampleStandardNormal,
} from "../../src/random/index.ts";
import {
  draw,
  kolmogorovSmirnov,
  kolmogorovSmirnovCritical,
  referenceNormalCdf,
  regularizedLowerGamma,
} from "./statistics.ts";

const COUNT = 100_000;

const gammaCdf = (mean: number, sd: number) => {
  const shape = (mean / sd) ** 2;
  const scale = (sd * sd) / mean;
  return (x: number) => regularizedLowerGamma(shape, x / scale);
};

const fits: [DistributionSpec, (x: number) => number][] = [
  [{ kind: "exponential", mean: 30 }, (x) => 1 - Math.exp(-x / 30)],
  [{ kind: "uniform", min: 10, max: 50 }, (x) => Math.min(1, Math.max(0, (x - 10) / 40))],
  [
    { kind: "triangular", min: 10, mode: 20, max: 60 },
    (x) => (x < 20 ? (x - 10) ** 2 / (50 * 10) : 1 - (60 - x) ** 2 / (50 * 40)),
  ],
  [{ kind: "gamma", mean: 30, sd: 10 }, gammaCdf(30, 10)],
  [{ kind: "gamma", mean: 30, sd: 60 }, gammaCdf(30, 60)],
  [{ kind: "gamma", mean: 12, sd: 8 }, gammaCdf(12, 8)],
  [{ kind: "erlang", k: 3, mean: 30 }, (x) => regularizedLowerGamma(3, x / 10)],
  [{ kind: "weibull", shape: 1.5, scale: 30 }, (x) => 1 - Math.exp(-((x / 30) ** 1.5))],
  [
    { kind: "lognormal", mean: 30, sd: 45 },
    (x) => {
      const logVariance = Math.log(1 + (45 / 30) ** 2);
      const logMean = Math.log(30) - logVariance / 2;
      return referenceNormalCdf((Math.log(x) - logMean) / Math.sqrt(logVariance));
    },
  ],
  [
    { kind: "normal", mean: 5, sd: 10 },
    (x) => {
      const keptMass = 1 - referenceNormalCdf(-0.5);
      return (referenceNormalCdf((x - 5) / 10) - referenceNormalCdf(-0.5)) / keptMass;
    },
  ],
];

describe("Kolmogorov–Smirnov fits", () => {
  it.each(fits)("%j follows its CDF", (spec, cdf) => {
    const samples = draw(createDistribution(spec), COUNT, `ks:${JSON.stringify(spec)}`);
    expect(kolmogorovSmirnov(samples, cdf)).toBeLessThan(kolmogorovSmirnovCritical(COUNT));
  });

  it("the hot-path exponential helper follows Exp(mean)", () => {
    const random = RandomStream.root(11, 0).fork("hot-path-exponential");
    const samples = Float64Array.from({ length: COUNT }, () => sampleExponential(random, 4));
    expect(kolmogorovSmirnov(samples, (x) => 1 - Math.exp(-x / 4))).toBeLessThan(
      kolmogorovSmirnovCritical(COUNT),
    );
  });

  it("the standard normal helper follows N(0, 1)", () => {
    const random = RandomStream.root(11, 0).fork("standard-normal");
    const samples = Float64Array.from({ length: COUNT }, () => sampleStandardNormal(random));
    expect(kolmogorovSmirnov(samples, referenceNormalCdf)).toBeLessThan(
      kolmogorovSmirnovCritical(COUNT),
    );
  });
});
