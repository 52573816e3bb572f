/**
 * The table `ccsim compare` prints: a header (scenario, replications, seed, the variants, the
 * adjustment in words), then per judged scope a block with one row per judged metric, each
 * variant's mean ± half-width side by side, and under it one `Δ <variant>` line per other
 * variant: the difference against the baseline with its adjusted interval and the verdict in
 * words. Pure: returns the text; the CLI decides where it goes.
 */
import type { Comparison, DifferenceRow, VariantEstimates } from "../../comparison/index.ts";
import type { MetricEstimate } from "../../metrics/index.ts";
import type { RunDescription } from "../summary-json.ts";
import {
  confidenceText,
  decimalsFor,
  differenceText,
  estimateText,
  sizeText,
} from "./console-numbers.ts";
import { COMPARED_METRIC_UNITS, type MetricUnit } from "./metric-units.ts";

const COLUMN_GAP = "  ";
/** Variant names longer than this are shortened in the table's headings (listed whole above). */
export const MAX_NAME_COLUMNS = 18;

/** A table row; the last cell of a `Δ` row overflows (the verdict), so it sets no width. */
interface TableRow {
  readonly cells: readonly string[];
  readonly lastOverflows: boolean;
}

/** The empty line between two scopes' blocks. */
const BLANK_ROW: TableRow = { cells: [], lastOverflows: false };

/** The console table of `comparison`, ending with a newline. */
export function renderComparisonConsole(run: RunDescription, comparison: Comparison): string {
  const scopes = judgedScopes(comparison);
  const header = headerLines(run, comparison).join("\n");
  if (scopes.length === 0) return `${header}\n\nNo difference was judged.\n`;
  // One table for every scope, so that the columns line up from block to block.
  const rows = scopes.flatMap(([scope, scopeRows], index) => [
    ...(index === 0 ? [] : [BLANK_ROW]),
    ...scopeBlock(comparison, scope, scopeRows),
  ]);
  return `${header}\n\n${alignColumns(rows)}`;
}

/** The header: the run, the variants, what the numbers are and how the intervals are adjusted. */
function headerLines(run: RunDescription, comparison: Comparison): string[] {
  const replications =
    comparison.replications === 1 ? "1 replication" : `${comparison.replications} replications`;
  const usesShares = comparison.differences.some(
    (row) => COMPARED_METRIC_UNITS[row.metric] === "share",
  );
  return [
    `${run.scenario}: ${comparison.variants.length} variants on common random numbers, ${replications}, seed ${run.seed}`,
    ...comparison.variants.map((variant) => {
      const baseline = variant.name === comparison.baseline ? " (baseline)" : "";
      return `  ${variant.name}${baseline}: ${variant.description}`;
    }),
    "Estimates: mean ± 95% half-width over replications.",
    `Δ: variant − ${comparison.baseline}, paired by replication${usesShares ? "; differences of shares in percentage points (pp)" : ""}.`,
    `Intervals on Δ: ${adjustmentWords(comparison)}.`,
  ];
}

/**
 * The adjustment in words: "95% family-wise over 16 differences, Bonferroni: each interval at
 * 99.69%", or "95% over one difference (no adjustment)".
 */
export function adjustmentWords(comparison: Comparison): string {
  const family = confidenceText(comparison.confidence);
  if (comparison.comparisons <= 1) return `${family} over one difference (no adjustment)`;
  return (
    `${family} family-wise over ${comparison.comparisons} differences, ` +
    `${comparison.adjustment}: each interval at ${confidenceText(comparison.adjustedConfidence)}`
  );
}

/** The judged differences grouped by scope, scopes and rows in the comparison's order. */
function judgedScopes(comparison: Comparison): [string, DifferenceRow[]][] {
  const scopes = new Map<string, DifferenceRow[]>();
  for (const row of comparison.differences) {
    const rows = scopes.get(row.scope) ?? [];
    rows.push(row);
    scopes.set(row.scope, rows);
  }
  return [...scopes];
}

/** One scope's rows: a heading, then per metric its estimates and its differences. */
function scopeBlock(comparison: Comparison, scope: string, rows: DifferenceRow[]): TableRow[] {
  const metrics = [...new Set(rows.map((row) => row.metric))];
  const heading: TableRow = {
    cells: [scope, ...comparison.variants.map((variant) => shortName(variant.name))],
    lastOverflows: false,
  };
  return [
    heading,
    ...metrics.flatMap((metric) => {
      const unit = COMPARED_METRIC_UNITS[metric];
      const estimates = comparison.variants.map((variant) => estimateOf(variant, scope, metric));
      const decimals = decimalsFor(
        estimates.map((estimate) => estimate.halfWidth),
        unit,
      );
      const estimateRow: TableRow = {
        cells: [metric, ...estimates.map((estimate) => estimateText(estimate, unit, decimals))],
        lastOverflows: false,
      };
      const differenceRows = rows
        .filter((row) => row.metric === metric)
        .map((row) => differenceRow(row, unit, comparison.replications));
      return [estimateRow, ...differenceRows];
    }),
  ];
}

function estimateOf(variant: VariantEstimates, scope: string, metric: DifferenceRow["metric"]) {
  const estimate: MetricEstimate | undefined = variant.estimates.get(scope)?.get(metric);
  return estimate ?? { mean: Number.NaN, halfWidth: null };
}

/** `  Δ <variant>`, the difference ± its adjusted half-width, the verdict in words. */
function differenceRow(row: DifferenceRow, unit: MetricUnit, replications: number): TableRow {
  const { difference } = row;
  const decimals = decimalsFor([difference.halfWidth, difference.smallestDetectable], unit);
  const text = difference.identical
    ? differenceText(0, null, unit, 0)
    : differenceText(difference.meanDifference, difference.halfWidth, unit, decimals);
  return {
    cells: [`  Δ ${shortName(row.variant)}`, text, verdictWords(row, unit, decimals, replications)],
    lastOverflows: true,
  };
}

/**
 * The verdict in words; "no detectable difference" says what the run could have detected, and
 * replications left out (the metric undefined in one variant) are counted.
 */
export function verdictWords(
  row: DifferenceRow,
  unit: MetricUnit,
  decimals: number,
  replications: number,
): string {
  const { difference } = row;
  if (difference.pairs === 0) {
    return difference.identical
      ? `${row.verdict} (undefined in every replication of both)`
      : `${row.verdict} (no replication where both are defined)`;
  }
  let words: string = row.verdict;
  if (row.verdict === "no detectable difference") {
    words +=
      difference.smallestDetectable === null
        ? " (one pair: too few to tell)"
        : ` (could detect ±${sizeText(difference.smallestDetectable, unit, decimals)})`;
  }
  if (difference.leftOut > 0) {
    words += `; ${difference.leftOut} of ${replications} replications left out (undefined)`;
  }
  return words;
}

/**
 * A name that fits `columns` characters (a table column by default): long ones keep their start
 * and their distinguishing end (`distribut…Offers=3`).
 */
export function shortName(name: string, columns = MAX_NAME_COLUMNS): string {
  const characters = [...name];
  if (characters.length <= columns) return name;
  const tail = Math.floor((columns - 1) / 2);
  const head = columns - 1 - tail;
  return `${characters.slice(0, head).join("")}…${characters.slice(-tail).join("")}`;
}

/** Rows as left-aligned columns, one line each, trailing spaces trimmed. */
function alignColumns(rows: readonly TableRow[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    const measured = row.lastOverflows ? row.cells.slice(0, -1) : row.cells;
    measured.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, [...cell].length);
    });
  }
  const lines = rows.map((row) =>
    row.cells
      .map(
        (cell, column) => cell + " ".repeat(Math.max(0, (widths[column] ?? 0) - [...cell].length)),
      )
      .join(COLUMN_GAP)
      .trimEnd(),
  );
  return `${lines.join("\n")}\n`;
}
