/**
 * Every distribution kind: the analytic `mean`/`variance` properties against textbook
 * formulas computed here, and sample moments against them with tolerances derived from n.
 */
import { describe, expect, it } from "vitest";
import {
  createDistribution,
  DistributionParameterError,
  type DistributionSpec,
  RandomStream,
} from "../../src/random/index.ts";
import { draw, expectMoments, simpson } from "./statistics.ts";

const SAMPLE_COUNT = 200_000;

/** Γ values known in closed form or to 16 digits, so the check is independent of logGamma. */
const GAMMA_FIVE_THIRDS = 0.9027452929509336;
const GAMMA_SEVEN_THIRDS = (4 / 3) * 0.8929795115692492;

interface Case {
  spec: DistributionSpec;
  mean: number;
  variance: number;
  /** Fewer samples where one sample costs many uniforms. */
  sampleCount?: number;
}

const cases: Case[] = [
  { spec: { kind: "exponential", mean: 30 }, mean: 30, variance: 900 },
  { spec: { kind: "uniform", min: 10, max: 50 }, mean: 30, variance: 1600 / 12 },
  { spec: { kind: "triangular", min: 10, mode: 20, max: 60 }, mean: 30, variance: 2100 / 18 },
  { spec: { kind: "triangular", min: 0, mode: 0, max: 90 }, mean: 30, variance: 8100 / 18 },
  { spec: { kind: "lognormal", mean: 30, sd: 45 }, mean: 30, variance: 2025 },
  { spec: { kind: "lognormal", mean: 180, sd: 20 }, mean: 180, variance: 400 },
  { spec: { kind: "gamma", mean: 30, sd: 10 }, mean: 30, variance: 100 },
  { spec: { kind: "gamma", mean: 30, sd: 30 }, mean: 30, variance: 900 },
  { spec: { kind: "gamma", mean: 30, sd: 60 }, mean: 30, variance: 3600 },
  { spec: { kind: "erlang", k: 3, mean: 30 }, mean: 30, variance: 300 },
  // k = 1000 crosses the product-underflow fold in the Erlang sampler.
  { spec: { kind: "erlang", k: 1000, mean: 30 }, mean: 30, variance: 0.9, sampleCount: 20_000 },
  {
    spec: { kind: "weibull", shape: 1.5, scale: 30 },
    mean: 30 * GAMMA_FIVE_THIRDS,
    variance: 900 * (GAMMA_SEVEN_THIRDS - GAMMA_FIVE_THIRDS ** 2),
  },
  { spec: { kind: "weibull", shape: 0.5, scale: 10 }, mean: 20, variance: 100 * (24 - 4) },
  {
    spec: { kind: "weibull", shape: 2, scale: 10 },
    mean: 5 * Math.sqrt(Math.PI),
    variance: 100 * (1 - Math.PI / 4),
  },
  { spec: { kind: "empirical", values: [10, 20, 20, 70] }, mean: 30, variance: 550 },
  ...[
    [30, 10],
    [5, 10],
    [0, 10],
  ].map(([location = 0, scale = 0]) => truncatedNormalCase(location, scale)),
];

/** Truncated-normal moments by numerical integration, independent of the Mills-ratio code. */
function truncatedNormalCase(location: number, scale: number): Case {
  const density = (x: number) => Math.exp(-0.5 * ((x - location) / scale) ** 2);
  const upper = location + 14 * scale;
  const mass = simpson(density, 0, upper, 200_000);
  const mean = simpson((x) => x * density(x), 0, upper, 200_000) / mass;
  const secondMoment = simpson((x) => x * x * density(x), 0, upper, 200_000) / mass;
  return {
    spec: { kind: "normal", mean: location, sd: scale },
    mean,
    variance: secondMoment - mean ** 2,
  };
}

describe("distributions: analytic moments", () => {
  it.each(cases)(
    "$spec.kind $spec has the textbook mean and variance",
    ({ spec, mean, variance }) => {
      const distribution = createDistribution(spec);
      expect(distribution.mean).toBeCloseTo(mean, 9);
      expect(Math.abs(distribution.variance - variance)).toBeLessThanOrEqual(1e-9 * variance);
    },
  );
});

describe("distributions: sample moments", () => {
  it.each(cases)("$spec.kind $spec samples match mean and variance", (testCase) => {
    const { spec, mean, variance, sampleCount = SAMPLE_COUNT } = testCase;
    const samples = draw(createDistribution(spec), sampleCount, `moments:${JSON.stringify(spec)}`);
    expectMoments(samples, mean, variance);
  });
});

describe("distributions: degenerate parameters reduce to a constant", () => {
  const degenerate: [DistributionSpec, number][] = [
    [{ kind: "constant", value: 42 }, 42],
    [{ kind: "exponential", mean: 0 }, 0],
    [{ kind: "uniform", min: 7, max: 7 }, 7],
    [{ kind: "triangular", min: 3, mode: 3, max: 3 }, 3],
    [{ kind: "normal", mean: 12, sd: 0 }, 12],
    [{ kind: "lognormal", mean: 12, sd: 0 }, 12],
    [{ kind: "gamma", mean: 12, sd: 0 }, 12],
    [{ kind: "erlang", k: 4, mean: 0 }, 0],
    [{ kind: "weibull", shape: 2, scale: 0 }, 0],
    [{ kind: "empirical", values: [5, 5, 5] }, 5],
  ];
  it.each(degenerate)("%j always returns %d", (spec, value) => {
    const distribution = createDistribution(spec);
    const random = RandomStream.root(1, 0).fork("degenerate");
    for (let index = 0; index < 100; index++) expect(distribution.sample(random)).toBe(value);
    expect(distribution.mean).toBe(value);
    expect(distribution.variance).toBe(0);
  });
});

describe("distributions: parameter validation", () => {
  const invalid: DistributionSpec[] = [
    { kind: "constant", value: -1 },
    { kind: "constant", value: Number.NaN },
    { kind: "exponential", mean: -5 },
    { kind: "exponential", mean: Number.POSITIVE_INFINITY },
    { kind: "uniform", min: 10, max: 5 },
    { kind: "uniform", min: -1, max: 5 },
    { kind: "triangular", min: 1, mode: 0.5, max: 5 },
    { kind: "triangular", min: 1, mode: 6, max: 5 },
    { kind: "normal", mean: -1, sd: 1 },
    { kind: "normal", mean: 1, sd: -1 },
    { kind: "lognormal", mean: 0, sd: 1 },
    { kind: "gamma", mean: 0, sd: 1 },
    { kind: "gamma", mean: 10, sd: -1 },
    { kind: "erlang", k: 0, mean: 10 },
    { kind: "erlang", k: 2.5, mean: 10 },
    { kind: "weibull", shape: 0, scale: 10 },
    { kind: "weibull", shape: 2, scale: -1 },
    { kind: "empirical", values: [] },
    { kind: "empirical", values: [1, -2] },
  ];
  it.each(invalid)("rejects %j", (spec) => {
    expect(() => createDistribution(spec)).toThrow(DistributionParameterError);
  });

  it("names the kind and parameter in the message", () => {
    expect(() => createDistribution({ kind: "gamma", mean: 10, sd: -1 })).toThrow(/gamma: sd/);
  });
});

describe("distributions: stateless sampling", () => {
  it("one distribution shared by two streams gives each stream its own sequence", () => {
    const distribution = createDistribution({ kind: "normal", mean: 30, sd: 10 });
    const root = RandomStream.root(5, 0);
    const alone = root.fork("a");
    const expected = Array.from({ length: 50 }, () => distribution.sample(alone));
    const interleavedA = root.fork("a");
    const interleavedB = root.fork("b");
    const actual = Array.from({ length: 50 }, () => {
      distribution.sample(interleavedB);
      return distribution.sample(interleavedA);
    });
    expect(actual).toEqual(expected);
  });
});

describe("distributions: numerical edge cases", () => {
  it("a triangular on a tiny support stays inside it", () => {
    const max = 6.878689442163026e-162;
    const distribution = createDistribution({ kind: "triangular", min: 0, mode: 0, max });
    const random = RandomStream.root(0, 0).fork("tiny-triangle");
    for (let index = 0; index < 1000; index++) {
      const value = distribution.sample(random);
      expect(value >= 0 && value <= max).toBe(true);
    }
  });

  it("a gamma whose shape (mean/sd)² overflows is the constant mean", () => {
    const distribution = createDistribution({ kind: "gamma", mean: 1e-3, sd: 5e-324 });
    expect(distribution.sample(RandomStream.root(0, 0))).toBe(1e-3);
  });

  it("rejects lognormal and gamma whose (sd/mean)² overflows", () => {
    for (const kind of ["lognormal", "gamma"] as const) {
      expect(() => createDistribution({ kind, mean: 5e-324, sd: 1e-100 })).toThrow(
        DistributionParameterError,
      );
    }
  });

  it("a weibull with small shape and tiny scale keeps finite moments", () => {
    // mean = scale·100!, variance = scale²·(200! − (100!)²); 200! alone overflows a double.
    const distribution = createDistribution({ kind: "weibull", shape: 0.01, scale: 1e-200 });
    const factorial100 = 9.332621544394415e157;
    const factorial200TimesScaleSquared = 7.886578673647905e-26; // 200! · 1e-400, exact rational
    expect(Math.abs(distribution.mean / (1e-200 * factorial100) - 1)).toBeLessThan(1e-10);
    const expectedVariance = factorial200TimesScaleSquared - (1e-200 * factorial100) ** 2;
    expect(Math.abs(distribution.variance / expectedVariance - 1)).toBeLessThan(1e-10);
  });
});
