/**
 * The staffing search on curves given as functions (no simulation): it finds the smallest count
 * meeting the targets on the interval and on the mean from any start, evaluates each count once,
 * respects --min and --max, reports an unreachable target with the largest count tried, tells a
 * levelled-off curve from one that merely needs a larger --max, and needs every target to hold.
 */
import { describe, expect, it } from "vitest";
import { parseStaffingTarget } from "../../src/cli/staff/target-text.ts";
import {
  type StaffSearchOptions,
  searchStaffing,
  type TargetEstimate,
} from "../../src/planning/index.ts";
import { erlangC, erlangCServersFor } from "../../src/theory/index.ts";

const SERVICE_LEVEL = parseStaffingTarget("serviceLevel>=0.8");

/** A search whose evaluate reads `curve` and records the counts asked for. */
function searchOn(
  curve: (count: number) => TargetEstimate[],
  options: Partial<Omit<StaffSearchOptions, "evaluate">> = {},
) {
  const asked: number[] = [];
  const result = searchStaffing({
    targets: [SERVICE_LEVEL],
    start: 10,
    min: 1,
    max: 100,
    criterion: "interval",
    ...options,
    evaluate: async (count) => {
      asked.push(count);
      return curve(count);
    },
  });
  return { result, asked };
}

/** Erlang C's service level for 12 Erlangs (240/h, 3 min), with a fixed half-width. */
function erlangCurve(halfWidth: number) {
  return (count: number): TargetEstimate[] => {
    const value = erlangC({
      arrivalRate: 240 / 3600,
      serviceRate: 1 / 180,
      servers: count,
      serviceLevelThresholdSeconds: 20,
    });
    return [{ mean: value.stable ? value.serviceLevel : 0, halfWidth }];
  };
}

describe("searchStaffing", () => {
  const erlangAnswer = erlangCServersFor({
    arrivalRate: 240 / 3600,
    serviceRate: 1 / 180,
    serviceLevelThresholdSeconds: 20,
    target: 0.8,
  });

  it.each([1, 5, 15, 16, 17, 30, 90])(
    "finds Erlang C's answer on its exact curve from a start of %i, each count once",
    async (start) => {
      const { result, asked } = searchOn(erlangCurve(0), { start });
      const found = await result;
      expect(found.answer).toBe(erlangAnswer);
      expect(found.meanAnswer).toBe(erlangAnswer);
      expect(new Set(asked).size).toBe(asked.length);
      expect(found.evaluations.map((one) => one.count)).toEqual([...asked].sort((a, b) => a - b));
      // Galloping, then bisecting: logarithmically many counts, not a scan.
      expect(asked.length).toBeLessThanOrEqual(
        2 * Math.ceil(Math.log2(Math.abs(start - erlangAnswer) + 2)) + 2,
      );
    },
  );

  it("answers with the interval by default and with the mean on request, and says both", async () => {
    // The mean crosses 0.8 at 16; the interval (± 0.08) only at 17.
    const curve = erlangCurve(0.08);
    const byInterval = await searchOn(curve, { start: 16 }).result;
    expect(byInterval.criterion).toBe("interval");
    expect(byInterval.answer).toBe(17);
    expect(byInterval.intervalAnswer).toBe(17);
    expect(byInterval.meanAnswer).toBe(16);
    const byMean = await searchOn(curve, { start: 16, criterion: "mean" }).result;
    expect(byMean.answer).toBe(16);
    expect(byMean.intervalAnswer).toBe(17);
    expect(byMean.meanAnswer).toBe(16);
  });

  it("settles in three evaluations when started at the mean's answer", async () => {
    const { result, asked } = searchOn(erlangCurve(0.08), { start: 16 });
    await result;
    expect(asked).toEqual([16, 17, 15]);
  });

  it("answers --min when --min already meets, and never asks below it", async () => {
    const { result, asked } = searchOn(erlangCurve(0), { start: 25, min: 20 });
    expect((await result).answer).toBe(20);
    expect(Math.min(...asked)).toBe(20);
  });

  it("reports an unreachable target with the largest count tried, not levelled off while it still climbs", async () => {
    const { result, asked } = searchOn(erlangCurve(0), { start: 5, max: 14 });
    const found = await result;
    expect(found.answer).toBeUndefined();
    expect(found.meanAnswer).toBeUndefined();
    expect(found.best?.count).toBe(14);
    expect(Math.max(...asked)).toBe(14);
    expect(found.levelledOff).toBe(false);
  });

  it("says the curve has levelled off when more agents no longer move the metric", async () => {
    // Service level climbs to 0.85 at 20 agents and stays there: another group is the bottleneck.
    const plateau = (count: number): TargetEstimate[] => [
      { mean: Math.min(0.85, 0.4 + count * 0.0225), halfWidth: 0.01 },
    ];
    const found = await searchOn(plateau, {
      targets: [parseStaffingTarget("serviceLevel>=0.9")],
      start: 10,
      max: 60,
    }).result;
    expect(found.answer).toBeUndefined();
    expect(found.best?.count).toBe(60);
    expect(found.levelledOff).toBe(true);
  });

  it("needs every target to hold, in either direction", async () => {
    // Service level meets 0.8 from 16 agents; abandonment falls below 5% only from 21.
    const targets = [SERVICE_LEVEL, parseStaffingTarget("abandonmentRate<=0.05")];
    const curve = (count: number): TargetEstimate[] => [
      ...erlangCurve(0)(count),
      { mean: Math.max(0, 0.3 - count * 0.0125), halfWidth: 0 },
    ];
    const found = await searchOn(curve, { targets, start: 16 }).result;
    expect(found.answer).toBe(20);
    const last = found.evaluations.find((one) => one.count === 20);
    expect(last?.meets).toEqual([
      { interval: true, mean: true },
      { interval: true, mean: true },
    ]);
    const before = found.evaluations.find((one) => one.count === 19);
    expect(before?.meets[1]).toEqual({ interval: false, mean: false });
  });

  it("never counts a metric no job defined (NaN) as met", async () => {
    const found = await searchOn(() => [{ mean: Number.NaN, halfWidth: null }], {
      start: 3,
      max: 8,
    }).result;
    expect(found.answer).toBeUndefined();
  });

  it("refuses bounds that are not whole counts with min ≤ max", async () => {
    await expect(searchOn(erlangCurve(0), { min: 5, max: 4 }).result).rejects.toThrow(RangeError);
    await expect(searchOn(erlangCurve(0), { min: 0 }).result).rejects.toThrow(RangeError);
  });
});
