/**
 * The staffing-curve chart of `ccsim staff --per-interval`, for a curve study made by the real
 * search on a fake day: compiles without a warning, draws to SVG, has no NaN, one row per
 * interval with the reported day's counts, Erlang's counts and the arrivals, and says in its title
 * how many agent-intervals met the targets (or that none did).
 */
import { describe, expect, it } from "vitest";
import { searchStaffingCurve } from "../../../src/planning/index.ts";
import {
  staffingCurveChart,
  staffingCurveRows,
} from "../../../src/report/charts/staffing-curve.ts";
import { timeX } from "../../../src/report/charts/time-axis.ts";
import { renderSvg } from "../../../src/report/render/index.ts";
import type { CurveStudy } from "../../../src/report/staff/index.ts";
import { compileLogged, marksOf, markType, numbersIn } from "./spec-access.ts";

const TARGET = {
  text: "serviceLevel>=0.8",
  scope: "overall",
  metric: "serviceLevel",
  operator: ">=",
  value: 0.8,
} as const;

/** A study whose day needs [3, 6, 4] agents (service level 0.9 with enough, else 0.5). */
async function studyOf(max: number): Promise<CurveStudy> {
  const need = [3, 6, 4];
  const search = await searchStaffingCurve({
    targets: [TARGET],
    start: [2, 6, 5],
    min: 0,
    max,
    criterion: "interval",
    maxDays: 20,
    evaluateDay: async (staffing) =>
      staffing.map((count, interval) => [
        { mean: count >= (need[interval] as number) ? 0.9 : 0.5, halfWidth: 0.05 },
      ]),
  });
  return {
    scenario: "fake-day",
    groupId: "agent",
    targets: [TARGET],
    intervalLengthSeconds: 1800,
    horizonSeconds: 5400,
    startTime: "2026-03-02T08:00:00Z",
    criterion: "interval",
    search,
    erlang: [3, 5, 4],
    arrivalsPerHour: [60, 150, 90],
  };
}

describe("the staffing-curve chart", () => {
  it("compiles without a warning, draws to SVG and has no NaN", async () => {
    const chart = staffingCurveChart(await studyOf(10));
    expect(chart.name).toBe("staffing-curve");
    expect(compileLogged(chart.spec).messages).toEqual([]);
    const svg = await renderSvg(chart.spec, chart.name);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(numbersIn(chart.spec).filter((value) => !Number.isFinite(value))).toEqual([]);
    expect(chart.caption).toMatch(/^[A-Z].*\.$/);
  });

  it("has one row per interval with the answer's counts, Erlang's and the arrivals", async () => {
    const study = await studyOf(10);
    const rows = staffingCurveRows(study);
    expect(rows.map((row) => row.agents)).toEqual(study.search.answer?.staffing);
    expect(rows.map((row) => row.erlang)).toEqual([3, 5, 4]);
    expect(rows.map((row) => row.arrivalsPerHour)).toEqual([60, 150, 90]);
    expect(rows.map((row) => [row.start, row.end])).toEqual([
      ["2026-03-02T08:00:00.000Z", "2026-03-02T08:30:00.000Z"],
      ["2026-03-02T08:30:00.000Z", "2026-03-02T09:00:00.000Z"],
      ["2026-03-02T09:00:00.000Z", "2026-03-02T09:30:00.000Z"],
    ]);
    expect(staffingCurveChart(study).title).toBe(
      `${study.search.answer?.staffing.reduce((a, b) => a + b, 0)} agent-intervals of group agent meet the targets in every interval`,
    );
  });

  it("reads time on run's axis: the UTC clock from the scenario's startTime", async () => {
    const study = await studyOf(10);
    const chart = staffingCurveChart(study);
    const panels = (chart.spec as { vconcat: unknown[] }).vconcat.flatMap((panel) =>
      marksOf(panel),
    );
    const encodings = panels.flatMap((mark) => (mark.encoding?.x ? [mark.encoding.x] : []));
    expect(encodings).toHaveLength(3); // arrivals, Erlang's line, the searched counts
    for (const x of encodings) {
      expect(x).toMatchObject({ ...timeX(study), axis: { format: "%H:%M" } });
    }
    const { vega } = compileLogged(chart.spec);
    expect(JSON.stringify(vega)).not.toMatch(/\btime(Format|Parse|Offset|Sequence)\(/);
    const labels = [
      ...(await renderSvg(chart.spec, chart.name)).matchAll(/<text[^>]*>([^<]*)<\/text>/g),
    ].map((match) => match[1]);
    expect(labels).toEqual(expect.arrayContaining(["08:00", "08:30", "09:00"]));
    expect(labels.join(" ")).not.toMatch(/hours/);
  });

  it("draws Erlang's step for the last interval too, up to the day's end", async () => {
    const chart = staffingCurveChart(await studyOf(10));
    const panels = (chart.spec as { vconcat: unknown[] }).vconcat.flatMap((panel) =>
      marksOf(panel),
    );
    const erlang = panels.find((mark) => markType(mark.mark) === "line") as {
      data?: { values: { start: string; erlang: number }[] };
    };
    expect(erlang.data?.values).toEqual([
      { start: "2026-03-02T08:00:00.000Z", erlang: 3 },
      { start: "2026-03-02T08:30:00.000Z", erlang: 5 },
      { start: "2026-03-02T09:00:00.000Z", erlang: 4 },
      { start: "2026-03-02T09:30:00.000Z", erlang: 4 },
    ]);
  });

  it("says when no curve met the targets", async () => {
    const study = await studyOf(5);
    expect(study.search.answer).toBeUndefined();
    expect(staffingCurveChart(study).title).toMatch(/^No staffing of group agent met/);
    expect(staffingCurveRows(study).some((row) => row.status === "misses")).toBe(true);
  });
});
