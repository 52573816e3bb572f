/**
 * The console's numbers: decimals from the half-width (two significant digits), units, signs,
 * no `-0`, and confidences that never round up to 100%.
 */
import { describe, expect, it } from "vitest";
import {
  confidenceText,
  decimalsFor,
  differenceText,
  estimateText,
} from "../../../src/report/compare/console-numbers.ts";

describe("console numbers", () => {
  it("show the smallest half-width with two significant digits, in the printed unit", () => {
    expect(decimalsFor([0.012], "share")).toBe(1); // 1.2%
    expect(decimalsFor([0.0052, 0.02], "share")).toBe(2); // 0.52 pp
    expect(decimalsFor([12], "seconds")).toBe(0);
    expect(decimalsFor([0.00001], "count")).toBe(3); // capped
    expect(decimalsFor([null, 0, 1e-17], "share")).toBe(1); // nothing to go by
  });

  it("print estimates and differences in their unit, signed, never -0", () => {
    expect(estimateText({ mean: 0.8123, halfWidth: 0.0121 }, "share", 1)).toBe("81.2% ± 1.2%");
    expect(estimateText({ mean: 12.34, halfWidth: null }, "seconds", 1)).toBe("12.3 s");
    expect(estimateText({ mean: Number.NaN, halfWidth: null }, "count", 1)).toBe("-");
    expect(differenceText(-0.022, 0.005, "share", 1)).toBe("-2.2 ± 0.5 pp");
    expect(differenceText(1.25, 0.4, "seconds", 2)).toBe("+1.25 ± 0.40 s");
    expect(differenceText(-0.0001, null, "count", 1)).toBe("0.0");
    expect(differenceText(Number.NaN, null, "share", 1)).toBe("-");
  });

  it("print a confidence with as few decimals as keep it below 100%", () => {
    expect(confidenceText(0.95)).toBe("95%");
    expect(confidenceText(1 - 0.05 / 16)).toBe("99.69%");
    expect(confidenceText(1 - 0.05 / 2)).toBe("97.5%");
    expect(confidenceText(1 - 0.05 / 1000)).toBe("99.995%");
  });
});
