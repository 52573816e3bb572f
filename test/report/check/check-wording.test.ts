import { describe, expect, it } from "vitest";
import {
  CHECK_VERDICTS,
  confidenceText,
  estimateText,
  levelText,
} from "../../../src/report/check/check-wording.ts";
import { result } from "./fixtures.ts";

describe("check wording", () => {
  it("lists the verdicts quiet ones first, failing ones last", () => {
    expect(CHECK_VERDICTS).toEqual([
      "identical",
      "unchanged",
      "within tolerance",
      "inconclusive",
      "better",
      "worse",
      "changed",
      "missing",
    ]);
  });

  it("writes a confidence with enough decimals never to round up to 100%", () => {
    expect(confidenceText(0.95)).toBe("95%");
    expect(confidenceText(0.99)).toBe("99%");
    expect(confidenceText(1 - 0.05 / 222)).toBe("99.977%");
    expect(confidenceText(1 - 0.05 / 2)).toBe("97.5%");
    expect(confidenceText(1 - 0.05 / 5000)).toBe("99.999%");
  });

  it("names Bonferroni only when several comparisons share the error", () => {
    expect(levelText(result([], { comparisons: 0 }))).toBe(
      "no interval needed: every metric identical or missing",
    );
    expect(levelText(result([], { comparisons: 1 }))).toBe("95% family-wise over 1 metric");
    expect(levelText(result([], { comparisons: 20 }))).toBe(
      "95% family-wise over 20 metrics (Bonferroni: each at 99.75%)",
    );
  });

  it("writes estimates in their unit, with two significant digits for small ones", () => {
    expect(estimateText({ mean: 0.8012, halfWidth: 0.0121 }, "share")).toBe("80.1 ± 1.2%");
    expect(estimateText({ mean: 0.05, halfWidth: 0.00043 }, "share")).toBe("5 ± 0.043%");
    expect(estimateText({ mean: 12.31, halfWidth: null }, "seconds")).toBe("12.3 s");
    expect(estimateText({ mean: 0.35, halfWidth: 0 }, "count")).toBe("0.35 ± 0");
    expect(estimateText({ mean: Number.NaN, halfWidth: null }, "seconds")).toBe("-");
    expect(estimateText(undefined, "share")).toBe("-");
  });
});
