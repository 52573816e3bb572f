/**
 * The table `ccsim sweep` prints: a header (scenario, points, replications, seed, the fixed
 * --sets), then one row per point: its value of each swept field and the chosen metrics of the
 * overall scope as mean ± 95% half-width, each metric with as many decimals as its smallest
 * half-width needs (compare's rule), so the column lines up. Pure: returns the text.
 */
import { decimalsFor, estimateText } from "../compare/console-numbers.ts";
import { COMPARED_METRIC_UNITS } from "../compare/metric-units.ts";
import type { RunDescription } from "../summary-json.ts";
import { pointLabel, type SweepResults } from "./sweep-results.ts";

const COLUMN_GAP = "  ";
const OVERALL = "overall";

/** The console table of `results`, ending with a newline. */
export function renderSweepConsole(run: RunDescription, results: SweepResults): string {
  const replications =
    results.replications === 1 ? "1 replication" : `${results.replications} replications`;
  const header = [
    `${run.scenario}: ${results.points.length} points on common random numbers, ${replications}, seed ${run.seed}`,
    ...results.fixed.map((text) => `  every point: ${text}`),
    "Overall scope; mean ± 95% half-width over replications.",
  ];
  const columns = [...results.fields.map((field) => field.name), ...results.metrics];
  const decimals = results.metrics.map((metric) =>
    decimalsFor(
      results.points.map((point) => point.estimates.get(OVERALL)?.get(metric)?.halfWidth ?? null),
      COMPARED_METRIC_UNITS[metric],
    ),
  );
  const rows = results.points.map((point) => [
    ...results.fields.map((_, index) => pointLabel(results, point, index)),
    ...results.metrics.map((metric, index) => {
      const estimate = point.estimates.get(OVERALL)?.get(metric);
      if (estimate === undefined) return "-";
      return estimateText(estimate, COMPARED_METRIC_UNITS[metric], decimals[index] ?? 1);
    }),
  ]);
  const fieldCount = results.fields.length;
  return `${header.join("\n")}\n\n${alignColumns([columns, ...rows], fieldCount)}`;
}

/** Rows padded to their columns' widths: field values to the left, numbers to the right. */
function alignColumns(rows: readonly (readonly string[])[], leftAligned: number): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [index, cell] of row.entries()) {
      widths[index] = Math.max(widths[index] ?? 0, cell.length);
    }
  }
  return rows
    .map((row) =>
      row
        .map((cell, index) =>
          index < leftAligned ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0),
        )
        .join(COLUMN_GAP)
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join("");
}
