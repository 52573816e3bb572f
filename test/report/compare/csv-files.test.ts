/**
 * comparison.csv and differences.csv of hand-built comparisons: the contract's and the chosen
 * columns, one row per estimate or judged difference in the documented order, every number
 * recomputed here from the fixtures' per-replication values, undefined numbers as empty cells.
 */
import { describe, expect, it } from "vitest";
import { COMPARED_METRIC_NAMES } from "../../../src/comparison/index.ts";
import { estimate } from "../../../src/metrics/index.ts";
import {
  COMPARISON_CSV_COLUMNS,
  DIFFERENCES_CSV_COLUMNS,
  renderComparisonCsv,
  renderDifferencesCsv,
} from "../../../src/report/compare/index.ts";
import { formatNumber } from "../../../src/report/format-number.ts";
import {
  COMPARISONS,
  NO_PAIRS,
  ONE_REPLICATION,
  THREE_MODES,
  THREE_MODES_VARIANTS,
  valuesOf,
} from "./fixtures.ts";

/** The header and rows of CSV text with no quoted cell (none of the fixtures needs one). */
function parse(text: string): { header: string[]; rows: string[][] } {
  expect(text.endsWith("\n")).toBe(true);
  expect(text).not.toContain('"');
  const [header = "", ...lines] = text.slice(0, -1).split("\n");
  return { header: header.split(","), rows: lines.map((line) => line.split(",")) };
}

describe("comparison.csv", () => {
  it("has exactly the contract's columns", () => {
    expect([...COMPARISON_CSV_COLUMNS]).toEqual([
      "variant",
      "scope",
      "metric",
      "mean",
      "halfWidth",
    ]);
    for (const comparison of Object.values(COMPARISONS)) {
      expect(parse(renderComparisonCsv(comparison)).header).toEqual([...COMPARISON_CSV_COLUMNS]);
    }
  });

  it("lists every variant's every estimate, variants then scopes then metrics in order", () => {
    const { rows } = parse(renderComparisonCsv(THREE_MODES));
    const expected = THREE_MODES_VARIANTS.flatMap((variant) =>
      Object.entries(variant.values).flatMap(([scope, metrics]) =>
        COMPARED_METRIC_NAMES.filter((metric) => metrics[metric] !== undefined).map((metric) => {
          const { mean, halfWidth } = estimate(valuesOf(variant, scope, metric));
          return [
            variant.name,
            scope,
            metric,
            formatNumber(mean),
            formatNumber(halfWidth ?? Number.NaN),
          ];
        }),
      ),
    );
    expect(rows).toEqual(expected);
    // Fairness metrics are estimated too, overall and per group.
    expect(rows).toContainEqual(expect.arrayContaining(["group:agents", "jobsHandledSpread"]));
  });

  it("leaves undefined means and half-widths empty, as summary.csv does", () => {
    const { rows } = parse(renderComparisonCsv(NO_PAIRS));
    expect(rows).toContainEqual(["before", "overall", "waitMean", "", ""]);
    const single = parse(renderComparisonCsv(ONE_REPLICATION)).rows;
    expect(single).toContainEqual(["roundRobin", "overall", "serviceLevel", "0.78", ""]);
  });
});

describe("differences.csv", () => {
  it("has the documented columns", () => {
    expect([...DIFFERENCES_CSV_COLUMNS]).toEqual([
      "variant",
      "baseline",
      "scope",
      "metric",
      "direction",
      "meanDifference",
      "halfWidth",
      "lower",
      "upper",
      "adjustedConfidence",
      "pairs",
      "leftOut",
      "smallestDetectable",
      "verdict",
    ]);
  });

  it.each(Object.entries(COMPARISONS))(
    "has one row per judged difference of %s, in order",
    (_n, comparison) => {
      const { header, rows } = parse(renderDifferencesCsv(comparison));
      expect(header).toEqual([...DIFFERENCES_CSV_COLUMNS]);
      expect(rows.map((row) => row.slice(0, 4))).toEqual(
        comparison.differences.map((row) => [row.variant, row.baseline, row.scope, row.metric]),
      );
      const column = (name: (typeof DIFFERENCES_CSV_COLUMNS)[number]) =>
        DIFFERENCES_CSV_COLUMNS.indexOf(name);
      rows.forEach((cells, index) => {
        const row = comparison.differences[index];
        expect(cells[column("verdict")]).toBe(row?.verdict);
        expect(cells[column("direction")]).toBe(row?.direction);
        expect(cells[column("adjustedConfidence")]).toBe(
          formatNumber(comparison.adjustedConfidence),
        );
      });
    },
  );

  it("recomputes every number from the per-replication values: paired mean, bounds, pairs", () => {
    const { rows } = parse(renderDifferencesCsv(THREE_MODES));
    const [baseline, ...others] = THREE_MODES_VARIANTS;
    const judged = THREE_MODES.differences
      .slice(0, 6)
      .map((row) => [row.scope, row.metric] as const);
    const expected = others.flatMap((variant) =>
      judged.map(([scope, metric]) => {
        const before = valuesOf(baseline, scope, metric);
        const after = valuesOf(variant, scope, metric);
        const pairs = before.flatMap((value, index) => {
          const other = after[index] ?? Number.NaN;
          return Number.isFinite(value) && Number.isFinite(other) ? [other - value] : [];
        });
        const mean = pairs.reduce((sum, value) => sum + value, 0) / pairs.length;
        return { mean, pairs: pairs.length, leftOut: before.length - pairs.length };
      }),
    );
    rows.forEach((cells, index) => {
      const want = expected[index];
      const [meanDifference, halfWidth, lower, upper] = cells.slice(5, 9).map(Number);
      expect(meanDifference).toBeCloseTo(want?.mean ?? Number.NaN, 6);
      expect(lower).toBeCloseTo((meanDifference ?? 0) - (halfWidth ?? 0), 5);
      expect(upper).toBeCloseTo((meanDifference ?? 0) + (halfWidth ?? 0), 5);
      expect(cells[10]).toBe(String(want?.pairs));
      expect(cells[11]).toBe(String(want?.leftOut));
    });
    // bestWorker's waitMean has replication 3 undefined: 9 pairs, 1 left out.
    const waitMean = rows.find((cells) => cells[0] === "bestWorker" && cells[3] === "waitMean");
    expect(waitMean?.slice(10, 12)).toEqual(["9", "1"]);
  });

  it("prints an identical difference as 0 ± 0, and one without pairs as empty cells", () => {
    const identical = parse(renderDifferencesCsv(THREE_MODES)).rows.find(
      (cells) => cells[0] === "roundRobin" && cells[3] === "abandonmentRate",
    );
    expect(identical?.slice(5, 9)).toEqual(["0", "0", "0", "0"]);
    expect(identical?.[12]).toBe("0");
    expect(identical?.[13]).toBe("identical");
    const { rows } = parse(renderDifferencesCsv(NO_PAIRS));
    expect(rows.find((cells) => cells[3] === "abandonWaitMean")).toEqual([
      "after",
      "before",
      "overall",
      "abandonWaitMean",
      "neutral",
      "",
      "",
      "",
      "",
      formatNumber(NO_PAIRS.adjustedConfidence),
      "0",
      "3",
      "",
      "no detectable difference",
    ]);
  });
});
