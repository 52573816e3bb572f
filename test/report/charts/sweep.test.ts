/**
 * The sweep chart of `ccsim sweep`, for every hand-built sweep: compiles without a warning,
 * draws to SVG, has no NaN, draws exactly each point's mean of each chosen metric with its band
 * clipped to the metric's range, one panel per metric, one line per value of the second field,
 * the swept values as an axis of numbers or, for other values, of categories in the order given;
 * and is unchanged (snapshots).
 */
import { describe, expect, it } from "vitest";
import { sweepChart } from "../../../src/report/charts/sweep.ts";
import { categoryColours } from "../../../src/report/charts/theme.ts";
import { renderSvg } from "../../../src/report/render/index.ts";
import { SWEEPS } from "../sweep/fixtures.ts";
import { compileLogged, marksOf, numbersIn, rowsOf, subtitleOf } from "./spec-access.ts";

/** The panels (vconcat views) of a sweep spec. */
function panelsOf(spec: unknown): Record<string, unknown>[] {
  return (spec as { vconcat: Record<string, unknown>[] }).vconcat;
}

/** The metric a panel filters its rows on. */
function panelMetric(panel: Record<string, unknown>): string {
  const [filter] = panel.transform as { filter: { field: string; equal: string } }[];
  return filter?.filter.equal ?? "";
}

const SHARES = new Set(["serviceLevel", "abandonmentRate", "utilization"]);

describe.each(Object.entries(SWEEPS))("the sweep chart of %s", (_name, sweep) => {
  const chart = sweepChart(sweep, "voice-50");
  const [first, second] = sweep.fields;

  it("is named sweep, with a title naming the fields and a one-sentence caption", () => {
    expect(chart.name).toBe("sweep");
    expect(chart.title).toContain(`Sweep of ${first?.name}`);
    if (second !== undefined) expect(chart.title).toContain(` and ${second.name}`);
    expect(chart.caption).toMatch(/^[A-Z].*\.$/);
    expect(chart.spec.description).toBe(chart.caption);
  });

  it("compiles without a warning and draws to SVG", async () => {
    expect(compileLogged(chart.spec).messages).toEqual([]);
    const svg = await renderSvg(chart.spec, chart.name);
    expect(svg.startsWith("<svg")).toBe(true);
  });

  it("has no NaN or Infinity, and survives JSON unchanged", () => {
    expect(numbersIn(chart.spec).filter((value) => !Number.isFinite(value))).toEqual([]);
    expect(JSON.parse(JSON.stringify(chart.spec))).toEqual(chart.spec);
  });

  it("says in its subtitle the points, the replications and the fixed sets", () => {
    const subtitle = subtitleOf(chart.spec).join(" ");
    expect(subtitle).toContain(`${sweep.points.length} points on common random numbers`);
    const replications =
      sweep.replications === 1 ? "one replication" : `${sweep.replications} replications`;
    expect(subtitle).toContain(replications);
    for (const fixed of sweep.fixed) expect(subtitle).toContain(fixed);
  });

  it("draws each point's mean of each chosen metric, its band clipped to the metric's range", () => {
    const numeric = first?.values.every((value) => typeof value === "number") ?? false;
    const expected = sweep.points.flatMap((point) =>
      sweep.metrics.flatMap((metric) => {
        const estimate = point.estimates.get("overall")?.get(metric);
        if (estimate === undefined || !Number.isFinite(estimate.mean)) return [];
        const x = numeric
          ? first?.values[point.indices[0] ?? -1]
          : first?.labels[point.indices[0] ?? -1];
        const series = second?.labels[point.indices[1] ?? -1] ?? "";
        const row: Record<string, unknown> = { metric, x, series, mean: estimate.mean };
        if (estimate.halfWidth !== null) {
          row.halfWidth = estimate.halfWidth;
          row.low = Math.max(0, estimate.mean - estimate.halfWidth);
          row.high = SHARES.has(metric)
            ? Math.min(1, estimate.mean + estimate.halfWidth)
            : estimate.mean + estimate.halfWidth;
        }
        return [row];
      }),
    );
    expect(rowsOf(chart.spec)).toEqual(expected);
  });

  it("has one panel per chosen metric with a value, an x axis of the first field and a colour per value of the second", () => {
    const drawn = new Set(rowsOf(chart.spec).map((row) => row.metric));
    const panels = panelsOf(chart.spec);
    expect(panels.map(panelMetric)).toEqual(sweep.metrics.filter((metric) => drawn.has(metric)));
    const numeric = first?.values.every((value) => typeof value === "number") ?? false;
    for (const panel of panels) {
      for (const { encoding } of marksOf(panel)) {
        const x = encoding?.x as { field: string; type: string; title: string; sort?: unknown };
        expect(x.field).toBe("x");
        expect(x.title).toBe(first?.name);
        expect(x.type).toBe(numeric ? "quantitative" : "ordinal");
        if (!numeric) expect(x.sort).toEqual(first?.labels);
        const colour = encoding?.color as Record<string, unknown>;
        if (second === undefined) expect(colour).toEqual({ value: categoryColours(1)[0] });
        else {
          expect(colour).toMatchObject({
            field: "series",
            title: second.name,
            scale: { domain: second.labels, range: categoryColours(second.labels.length) },
          });
        }
      }
    }
  });

  it("is unchanged", () => {
    expect(chart.spec).toMatchSnapshot();
  });
});

describe("a sweep of whole numbers", () => {
  it("ticks the swept values themselves, not fractions between them", () => {
    const chart = sweepChart(SWEEPS["one numeric field"] as never, "voice-50");
    const [panel] = panelsOf(chart.spec);
    const [mark] = marksOf(panel);
    const x = mark?.encoding?.x as { axis: Record<string, unknown> } | undefined;
    const axis = x?.axis ?? {};
    expect(axis.values).toEqual([46, 48, 50]);
    expect(axis.tickMinStep).toBe(1);
  });
});
