/**
 * The staffing-search chart of `ccsim staff`, for studies the real search made: compiles without
 * a warning, draws to SVG, has no NaN, has one panel per target, draws exactly the evaluated
 * counts with their intervals and statuses, theory's curve only where it applies, the target as
 * a line at its value, says in its title whether some count meets the targets, and is unchanged
 * (snapshot).
 */
import { describe, expect, it } from "vitest";
import {
  STAFFING_SERIES,
  staffingSearchChart,
} from "../../../src/report/charts/staffing-search.ts";
import { renderSvg } from "../../../src/report/render/index.ts";
import {
  differingAnswers,
  erlangServiceLevel,
  levelledOff,
  oneReplication,
} from "../staff/fixtures.ts";
import { compileLogged, numbersIn, rowsOfKind, subtitleOf } from "./spec-access.ts";

const STUDIES = { differingAnswers, levelledOff, oneReplication };

/** The panels (vconcat views) of a spec. */
function panelsOf(spec: unknown): Record<string, unknown>[] {
  return (spec as { vconcat: Record<string, unknown>[] }).vconcat;
}

describe.each(Object.entries(STUDIES))("the staffing-search chart of %s", (_name, make) => {
  it("compiles without a warning, draws to SVG and has no NaN", async () => {
    const chart = staffingSearchChart(await make());
    expect(chart.name).toBe("staffing-search");
    expect(compileLogged(chart.spec).messages).toEqual([]);
    const svg = await renderSvg(chart.spec, chart.name);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(numbersIn(chart.spec).filter((value) => !Number.isFinite(value))).toEqual([]);
    expect(chart.caption).toMatch(/^[A-Z].*\.$/);
  });

  it("has one panel per target and a point per evaluated count and target", async () => {
    const study = await make();
    const chart = staffingSearchChart(study);
    expect(panelsOf(chart.spec)).toHaveLength(study.targets.length);
    const points = rowsOfKind(chart.spec, "simulated");
    expect(points).toHaveLength(study.search.evaluations.length * study.targets.length);
    for (const point of points) {
      const evaluation = study.search.evaluations.find((one) => one.count === point.count);
      const index = Number(point.panel);
      const estimate = evaluation?.estimates[index];
      expect(point.mean).toBe(estimate?.mean);
      const meets = evaluation?.meets[index];
      const status = meets?.interval
        ? STAFFING_SERIES.confident
        : meets?.mean
          ? STAFFING_SERIES.onAverage
          : STAFFING_SERIES.misses;
      expect(point.status).toBe(status);
      if (estimate?.halfWidth === null) expect(point.low).toBeUndefined();
      else expect(point.high).toBeCloseTo((estimate?.mean ?? 0) + (estimate?.halfWidth ?? 0), 12);
    }
  });

  it("draws each target as a rule at its value", async () => {
    const study = await make();
    panelsOf(staffingSearchChart(study).spec).forEach((panel, index) => {
      const rule = (
        panel.layer as { mark: { type: string }; encoding: { y: { datum?: number } } }[]
      )[0];
      expect(rule?.mark.type).toBe("rule");
      expect(rule?.encoding.y.datum).toBe(study.targets[index]?.value);
    });
  });
});

describe("the staffing-search chart's theory curve and title", () => {
  it("draws Erlang C one count beyond the evaluated ones on each side", async () => {
    const study = await differingAnswers();
    const chart = staffingSearchChart(study);
    const curve = rowsOfKind(chart.spec, "erlang");
    expect(curve.map((row) => row.count)).toEqual([14, 15, 16, 17, 18]);
    for (const row of curve) expect(row.mean).toBe(erlangServiceLevel(row.count as number));
    expect(chart.title).toBe("17 agents in group agent meet the target");
    expect(subtitleOf(chart.spec).join(" ")).toContain("Erlang C at each count");
  });

  it("is unchanged (snapshot of the spec)", async () => {
    expect(staffingSearchChart(await differingAnswers()).spec).toMatchSnapshot();
  });

  it("draws no curve without theory and says no count meets the targets", async () => {
    const chart = staffingSearchChart(await levelledOff());
    expect(rowsOfKind(chart.spec, "erlang")).toEqual([]);
    expect(chart.title).toBe("No count of group agent meets the targets");
    expect(subtitleOf(chart.spec).join(" ")).toContain("Erlang does not describe");
  });
});
