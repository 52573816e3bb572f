import { describe, expect, it } from "vitest";
import type { ChartRun } from "../../../src/report/charts/chart-input.ts";
import { timeFormatOf } from "../../../src/report/charts/time-axis.ts";

const runOf = (horizonSeconds: number) => ({ horizonSeconds }) as ChartRun;

describe("timeFormatOf", () => {
  it("labels a day with clock times, a short run with seconds and a long one with weekdays", () => {
    expect(timeFormatOf(runOf(12 * 3600))).toBe("%H:%M");
    expect(timeFormatOf(runOf(1800))).toBe("%H:%M");
    // The quickstart's one minute would read 00:00 on every tick without seconds.
    expect(timeFormatOf(runOf(60))).toBe("%H:%M:%S");
    expect(timeFormatOf(runOf(1799))).toBe("%H:%M:%S");
    expect(timeFormatOf(runOf(86_400))).toBe("%H:%M");
    expect(timeFormatOf(runOf(2 * 86_400))).toBe("%a %H:%M");
  });
});
