/** Property tests: any valid spec yields finite, non-negative samples and finite moments. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDistribution, type DistributionSpec, RandomStream } from "../../src/random/index.ts";
import { assertProperty } from "../support/property.ts";

const time = fc.double({ min: 0, max: 1e5, noNaN: true });
const positiveTime = fc.double({ min: 1e-3, max: 1e5, noNaN: true });

const validSpec: fc.Arbitrary<DistributionSpec> = fc.oneof(
  time.map((value) => ({ kind: "constant" as const, value })),
  time.map((mean) => ({ kind: "exponential" as const, mean })),
  fc.tuple(time, time).map(([a, b]) => ({
    kind: "uniform" as const,
    min: Math.min(a, b),
    max: Math.max(a, b),
  })),
  fc.tuple(time, time, time).map((values) => {
    const [min = 0, mode = 0, max = 0] = values.sort((a, b) => a - b);
    return { kind: "triangular" as const, min, mode, max };
  }),
  fc.tuple(time, time).map(([mean, sd]) => ({ kind: "normal" as const, mean, sd })),
  fc.tuple(positiveTime, time).map(([mean, sd]) => ({ kind: "lognormal" as const, mean, sd })),
  fc.tuple(positiveTime, time).map(([mean, sd]) => ({ kind: "gamma" as const, mean, sd })),
  fc.tuple(fc.integer({ min: 1, max: 50 }), time).map(([k, mean]) => ({
    kind: "erlang" as const,
    k,
    mean,
  })),
  fc.tuple(fc.double({ min: 0.05, max: 1000, noNaN: true }), time).map(([shape, scale]) => ({
    kind: "weibull" as const,
    shape,
    scale,
  })),
  fc.array(time, { minLength: 1, maxLength: 20 }).map((values) => ({
    kind: "empirical" as const,
    values,
  })),
);

describe("distribution properties", () => {
  it("samples are finite, ≥ 0 and never −0; moments are finite and ≥ 0", () => {
    assertProperty(
      fc.property(validSpec, fc.integer(), (spec, seed) => {
        const distribution = createDistribution(spec);
        expect(Number.isFinite(distribution.mean) && distribution.mean >= 0).toBe(true);
        expect(Number.isFinite(distribution.variance) && distribution.variance >= 0).toBe(true);
        const random = RandomStream.root(seed, 0).fork("property");
        for (let index = 0; index < 200; index++) {
          const value = distribution.sample(random);
          expect(Number.isFinite(value) && value >= 0 && !Object.is(value, -0)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("the same stream state gives the same sample", () => {
    assertProperty(
      fc.property(validSpec, fc.integer(), fc.string({ minLength: 1 }), (spec, seed, name) => {
        const distribution = createDistribution(spec);
        const first = RandomStream.root(seed, 0).fork(name);
        const second = RandomStream.root(seed, 0).fork(name);
        for (let index = 0; index < 20; index++) {
          expect(distribution.sample(first)).toBe(distribution.sample(second));
        }
      }),
    );
  });
});
