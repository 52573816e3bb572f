/**
 * Default tolerances (one per metric, from its kind) and the `--tolerance` syntax: absolute,
 * relative, unknown metrics with a suggestion, and bad numbers.
 */
import { describe, expect, it } from "vitest";
import {
  allowedChange,
  DEFAULT_TOLERANCES,
  KIND_TOLERANCES,
  METRIC_KINDS,
  parseToleranceOverride,
} from "../../src/comparison/tolerances.ts";
import { METRIC_NAMES } from "../../src/metrics/index.ts";

describe("default tolerances", () => {
  it("gives every metric its kind's tolerance, never a negative one", () => {
    expect(Object.keys(DEFAULT_TOLERANCES).sort()).toEqual([...METRIC_NAMES].sort());
    for (const metric of METRIC_NAMES) {
      expect(DEFAULT_TOLERANCES[metric]).toBe(KIND_TOLERANCES[METRIC_KINDS[metric]]);
      expect(DEFAULT_TOLERANCES[metric].absolute).toBeGreaterThanOrEqual(0);
      expect(DEFAULT_TOLERANCES[metric].relative).toBeGreaterThanOrEqual(0);
    }
  });

  it("sorts the metrics into the kinds their units say", () => {
    expect(METRIC_KINDS.serviceLevel).toBe("share");
    expect(METRIC_KINDS.utilization).toBe("share");
    expect(METRIC_KINDS.waitMean).toBe("seconds");
    expect(METRIC_KINDS.arrived).toBe("count");
    expect(METRIC_KINDS.waitMax).toBe("extreme");
    expect(METRIC_KINDS.queueLengthMax).toBe("extreme");
    expect(METRIC_KINDS.inSystemAtEnd).toBe("endOfRun");
  });

  it("allows the larger of the absolute and relative parts", () => {
    expect(allowedChange({ absolute: 1, relative: 0.1 }, 6)).toBe(1);
    expect(allowedChange({ absolute: 1, relative: 0.1 }, -30)).toBeCloseTo(3, 12);
    expect(allowedChange({ absolute: 1, relative: 0.1 }, Number.NaN)).toBe(1);
  });
});

describe("parseToleranceOverride", () => {
  it("reads an absolute value in the metric's unit", () => {
    expect(parseToleranceOverride("serviceLevel=0.01")).toEqual({
      metric: "serviceLevel",
      tolerance: { absolute: 0.01, relative: 0 },
    });
  });

  it("reads a percentage as a share of the baseline mean", () => {
    expect(parseToleranceOverride("waitMean=10%")).toEqual({
      metric: "waitMean",
      tolerance: { absolute: 0, relative: 0.1 },
    });
    expect(parseToleranceOverride(" waitP90 = 2.5 % ").tolerance.relative).toBeCloseTo(0.025, 15);
  });

  it("names an unknown metric, with the nearest one when a suggester is given", () => {
    expect(() => parseToleranceOverride("waitMaen=3")).toThrow(
      /unknown metric "waitMaen" \(did you mean waitMean\?\)/,
    );
    expect(() => parseToleranceOverride("zzz=3")).toThrow(/unknown metric "zzz"$/);
    expect(() => parseToleranceOverride("waitMaen=3")).toThrow(RangeError);
  });

  it.each([
    "serviceLevel",
    "serviceLevel=",
    "serviceLevel=abc",
    "serviceLevel=-1",
    "serviceLevel=1e999",
    "serviceLevel=%",
    "serviceLevel=0x10",
  ])("refuses %j", (text) => {
    expect(() => parseToleranceOverride(text)).toThrow(RangeError);
  });
});
