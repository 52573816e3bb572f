/**
 * One interval's calibrated step: theory's curve shifted along the count axis through the
 * measurement, read where it crosses the target. Curves with closed forms, so every expected
 * count below is worked out by hand from the formula, for targets above and below, on the mean
 * and on the interval's lower bound.
 */
import { describe, expect, it } from "vitest";
import { calibratedCount } from "../../src/planning/curve-calibration.ts";

/** A service level that rises from 0 past `load` agents: 1 − e^{−(c − load)/3}. */
const serviceLevel =
  (load: number) =>
  (count: number): number =>
    count <= load ? 0 : 1 - Math.exp(-(count - load) / 3);
/** A mean wait that falls as agents are added: 300 / (c − load) seconds, none at or below. */
const waitMean =
  (load: number) =>
  (count: number): number | undefined =>
    count <= load ? undefined : 300 / (count - load);

const BOUNDS = { min: 0, max: 100 };
const SL_TARGET = { operator: ">=", value: 0.8 } as const;

describe("calibratedCount", () => {
  it("recovers a simulation that behaves like theory with two agents fewer", () => {
    // Measured at 15 what theory gives at 13: the curve shifts by −2. Theory meets 0.8 from
    // 10 + 3·ln 5 = 14.83, so 15 agents; shifted, 17.
    const estimate = { mean: serviceLevel(10)(13), halfWidth: 0.05 };
    expect(calibratedCount(SL_TARGET, estimate, "mean", 15, serviceLevel(10), BOUNDS)).toBe(17);
    // On the lower bound the mean must reach 0.85: 10 + 3·ln(1/0.15) = 15.69 → 16, shifted 18.
    expect(calibratedCount(SL_TARGET, estimate, "interval", 15, serviceLevel(10), BOUNDS)).toBe(18);
  });

  it("steps down by several agents when the measurement has a large margin", () => {
    // Measured at 30 what theory gives at 33: theory's 15 becomes 12.
    const estimate = { mean: serviceLevel(10)(33), halfWidth: 0.01 };
    expect(calibratedCount(SL_TARGET, estimate, "mean", 30, serviceLevel(10), BOUNDS)).toBe(12);
  });

  it("reads a target the metric must stay below on a falling curve", () => {
    // Wait 300/(c − 10) ≤ 30 from 20 agents. Measured at 15 what theory gives at 17: 18 agents.
    const target = { operator: "<=", value: 30 } as const;
    const estimate = { mean: 300 / 7, halfWidth: 5 };
    expect(calibratedCount(target, estimate, "mean", 15, waitMean(10), BOUNDS)).toBe(18);
    // The upper bound must stay under 30: the mean under 25, theory's 22 agents, shifted 20.
    expect(calibratedCount(target, estimate, "interval", 15, waitMean(10), BOUNDS)).toBe(20);
  });

  it("interpolates a shift that is not a whole number of agents", () => {
    // Measured at 15 what theory gives at 14.5 (the straight line between 14 and 15): theory
    // meets from 14.83, so 15.33 after the shift, 16 agents.
    const curve = serviceLevel(10);
    const halfway = (curve(14) + curve(15)) / 2;
    expect(
      calibratedCount(SL_TARGET, { mean: halfway, halfWidth: null }, "mean", 15, curve, BOUNDS),
    ).toBe(16);
  });

  it("stays within the bounds", () => {
    const estimate = { mean: serviceLevel(10)(13), halfWidth: 0.05 };
    // The shifted curve meets 0.8 from 17 agents: with at most 16, it says nothing.
    expect(
      calibratedCount(SL_TARGET, estimate, "mean", 15, serviceLevel(10), { min: 0, max: 17 }),
    ).toBe(17);
    expect(
      calibratedCount(SL_TARGET, estimate, "mean", 15, serviceLevel(10), { min: 0, max: 16 }),
    ).toBe(undefined);
    const generous = { mean: serviceLevel(10)(40), halfWidth: 0 };
    const floor = { min: 25, max: 100 };
    expect(calibratedCount(SL_TARGET, generous, "mean", 30, serviceLevel(10), floor)).toBe(25);
  });

  it("gives nothing when the measurement lies beyond the curve or is undefined", () => {
    const curve = serviceLevel(10);
    // A lower bound that must clear 0.8 with a half-width of 0.25: a mean of 1.05, never reached.
    expect(
      calibratedCount(SL_TARGET, { mean: 0.85, halfWidth: 0.25 }, "interval", 15, curve, BOUNDS),
    ).toBe(undefined);
    // A service level of 1 is never reached by 1 − e^{−x}: no shift passes through it.
    expect(calibratedCount(SL_TARGET, { mean: 1, halfWidth: 0 }, "mean", 15, curve, BOUNDS)).toBe(
      undefined,
    );
    expect(
      calibratedCount(SL_TARGET, { mean: Number.NaN, halfWidth: null }, "mean", 15, curve, BOUNDS),
    ).toBe(undefined);
    // Theory silent at the measured count (an unstable queue).
    const target = { operator: "<=", value: 30 } as const;
    expect(
      calibratedCount(target, { mean: 50, halfWidth: 1 }, "mean", 8, waitMean(10), BOUNDS),
    ).toBe(undefined);
  });
});
