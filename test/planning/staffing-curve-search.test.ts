/**
 * The day's staffing-curve search on a fake day: each interval needs `demand[k]` agents, one more
 * when the interval before was understaffed (its backlog spills over), and meets serviceLevel>=0.8
 * exactly when it has what it needs. The search must find the demand vector from below, from
 * above and from a mixed start, stop when its day budget runs out, and treat intervals without a
 * metric as met. With theory, a second fake day follows a known curve shifted by an amount the
 * search is not told: it must jump to the answer in a couple of days instead of agent by agent.
 */
import { describe, expect, it } from "vitest";
import type { TargetEstimate } from "../../src/planning/staff-search.ts";
import {
  agentIntervalsOf,
  type CurveSearchOptions,
  searchStaffingCurve,
} from "../../src/planning/staffing-curve-search.ts";

const TARGET = { operator: ">=", value: 0.8 } as const;

/** A fake day: the service level per interval, with the backlog of an understaffed interval. */
function fakeDay(demand: readonly number[], calls: { days: number }) {
  return async (staffing: readonly number[]): Promise<TargetEstimate[][]> => {
    calls.days += 1;
    return staffing.map((count, interval) => {
      const need = demand[interval] as number;
      if (need === 0) return [{ mean: Number.NaN, halfWidth: null }];
      const before = interval > 0 && count > 0 ? staffing[interval - 1] : undefined;
      const spill = interval > 0 && (before ?? 0) < (demand[interval - 1] as number) ? 1 : 0;
      const mean = count >= need + spill ? 0.9 : 0.6;
      return [{ mean, halfWidth: 0.05 }];
    });
  };
}

function options(
  demand: readonly number[],
  start: readonly number[],
  calls: { days: number },
  overrides: Partial<CurveSearchOptions> = {},
): CurveSearchOptions {
  return {
    targets: [TARGET],
    start,
    min: 0,
    max: 50,
    criterion: "interval",
    maxDays: 30,
    evaluateDay: fakeDay(demand, calls),
    ...overrides,
  };
}

describe("searchStaffingCurve", () => {
  const demand = [5, 9, 12, 8];

  it("adds where intervals miss, from below, until every interval meets", async () => {
    const calls = { days: 0 };
    const result = await searchStaffingCurve(options(demand, [3, 7, 12, 8], calls));
    expect(result.converged).toBe(true);
    expect(result.answer?.staffing).toEqual(demand);
    expect(result.days).toHaveLength(calls.days);
    expect(result.answer?.meets).toEqual([true, true, true, true]);
  });

  it("removes where intervals meet with room, from above, and stops at the demand", async () => {
    const calls = { days: 0 };
    const result = await searchStaffingCurve(options(demand, [8, 10, 15, 8], calls));
    expect(result.converged).toBe(true);
    expect(result.answer?.staffing).toEqual(demand);
    expect(agentIntervalsOf(result.answer?.staffing ?? [])).toBe(34);
  });

  it("stops at the demand when it starts there, learning one interval per failed removal", async () => {
    const calls = { days: 0 };
    const result = await searchStaffingCurve(options(demand, [5, 9, 12, 8], calls));
    // Day 2 removes one everywhere and everything misses; only the first miss is surely the
    // interval's own, so each failed removal teaches at least one interval: at most two days
    // per interval after the first.
    expect(result.days[1]?.staffing).toEqual([4, 8, 11, 7]);
    expect(result.converged).toBe(true);
    expect(result.answer?.staffing).toEqual(demand);
    expect(result.days.length).toBeLessThanOrEqual(1 + 2 * demand.length);
  });

  it("says it did not converge when the day budget runs out", async () => {
    const calls = { days: 0 };
    const result = await searchStaffingCurve(options(demand, [1, 1, 1, 1], calls, { maxDays: 3 }));
    expect(result.converged).toBe(false);
    expect(result.days).toHaveLength(3);
    expect(result.answer).toBeUndefined();
  });

  it("finds no answer when an interval needs more than the maximum", async () => {
    const calls = { days: 0 };
    const result = await searchStaffingCurve(options(demand, [5, 9, 10, 8], calls, { max: 10 }));
    expect(result.answer).toBeUndefined();
    expect(result.converged).toBe(true);
    expect(result.days.at(-1)?.staffing[2]).toBe(10);
  });

  it("counts an interval without a metric as met and staffs it down to the minimum", async () => {
    const calls = { days: 0 };
    const result = await searchStaffingCurve(options([4, 0, 6], [4, 2, 6], calls, { min: 0 }));
    expect(result.answer?.staffing).toEqual([4, 0, 6]);
  });

  it("judges on the mean when asked", async () => {
    const calls = { days: 0 };
    const meanOnly = async (staffing: readonly number[]) =>
      staffing.map((count) => [{ mean: count >= 3 ? 0.82 : 0.7, halfWidth: 0.05 }]);
    const onInterval = await searchStaffingCurve({
      ...options([], [3, 3], calls, { max: 5 }),
      evaluateDay: meanOnly,
    });
    const onMean = await searchStaffingCurve({
      ...options([], [3, 3], calls, { criterion: "mean" }),
      evaluateDay: meanOnly,
    });
    expect(onMean.answer?.staffing).toEqual([3, 3]);
    // 0.82 − 0.05 misses 0.8 whatever the count: no answer within the maximum.
    expect(onInterval.answer).toBeUndefined();
  });
});

/** Theory's service level with `count` agents at `load` Erlangs: 1 − e^{−(c − load)/3}. */
function theoryLevel(load: number, count: number): number {
  return count <= load ? 0 : 1 - Math.exp(-(count - load) / 3);
}

/**
 * A day that behaves like theory with `extra[k]` agents fewer in interval k, and one fewer again
 * when the interval before falls short of 0.8 (its backlog spills over).
 */
function shiftedDay(loads: readonly number[], extra: readonly number[], calls: { days: number }) {
  return async (staffing: readonly number[]): Promise<TargetEstimate[][]> => {
    calls.days += 1;
    const levels: number[] = [];
    staffing.forEach((count, interval) => {
      const spill = interval > 0 && (levels[interval - 1] as number) < 0.8 ? 1 : 0;
      const load = loads[interval] as number;
      levels.push(theoryLevel(load, count - (extra[interval] as number) - spill));
    });
    return levels.map((mean) => [{ mean, halfWidth: 0.04 }]);
  };
}

describe("searchStaffingCurve with theory", () => {
  const loads = [6, 14, 20, 11];
  const extra = [2, 1, 3, 0];
  // Theory meets 0.8 at load + 3·ln 5 (= load + 4.83) and the lower bound (mean 0.84) at
  // load + 3·ln(1/0.16) (= load + 5.50): 5 and 6 agents above the load, plus the shift.
  const theoryStart = loads.map((load) => load + 5);
  const answerOnMean = loads.map((load, k) => load + 5 + (extra[k] as number));
  const answerOnInterval = loads.map((load, k) => load + 6 + (extra[k] as number));
  const theory = (interval: number, count: number) => [
    theoryLevel(loads[interval] as number, count),
  ];

  it("jumps from theory's curve to the shifted answer in three days, on the lower bound", async () => {
    const calls = { days: 0 };
    const result = await searchStaffingCurve({
      ...options([], theoryStart, calls, { theory }),
      evaluateDay: shiftedDay(loads, extra, calls),
    });
    expect(result.converged).toBe(true);
    expect(result.answer?.staffing).toEqual(answerOnInterval);
    // Day 1 measures theory's vector, where every interval misses and spills into the next,
    // which therefore asks for one agent too many on day 2; day 3 is the answer.
    const spilled = answerOnInterval.map((count, interval) => (interval > 0 ? count + 1 : count));
    expect(result.days.map((day) => day.staffing)).toEqual([
      theoryStart,
      spilled,
      answerOnInterval,
    ]);
  });

  it("comes down from far above in a couple of days, on the mean", async () => {
    const calls = { days: 0 };
    const result = await searchStaffingCurve({
      ...options([], [40, 40, 40, 40], calls, { theory, criterion: "mean" }),
      evaluateDay: shiftedDay(loads, extra, calls),
    });
    expect(result.answer?.staffing).toEqual(answerOnMean);
    expect(result.days.length).toBeLessThanOrEqual(3);
  });

  it("takes more days agent by agent without theory, to the same answer", async () => {
    const withTheory = { days: 0 };
    const without = { days: 0 };
    const base = options([], theoryStart, without, { criterion: "mean" });
    const blind = await searchStaffingCurve({
      ...base,
      evaluateDay: shiftedDay(loads, extra, without),
    });
    const guided = await searchStaffingCurve({
      ...base,
      theory,
      evaluateDay: shiftedDay(loads, extra, withTheory),
    });
    expect(blind.answer?.staffing).toEqual(answerOnMean);
    expect(guided.answer?.staffing).toEqual(answerOnMean);
    expect(withTheory.days).toBeLessThan(without.days);
  });

  it("answers only a vector it simulated and saw meet everywhere, and repeats itself exactly", async () => {
    const run = () =>
      searchStaffingCurve({
        ...options([], [1, 30, 5, 25], { days: 0 }, { theory }),
        evaluateDay: shiftedDay(loads, extra, { days: 0 }),
      });
    const first = await run();
    const again = await run();
    expect(again.days.map((day) => day.staffing)).toEqual(first.days.map((day) => day.staffing));
    expect(first.answer).toBeDefined();
    expect(first.days).toContain(first.answer);
    expect(first.answer?.meets.every(Boolean)).toBe(true);
    // No vector is simulated twice.
    const vectors = first.days.map((day) => day.staffing.join(","));
    expect(new Set(vectors).size).toBe(vectors.length);
  });
});
