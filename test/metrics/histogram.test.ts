import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HISTOGRAM_RELATIVE_ERROR, Histogram } from "../../src/metrics/histogram.ts";
import { assertProperty } from "../support/property.ts";

function exactQuantile(sorted: number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] as number;
}

describe("Histogram", () => {
  it("is empty at first", () => {
    const histogram = new Histogram();
    expect(histogram.count).toBe(0);
    expect(histogram.quantile(0.5)).toBeNaN();
    expect(histogram.mean).toBeNaN();
    expect(histogram.max).toBeNaN();
  });

  it("keeps exact count, sum, mean, min and max, and exact zeros", () => {
    const histogram = new Histogram();
    for (const value of [0, 0, 0, 1.5, 10]) histogram.record(value);
    expect(histogram.count).toBe(5);
    expect(histogram.sum).toBe(11.5);
    expect(histogram.mean).toBe(2.3);
    expect(histogram.min).toBe(0);
    expect(histogram.max).toBe(10);
    expect(histogram.quantile(0.6)).toBe(0);
    expect(histogram.quantile(1)).toBe(10);
  });

  it("reports every quantile within the stated relative error of the exact nearest-rank value", () => {
    assertProperty(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e6, noNaN: true })), {
          minLength: 1,
          maxLength: 400,
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, q) => {
          const histogram = new Histogram();
          for (const value of values) histogram.record(value);
          const exact = exactQuantile(
            [...values].sort((a, b) => a - b),
            q,
          );
          const reported = histogram.quantile(q);
          if (exact === 0) expect(reported).toBe(0);
          else
            expect(Math.abs(reported - exact) / exact).toBeLessThanOrEqual(
              HISTOGRAM_RELATIVE_ERROR * (1 + 1e-9),
            );
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });

  it("uses the same memory for a million values as for ten", () => {
    const small = new Histogram();
    const large = new Histogram();
    for (let i = 0; i < 10; i++) small.record(i);
    for (let i = 0; i < 1_000_000; i++) large.record(i % 5000);
    // Both hold the same fixed bucket array; the quantile of a uniform 0..4999 stream is known.
    expect(large.quantile(0.5)).toBeCloseTo(2499, -2);
    expect(Math.abs(large.quantile(0.9) - 4499) / 4499).toBeLessThan(HISTOGRAM_RELATIVE_ERROR);
  });
});
