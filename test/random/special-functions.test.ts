/** logGamma and the normal CDF against values known to 16 digits and against identities. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  gamma,
  logGamma,
  standardNormalCdf,
  standardNormalDensity,
} from "../../src/random/index.ts";
import { assertProperty } from "../support/property.ts";
import { referenceLogGamma } from "./statistics.ts";

describe("logGamma", () => {
  it.each([
    [1, 0],
    [2, 0],
    [0.5, 0.5 * Math.log(Math.PI)],
    [1.5, Math.log(Math.sqrt(Math.PI) / 2)],
    [5, Math.log(24)],
    [10, Math.log(362880)],
    [1 / 3, Math.log(2.6789385347077475)],
    [100, 359.1342053695754],
  ])("logGamma(%d) = %d", (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThan(1e-13 * Math.max(1, Math.abs(expected)));
  });

  it("is NaN outside its domain", () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1)).toBeNaN();
  });

  it("satisfies Γ(x + 1) = x·Γ(x)", () => {
    assertProperty(
      fc.property(fc.double({ min: 1e-6, max: 150, noNaN: true }), (x) => {
        const difference = logGamma(x + 1) - logGamma(x) - Math.log(x);
        expect(Math.abs(difference)).toBeLessThan(1e-12 * Math.max(1, Math.abs(logGamma(x))));
      }),
    );
  });

  it("agrees with an independent Stirling-series evaluation", () => {
    assertProperty(
      fc.property(fc.double({ min: 0.01, max: 500, noNaN: true }), (x) => {
        const expected = referenceLogGamma(x);
        expect(Math.abs(logGamma(x) - expected)).toBeLessThan(
          1e-10 * Math.max(1, Math.abs(expected)),
        );
      }),
    );
  });

  it("gamma(n) = (n − 1)!", () => {
    expect(gamma(7)).toBeCloseTo(720, 9);
  });
});

describe("standardNormalCdf", () => {
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [1.96, 0.9750021048517795],
    [3, 0.9986501019683699],
    [-2, 0.022750131948179195],
    [5, 0.9999997133484281],
    [-10.5, 0],
    [12, 1],
  ])("Φ(%d) = %d", (x, expected) => {
    expect(Math.abs(standardNormalCdf(x) - expected)).toBeLessThan(1e-15);
  });

  it("density is the derivative of the CDF", () => {
    for (const x of [-3, -1, 0, 0.5, 2, 4]) {
      const step = 1e-5;
      const derivative = (standardNormalCdf(x + step) - standardNormalCdf(x - step)) / (2 * step);
      expect(Math.abs(derivative - standardNormalDensity(x))).toBeLessThan(1e-9);
    }
  });
});
