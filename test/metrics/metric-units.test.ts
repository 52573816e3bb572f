import { describe, expect, it } from "vitest";
import { METRIC_NAMES, METRIC_UNITS } from "../../src/metrics/index.ts";

describe("METRIC_UNITS", () => {
  it("gives every metric a unit, shares for the rates and seconds for the waits", () => {
    expect(Object.keys(METRIC_UNITS).sort()).toEqual([...METRIC_NAMES].sort());
    expect(METRIC_UNITS.serviceLevel).toBe("share");
    expect(METRIC_UNITS.abandonmentRate).toBe("share");
    expect(METRIC_UNITS.probabilityOfDelay).toBe("share");
    expect(METRIC_UNITS.waitP90).toBe("seconds");
    expect(METRIC_UNITS.handleTimeMean).toBe("seconds");
    expect(METRIC_UNITS.queueLengthMean).toBe("jobs");
    expect(METRIC_UNITS.offersIssued).toBe("count");
  });
});
