/**
 * compare's output set: comparison.csv, differences.csv, comparison.json and, unless
 * --no-charts, the differences chart (charts/differences.vl.json, .svg, .png on request), drawn
 * by the run's lazy drawing so that vega loads only when charts are wanted; and where the files
 * go by default.
 */
import { join } from "node:path";
import type { Comparison } from "../../comparison/index.ts";
import {
  renderComparisonCsv,
  renderComparisonJson,
  renderDifferencesCsv,
} from "../../report/compare/index.ts";
import type { RunDescription } from "../../report/index.ts";
import { drawStudyChart } from "../run/chart-outputs.ts";
import { folderNameOf, REPORTS_FOLDER } from "../run/output-folder.ts";
import { COMPARE_OUTPUT_FILES as FILES, type OutputName } from "../run/output-names.ts";

/** The sub-folder of a scenario's reports folder that compare writes to by default. */
export const COMPARE_FOLDER = "compare";

/**
 * compare's output folder: `--out` as given, else `reports/<scenario folder>/compare/`: beside
 * the scenario's run outputs, never among them.
 */
export function compareFolderOf(out: string | undefined, scenarioName: string): string {
  return out ?? join(REPORTS_FOLDER, folderNameOf(scenarioName), COMPARE_FOLDER);
}

/** The files to publish, by output name, and the console line about the charts (if any). */
export async function compareOutputFiles(
  run: RunDescription,
  comparison: Comparison,
  charts: { readonly charts: boolean; readonly png: boolean; readonly signal: AbortSignal },
): Promise<{ files: Map<OutputName, string | Uint8Array>; chartLine?: string }> {
  const files = new Map<OutputName, string | Uint8Array>([
    [FILES.comparisonCsv, renderComparisonCsv(comparison)],
    [FILES.differencesCsv, renderDifferencesCsv(comparison)],
    [FILES.comparisonJson, renderComparisonJson(run, comparison)],
  ]);
  if (!charts.charts) return { files };
  const chartLine = await drawStudyChart(
    files,
    async () =>
      (await import("../../report/charts/differences.ts")).differencesChart(
        comparison,
        run.scenario,
      ),
    charts,
  );
  return { files, chartLine };
}
