import { describe, expect, it } from "vitest";
import { estimate, studentTCdf, studentTQuantile } from "../../src/metrics/confidence.ts";

describe("Student-t quantiles", () => {
  // Published two-sided 95% critical values t_{0.975, df}.
  const table: Array<[number, number]> = [
    [1, 12.706204736],
    [2, 4.30265273],
    [4, 2.776445105],
    [9, 2.262157163],
    [19, 2.093024054],
    [29, 2.045229642],
    [99, 1.984216952],
    [1000, 1.962339081],
  ];
  it.each(table)("t(0.975, %i) = %f", (degreesOfFreedom, expected) => {
    expect(studentTQuantile(0.975, degreesOfFreedom)).toBeCloseTo(expected, 8);
  });

  it("is symmetric and inverts the CDF", () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 12);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    for (const p of [0.6, 0.9, 0.99, 0.999]) {
      expect(studentTCdf(studentTQuantile(p, 5), 5)).toBeCloseTo(p, 12);
    }
  });

  it("rejects probabilities outside (0, 1)", () => {
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
  });
});

describe("estimate", () => {
  it("gives the mean and the t half-width", () => {
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    const result = estimate(values);
    expect(result.mean).toBe(5);
    const sd = Math.sqrt(32 / 7);
    expect(result.halfWidth).toBeCloseTo((2.364624252 * sd) / Math.sqrt(8), 8);
  });

  it("has no half-width with one replication and skips undefined values", () => {
    expect(estimate([3])).toEqual({ mean: 3, halfWidth: null });
    expect(estimate([Number.NaN, 3])).toEqual({ mean: 3, halfWidth: null });
    expect(estimate([]).mean).toBeNaN();
  });

  it("covers the true mean about 95% of the time", () => {
    // Normal samples from a fixed LCG + Box–Muller: 2,000 intervals of 10 values each.
    let state = 12345;
    const uniform = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state + 0.5) / 4294967296;
    };
    const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    let covered = 0;
    const trials = 2000;
    for (let trial = 0; trial < trials; trial++) {
      const values = Array.from({ length: 10 }, () => 3 + normal());
      const { mean, halfWidth } = estimate(values);
      if (Math.abs(mean - 3) <= (halfWidth as number)) covered++;
    }
    // Binomial(2000, 0.95): sd ≈ 0.0049; allow 4 sd.
    expect(Math.abs(covered / trials - 0.95)).toBeLessThan(4 * Math.sqrt((0.95 * 0.05) / trials));
  });
});
