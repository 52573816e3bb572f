import { describe, expect, it } from "vitest";
import {
  COMPARED_METRIC_NAMES,
  METRIC_DIRECTIONS,
  pairedDifference,
  verdictOf,
} from "../../src/comparison/index.ts";
import { studentTQuantile } from "../../src/metrics/confidence.ts";
import { estimate, METRIC_NAMES } from "../../src/metrics/index.ts";
import { RandomStream } from "../../src/random/index.ts";

const LEVEL = { confidence: 0.95, comparisons: 1 };

/** n replications of a noisy level shared by both variants (common random numbers). */
function commonNoise(seed: number, n: number, spread: number): number[] {
  const random = RandomStream.root(seed, 0).fork("test:noise");
  return Array.from({ length: n }, () => 0.8 + spread * (random.next() - 0.5));
}

describe("pairedDifference", () => {
  it("calls the same values identical, with a zero difference", () => {
    const values = commonNoise(1, 10, 0.2);
    const difference = pairedDifference(values, [...values], LEVEL);
    expect(difference).toMatchObject({
      pairs: 10,
      leftOut: 0,
      meanDifference: 0,
      halfWidth: 0,
      identical: true,
      significant: false,
    });
    expect(verdictOf(difference, "higherIsBetter")).toBe("identical");
  });

  it("is the Student-t interval of the per-replication differences", () => {
    const baseline = commonNoise(2, 12, 0.3);
    const shift = commonNoise(3, 12, 0.01).map((value) => value - 0.8 + 0.004);
    const variant = baseline.map((value, index) => value + (shift[index] as number));
    const difference = pairedDifference(baseline, variant, LEVEL);
    const direct = estimate(shift);
    expect(difference.meanDifference).toBeCloseTo(direct.mean, 12);
    expect(difference.halfWidth).toBeCloseTo(direct.halfWidth as number, 12);
  });

  it("detects a small shift under large common noise that independent intervals would miss", () => {
    const baseline = commonNoise(4, 10, 0.4);
    const variant = baseline.map((value, index) => value - 0.01 + 0.002 * ((index % 3) - 1));
    const difference = pairedDifference(baseline, variant, LEVEL);
    expect(difference.significant).toBe(true);
    expect(verdictOf(difference, "higherIsBetter")).toBe("worse");
    expect(verdictOf(difference, "lowerIsBetter")).toBe("better");
    expect(verdictOf(difference, "neutral")).toBe("changed");
    // Unpaired, the two 95% intervals overlap widely.
    const before = estimate(baseline);
    const after = estimate(variant);
    expect(Math.abs(before.mean - after.mean)).toBeLessThan(before.halfWidth as number);
  });

  it("says no detectable difference, with the smallest it could have detected, for pure noise", () => {
    // Differences that cancel out (±a in pairs): some spread, no shift.
    const baseline = commonNoise(5, 10, 0.2);
    const swings = commonNoise(6, 5, 0.02).map((value) => value - 0.8);
    const variant = baseline.map(
      (value, index) => value + (index % 2 === 0 ? 1 : -1) * (swings[index >> 1] as number),
    );
    const difference = pairedDifference(baseline, variant, LEVEL);
    expect(Math.abs(difference.meanDifference)).toBeLessThan(1e-12);
    expect(difference.halfWidth).toBeGreaterThan(0);
    expect(difference.significant).toBe(false);
    expect(verdictOf(difference, "higherIsBetter")).toBe("no detectable difference");
    // 80% power needs a larger difference than the half-width (50% power).
    expect(difference.smallestDetectable).toBeGreaterThan(difference.halfWidth as number);
  });

  it("widens every interval by Bonferroni when several differences are judged at once", () => {
    const baseline = commonNoise(7, 10, 0.2);
    const variant = commonNoise(8, 10, 0.2);
    const one = pairedDifference(baseline, variant, LEVEL);
    const twenty = pairedDifference(baseline, variant, { confidence: 0.95, comparisons: 20 });
    const ratio = (twenty.halfWidth as number) / (one.halfWidth as number);
    expect(ratio).toBeCloseTo(studentTQuantile(1 - 0.05 / 40, 9) / studentTQuantile(0.975, 9), 10);
    expect(ratio).toBeGreaterThan(1);
  });

  it("leaves out and counts replications where the metric is undefined on either side", () => {
    const difference = pairedDifference(
      [1, Number.NaN, 3, 4, Number.NaN],
      [2, 2, Number.NaN, 5, Number.NaN],
      LEVEL,
    );
    expect(difference).toMatchObject({ pairs: 2, leftOut: 3, meanDifference: 1 });
    // The same shift in both pairs: no spread, so the difference is certain.
    expect(difference.significant).toBe(true);
    expect(difference.identical).toBe(false);
  });

  it("has no interval with fewer than two pairs, and refuses unpaired input", () => {
    const difference = pairedDifference([1], [2], LEVEL);
    expect(difference).toMatchObject({ pairs: 1, halfWidth: null, significant: false });
    expect(verdictOf(difference, "neutral")).toBe("no detectable difference");
    expect(() => pairedDifference([1, 2], [1], LEVEL)).toThrow(RangeError);
    expect(() => pairedDifference([1], [1], { confidence: 1, comparisons: 1 })).toThrow(RangeError);
  });
});

describe("METRIC_DIRECTIONS", () => {
  it("gives every compared metric a direction, with the service level up and waits down", () => {
    expect(Object.keys(METRIC_DIRECTIONS).sort()).toEqual([...COMPARED_METRIC_NAMES].sort());
    expect(COMPARED_METRIC_NAMES).toEqual(expect.arrayContaining([...METRIC_NAMES]));
    expect(METRIC_DIRECTIONS.jobsHandledSpread).toBe("lowerIsBetter");
    expect(METRIC_DIRECTIONS.serviceLevel).toBe("higherIsBetter");
    expect(METRIC_DIRECTIONS.waitMean).toBe("lowerIsBetter");
    expect(METRIC_DIRECTIONS.abandonmentRate).toBe("lowerIsBetter");
    expect(METRIC_DIRECTIONS.offersIssued).toBe("neutral");
  });
});
