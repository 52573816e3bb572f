/**
 * Renderers of `ccsim compare`'s outputs, pure functions of the Comparison: comparison.csv
 * (`variant,scope,metric,mean,halfWidth`, every estimated metric), differences.csv (the judged
 * differences with their adjusted intervals and verdicts), comparison.json, and the console's
 * side-by-side table.
 *
 * INTERFACE (issue 10, lead): signatures fixed; the compare-renderers helper implements them.
 */
import type { Comparison } from "../../comparison/index.ts";
import type { RunDescription } from "../summary-json.ts";

/** comparison.csv: one row per variant, scope and metric, as the output contract says. */
export function renderComparisonCsv(comparison: Comparison): string {
  void comparison;
  throw new Error("renderComparisonCsv: not implemented yet (issue 10, compare-renderers)");
}

/** differences.csv: one row per judged difference. */
export function renderDifferencesCsv(comparison: Comparison): string {
  void comparison;
  throw new Error("renderDifferencesCsv: not implemented yet (issue 10, compare-renderers)");
}

/** comparison.json: the run, the adjustment, every variant's estimates and every difference. */
export function renderComparisonJson(run: RunDescription, comparison: Comparison): string {
  void [run, comparison];
  throw new Error("renderComparisonJson: not implemented yet (issue 10, compare-renderers)");
}

/** The console table: judged metrics side by side, differences with intervals and verdicts. */
export function renderComparisonConsole(run: RunDescription, comparison: Comparison): string {
  void [run, comparison];
  throw new Error("renderComparisonConsole: not implemented yet (issue 10, compare-renderers)");
}
