/**
 * The differences chart of `ccsim compare`, for every hand-built comparison: compiles without a
 * warning, draws to SVG, has no NaN, draws exactly the differences of the input with their
 * adjusted intervals and verdicts, one panel per metric with a symmetric scale around 0, an
 * identical difference as a point at 0 without a bar, and is unchanged (snapshots).
 */
import { describe, expect, it } from "vitest";
import type { DifferenceRow } from "../../../src/comparison/index.ts";
import { differencesChart } from "../../../src/report/charts/differences.ts";
import { PLOT_WIDTH_PX, VERDICT_COLOURS } from "../../../src/report/charts/theme.ts";
import { renderSvg } from "../../../src/report/render/index.ts";
import {
  ALL_IDENTICAL,
  COMPARISONS,
  comparisonOf,
  type FixtureVariant,
  NO_PAIRS,
  THREE_MODES,
  THREE_MODES_VARIANTS,
} from "../compare/fixtures.ts";
import { compileLogged, marksOf, numbersIn, rowsOf, subtitleOf } from "./spec-access.ts";

/** Where 0 lies on a panel's x axis: its middle, since every domain is symmetric around 0. */
const ZERO_X = PLOT_WIDTH_PX / 2;

/** The panels (vconcat views) of a differences spec. */
function panelsOf(spec: unknown): Record<string, unknown>[] {
  return (spec as { vconcat: Record<string, unknown>[] }).vconcat;
}

/** The metric a panel filters its rows on. */
function panelMetric(panel: Record<string, unknown>): string {
  const [filter] = panel.transform as { filter: { field: string; equal: string } }[];
  return filter?.filter.equal ?? "";
}

/** The x scale domain of a panel (the same on each of its layers). */
function panelDomain(panel: Record<string, unknown>): [number, number] {
  const layers = panel.layer as { encoding: { x: { scale: { domain: [number, number] } } } }[];
  const domains = layers.map((layer) => layer.encoding.x.scale.domain);
  for (const domain of domains) expect(domain).toEqual(domains[0]);
  return domains[0] as [number, number];
}

/** Whether a difference has a value to draw (identical, or a finite mean difference). */
function drawable(row: DifferenceRow): boolean {
  return row.difference.identical || Number.isFinite(row.difference.meanDifference);
}

/** The point marks drawn in an SVG: their x, per panel. */
function pointXs(svg: string): number[][] {
  const groups = [
    ...svg.matchAll(/<g class="mark-symbol role-mark concat_(\d+)_layer_2_marks"[^>]*>(.*?)<\/g>/g),
  ];
  return groups.map((group) =>
    [...(group[2] ?? "").matchAll(/translate\(([-\d.]+),/g)].map((match) => Number(match[1])),
  );
}

describe.each(Object.entries(COMPARISONS))("the differences chart of %s", (_name, comparison) => {
  const chart = differencesChart(comparison, "multi-skill");

  it("is named differences, with a title and a one-sentence caption", () => {
    expect(chart.name).toBe("differences");
    expect(chart.title).toBe(`Differences against ${comparison.baseline}`);
    expect(chart.caption).toMatch(/^[A-Z].*\.$/);
    expect(chart.caption.slice(0, -1)).not.toMatch(/\.\s/);
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

  it("says in its subtitle the baseline, the replications and the adjustment", () => {
    const subtitle = subtitleOf(chart.spec).join(" ");
    expect(subtitle).toContain(`variant − ${comparison.baseline}`);
    const replications =
      comparison.replications === 1 ? "one replication" : `${comparison.replications} replications`;
    expect(subtitle).toContain(replications);
    expect(subtitle).toContain(`Bonferroni over ${comparison.comparisons} differences`);
    const each = (comparison.adjustedConfidence * 100).toFixed(2).replace(/\.?0+$/, "");
    expect(subtitle).toContain(`each at ${each}%`);
  });

  it("draws every difference that has a value, with its interval and verdict, and no other", () => {
    const severalScopes = new Set(comparison.differences.map((row) => row.scope)).size > 1;
    const expected = comparison.differences.filter(drawable).map((row) => {
      const { meanDifference, halfWidth, identical } = row.difference;
      const label = severalScopes ? `${row.variant} (${row.scope})` : row.variant;
      const base = { metric: row.metric, label, verdict: row.verdict };
      if (identical) return { ...base, difference: 0 };
      if (halfWidth === null) return { ...base, difference: meanDifference };
      return {
        ...base,
        difference: meanDifference,
        halfWidth,
        low: meanDifference - halfWidth,
        high: meanDifference + halfWidth,
      };
    });
    expect(rowsOf(chart.spec)).toEqual(expected);
  });

  it("has one panel per metric with a value, in judged order, each symmetric around 0 and holding its bars", () => {
    const metrics = [...new Set(comparison.differences.filter(drawable).map((row) => row.metric))];
    const panels = panelsOf(chart.spec);
    expect(panels.map(panelMetric)).toEqual(metrics);
    for (const panel of panels) {
      const [low, high] = panelDomain(panel);
      expect(low).toBe(-high);
      expect(high).toBeGreaterThan(0);
      const rows = rowsOf(chart.spec).filter((row) => row.metric === panelMetric(panel));
      for (const row of rows) {
        for (const field of ["difference", "low", "high"]) {
          const value = row[field];
          if (typeof value === "number") expect(Math.abs(value)).toBeLessThan(high);
        }
      }
    }
  });

  it("colours by verdict with the theme's five colours, all distinct, in a shared legend", () => {
    const colours = panelsOf(chart.spec)
      .flatMap((panel) => marksOf(panel))
      .map(({ encoding }) => encoding?.color as { field: string; scale: unknown } | undefined)
      .filter((colour) => colour !== undefined);
    expect(colours.length).toBeGreaterThan(0);
    for (const colour of colours) {
      expect(colour).toMatchObject({
        field: "verdict",
        scale: {
          domain: Object.keys(VERDICT_COLOURS),
          range: Object.values(VERDICT_COLOURS),
        },
      });
    }
    expect(new Set(Object.values(VERDICT_COLOURS)).size).toBe(5);
  });

  it("is unchanged", () => {
    expect(chart.spec).toMatchSnapshot();
  });
});

describe("the differences chart's identical differences", () => {
  it("draw every difference of an all-identical comparison as a point at 0 without a bar", async () => {
    const chart = differencesChart(ALL_IDENTICAL, "multi-skill");
    const rows = rowsOf(chart.spec);
    expect(rows).toHaveLength(ALL_IDENTICAL.differences.length);
    for (const row of rows) {
      expect(row).toMatchObject({ difference: 0, verdict: "identical" });
      expect(row).not.toHaveProperty("low");
    }
    const svg = await renderSvg(chart.spec, chart.name);
    const points = pointXs(svg);
    expect(points).toHaveLength(ALL_IDENTICAL.differences.length);
    // Each panel's plot is PLOT_WIDTH_PX wide and symmetric around 0: 0 is its middle.
    for (const xs of points) expect(xs).toEqual([ZERO_X]);
  });

  it("draw an identical difference with no pair at 0, and name the one with no value in the subtitle", () => {
    const chart = differencesChart(NO_PAIRS, "multi-skill");
    const waitMean = rowsOf(chart.spec).find((row) => row.metric === "waitMean");
    expect(waitMean).toEqual({
      metric: "waitMean",
      label: "after",
      verdict: "identical",
      difference: 0,
    });
    expect(rowsOf(chart.spec).some((row) => row.metric === "abandonWaitMean")).toBe(false);
    expect(subtitleOf(chart.spec).join(" ")).toContain("abandonWaitMean of after");
  });
});

/** The text of every axis label in an SVG. */
function axisLabelsOf(svg: string): string[] {
  const groups = [...svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/g)];
  return groups.flatMap((group) =>
    [...(group[1] ?? "").matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? ""),
  );
}

describe("the differences chart's axes", () => {
  it("label ticks in plain decimals, never in exponent notation (10, not 1e+1)", async () => {
    // A 90th-percentile wait of about ±10 s: ticks every 2 s up to 10.
    const widened = {
      ...THREE_MODES,
      differences: THREE_MODES.differences.map((row) =>
        row.metric === "waitMean"
          ? {
              ...row,
              difference: {
                ...row.difference,
                meanDifference: row.variant === "bestWorker" ? 3.4 : -0.3,
                halfWidth: row.variant === "bestWorker" ? 3.6 : 3.1,
              },
            }
          : row,
      ),
    };
    const chart = differencesChart(widened, "multi-skill");
    const labels = axisLabelsOf(await renderSvg(chart.spec, chart.name));
    expect(labels).toContain("10");
    expect(labels.filter((label) => /\de[+-]/.test(label))).toEqual([]);
  });
});

describe("the differences chart of THREE_MODES", () => {
  it("draws each non-baseline variant's point where its difference lies", async () => {
    const chart = differencesChart(THREE_MODES, "multi-skill");
    const svg = await renderSvg(chart.spec, chart.name);
    const points = pointXs(svg);
    const panels = panelsOf(chart.spec);
    expect(points).toHaveLength(panels.length);
    panels.forEach((panel, index) => {
      const [low, high] = panelDomain(panel);
      const metric = panelMetric(panel);
      const rows = THREE_MODES.differences.filter((row) => row.metric === metric);
      const xs = points[index] ?? [];
      expect(xs).toHaveLength(rows.length);
      // vega may round the nice domain outwards: the point's side of 0 and order must hold.
      rows.forEach((row, rowIndex) => {
        const value = row.difference.identical ? 0 : row.difference.meanDifference;
        const x = xs[rowIndex] ?? Number.NaN;
        expect(Math.sign(x - ZERO_X)).toBe(Math.sign(Number(value.toFixed(12))));
        expect(low).toBeLessThan(value);
        expect(high).toBeGreaterThan(value);
      });
    });
  });

  it("says which way each metric is better in its panel's title", () => {
    const titles = panelsOf(differencesChart(THREE_MODES, "multi-skill").spec).map(
      (panel) => (panel.title as { text: string }).text,
    );
    expect(titles).toEqual([
      "serviceLevel (higher is better)",
      "waitMean (lower is better)",
      "abandonmentRate (lower is better)",
      "utilization (neither better nor worse, only changed)",
      "utilizationSpread (lower is better)",
      "jobsHandledSpread (lower is better)",
    ]);
  });
});

describe("the differences chart's labels", () => {
  const longNamed = (names: readonly string[]) =>
    comparisonOf(
      names.map((name, index) => ({
        ...(THREE_MODES_VARIANTS[index] as FixtureVariant),
        name,
        description: name,
      })),
      { judged: [["overall", "serviceLevel"]] },
    );
  const labelsOf = (names: readonly string[]) =>
    rowsOf(differencesChart(longNamed(names), "multi-skill").spec).map((row) => row.label);

  it("keeps the distinguishing end of a long --set name", () => {
    const labels = labelsOf(["as written", "distributionPolicies[0].mode.maxConcurrentOffers=3"]);
    expect(new Set(labels)).toEqual(new Set(["distributionPolici…oncurrentOffers=3"]));
  });

  it("keeps whole names that shortening would no longer tell apart", () => {
    const names = [
      "as written",
      "distributionPolicies[0].offerExpiresAfterSeconds=30",
      "distributionPolicies[1].offerExpiresAfterSeconds=30",
    ];
    expect(new Set(labelsOf(names))).toEqual(new Set(names.slice(1)));
  });
});
