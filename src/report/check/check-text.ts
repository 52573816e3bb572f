/**
 * The terminal table of `ccsim check`: a header (scenario, baseline, pairing, family-wise
 * level), one row per check that is not identical (every check when verbose), failing rows
 * marked ✗ and inconclusive ones ? with what would settle them, then a closing line with the
 * counts and passed/FAILED. All identical and not verbose: that closing line alone.
 */
import type { CheckResult, MetricCheck } from "../../comparison/index.ts";
import {
  allIdentical,
  allowedText,
  changeText,
  countsText,
  levelText,
  metricsPhrase,
  outcomeText,
  pairingText,
  settleText,
  shownChecks,
  sidesText,
} from "./check-wording.ts";
import type { CheckReportContext } from "./report-context.ts";

const COLUMN_GAP = "  ";
const FAILING_MARK = "✗";
const INCONCLUSIVE_MARK = "?";
const HEADER = ["", "scope", "metric", "baseline", "run", "change", "allowed", "verdict"];
/** Terminals and CI logs: beyond this the scope column becomes a heading above its rows. */
export const TEXT_WIDTH = 120;
/** Room kept at the end of the closing line for " — passed" or " — FAILED" (and a comma). */
const OUTCOME_ROOM = " — FAILED,".length;

/** The table and the closing line, ending with a newline. */
export function renderCheckText(result: CheckResult, context: CheckReportContext): string {
  if (allIdentical(result) && !context.verbose) {
    const count = metricsPhrase(result.checks.length);
    return `check ${result.scenario}: all ${count} identical to ${context.baselineFile} — ${outcomeText(result)}\n`;
  }
  const header = [
    `check ${result.scenario} against ${context.baselineFile}`,
    pairingText(result),
    levelText(result),
  ];
  const shown = shownChecks(result, context.verbose);
  const table = shown.length === 0 ? [] : ["", ...tableLines(shown)];
  return `${[...header, ...table, "", ...closingLines(result)].join("\n")}\n`;
}

/**
 * "check quickstart: 215 identical, 3 unchanged — passed", broken after a comma when longer
 * than TEXT_WIDTH, so a count stays with its verdict and the outcome ends the last line.
 */
function closingLines(result: CheckResult): string[] {
  const [first = "", ...rest] = countsText(result).split(", ");
  const lines = [`check ${result.scenario}: ${first}`];
  for (const part of rest) {
    const last = lines.length - 1;
    if (`${lines[last]}, ${part}`.length < TEXT_WIDTH - OUTCOME_ROOM) lines[last] += `, ${part}`;
    else {
      lines[last] += ",";
      lines.push(part);
    }
  }
  lines[lines.length - 1] += ` — ${outcomeText(result)}`;
  return lines;
}

function markOf(check: MetricCheck): string {
  if (check.fails) return FAILING_MARK;
  return check.verdict === "inconclusive" ? INCONCLUSIVE_MARK : "";
}

function cellsOf(check: MetricCheck): string[] {
  const { baseline, current } = sidesText(check);
  return [
    markOf(check),
    check.scope,
    check.metric,
    baseline,
    current,
    changeText(check),
    allowedText(check),
    check.verdict,
  ];
}

/**
 * The table with a scope column; when that is wider than TEXT_WIDTH (long scope ids and metric
 * names), each scope as a heading line above its rows instead.
 */
function tableLines(checks: readonly MetricCheck[]): string[] {
  const withScopes = layOut(HEADER, checks.map(cellsOf), checks, () => []);
  if (withScopes.every((line) => line.length <= TEXT_WIDTH)) return withScopes;
  const withoutScope = (cells: readonly string[]) => cells.filter((_, column) => column !== 1);
  let previousScope: string | undefined;
  return layOut(
    withoutScope(HEADER),
    checks.map((check) => withoutScope(cellsOf(check))),
    checks,
    (check) => {
      if (check.scope === previousScope) return [];
      previousScope = check.scope;
      return [check.scope];
    },
  );
}

/**
 * Left-aligned columns, trailing spaces trimmed; `before` gives lines to put above a row (scope
 * headings); an inconclusive row is followed by a line, indented to the column after the
 * scope's, saying how many replications would settle it.
 */
function layOut(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  checks: readonly MetricCheck[],
  before: (check: MetricCheck) => string[],
): string[] {
  const widths: number[] = [];
  for (const row of [header, ...rows]) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.length);
    });
  }
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join(COLUMN_GAP)
      .trimEnd();
  // The settle note starts under the metric: after the mark, and the scope when it is a column.
  const metricColumn = header.indexOf("metric");
  const indent = widths
    .slice(0, metricColumn)
    .reduce((sum, width) => sum + width + COLUMN_GAP.length, 0);
  const lines = [line(header)];
  checks.forEach((check, index) => {
    lines.push(...before(check), line(rows[index] ?? []));
    if (check.verdict === "inconclusive") lines.push(`${" ".repeat(indent)}${settleText(check)}`);
  });
  return lines;
}
