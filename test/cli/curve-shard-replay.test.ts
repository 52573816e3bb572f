/**
 * The per-interval search replayed from the days simulated so far (what the shards of
 * `staff --per-interval` and merge do): fed one day at a time, it asks for exactly the days the
 * search run straight through simulates, in order, and ends with the same result; a repeated
 * vector is answered from the list; a list that is not the search's own is said to diverge.
 */
import { describe, expect, it } from "vitest";
import {
  type DaySearch,
  type EvaluatedDay,
  replayCurveSearch,
} from "../../src/cli/staff/curve-shard-replay.ts";
import {
  type CurveSearchResult,
  searchStaffingCurve,
  type TargetEstimate,
} from "../../src/planning/index.ts";

/** A made-up day: service level rises with the count, interval 1 also with interval 0's count. */
function dayOf(staffing: readonly number[]): TargetEstimate[][] {
  return staffing.map((count, interval) => {
    const backlog = interval === 1 ? Math.max(0, 12 - (staffing[0] as number)) * 0.05 : 0;
    const mean = Math.min(1, count / (interval === 1 ? 24 : 13) - backlog);
    return [{ mean, halfWidth: 0.02 }];
  });
}

const search: DaySearch<CurveSearchResult> = (evaluateDay) =>
  searchStaffingCurve({
    targets: [{ operator: ">=", value: 0.8 }],
    start: [8, 17, 9],
    min: 0,
    max: 40,
    criterion: "interval",
    maxDays: 60,
    evaluateDay,
  });

/** The search run straight through, and every vector it asked for. */
async function straight(): Promise<{ result: CurveSearchResult; asked: number[][] }> {
  const asked: number[][] = [];
  const result = await search(async (staffing) => {
    asked.push([...staffing]);
    return dayOf(staffing);
  });
  return { result, asked };
}

describe("replayCurveSearch", () => {
  it("asks for the straight search's days one at a time and ends with its result", async () => {
    const { result, asked } = await straight();
    expect(asked.length).toBeGreaterThan(2);
    const days: EvaluatedDay[] = [];
    const requested: number[][] = [];
    for (let round = 0; round < 100; round++) {
      const replay = await replayCurveSearch(search, days);
      if (replay.kind === "ended") {
        expect(replay.result).toEqual(result);
        // Each distinct vector simulated once, in the order the straight search first asked.
        const distinct = asked.filter(
          (vector, index) => asked.findIndex((one) => one.join() === vector.join()) === index,
        );
        expect(requested).toEqual(distinct);
        return;
      }
      expect(replay.kind).toBe("next");
      if (replay.kind !== "next") return;
      requested.push([...replay.next]);
      days.push({ staffing: replay.next, estimates: dayOf(replay.next) });
    }
    expect.unreachable("the replay never ended");
  });

  it("answers a vector asked again from the days given", async () => {
    const twice: DaySearch<number> = async (evaluateDay) => {
      const first = await evaluateDay([3, 4]);
      const again = await evaluateDay([3, 4]);
      return (first[0]?.[0]?.mean ?? 0) + (again[0]?.[0]?.mean ?? 0);
    };
    const days = [{ staffing: [3, 4], estimates: [[{ mean: 0.5, halfWidth: null }]] }];
    expect(await replayCurveSearch(twice, days)).toEqual({ kind: "ended", result: 1 });
  });

  it("says where the days given stop being the search's own", async () => {
    const { asked } = await straight();
    const first = asked[0] as number[];
    const wrong = first.map((count) => count + 5);
    const edited = [
      { staffing: first, estimates: dayOf(first) },
      { staffing: wrong, estimates: dayOf(wrong) },
    ];
    expect(await replayCurveSearch(search, edited)).toEqual({ kind: "diverged", day: 2 });
    // Days left over once the search has ended are not its own either.
    const { result } = await straight();
    const all = result.days
      .filter(
        (day, index) =>
          result.days.findIndex((one) => one.staffing.join() === day.staffing.join()) === index,
      )
      .map((day) => ({ staffing: day.staffing, estimates: day.estimates }));
    expect(await replayCurveSearch(search, all)).toEqual({ kind: "ended", result });
    const extra = [...all, { staffing: wrong, estimates: dayOf(wrong) }];
    const replay = await replayCurveSearch(search, extra);
    expect(replay.kind).toBe("diverged");
  });

  it("lets an error of the search itself through", async () => {
    const broken: DaySearch<number> = async () => {
      throw new RangeError("broken search");
    };
    await expect(replayCurveSearch(broken, [])).rejects.toThrow("broken search");
  });
});
