/**
 * sweep's output set: sweep.csv, sweep.json and, unless --no-charts, the sweep chart
 * (charts/sweep.vl.json, .svg, .png on request), drawn lazily so that vega loads only when
 * charts are wanted; where the files go by default; and which files an earlier sweep left.
 */
import { join } from "node:path";
import type { RunDescription } from "../../report/index.ts";
import { renderSweepCsv, renderSweepJson, type SweepResults } from "../../report/sweep/index.ts";
import { drawStudyChart } from "../run/chart-outputs.ts";
import { folderNameOf, REPORTS_FOLDER } from "../run/output-folder.ts";
import {
  SWEEP_OUTPUT_FILES as FILES,
  isChartFileOf,
  type OutputName,
} from "../run/output-names.ts";
import type { OutputSet } from "../run/stale-outputs.ts";

/** The sub-folder of a scenario's reports folder that sweep writes to by default. */
export const SWEEP_FOLDER = "sweep";

/** The chart sweep draws (charts/sweep.vl.json, .svg, .png). */
const SWEEP_CHART = "sweep";

/** sweep's output folder: `--out` as given, else `reports/<scenario folder>/sweep/`. */
export function sweepFolderOf(out: string | undefined, scenarioName: string): string {
  return out ?? join(REPORTS_FOLDER, folderNameOf(scenarioName), SWEEP_FOLDER);
}

/** `ccsim sweep`'s outputs, for the stale-file cleaner: marked by a sweep.json ccsim wrote. */
export const SWEEP_OUTPUT_SET: OutputSet = {
  marker: FILES.sweepJson,
  isOwnMarker: (fields) =>
    typeof fields.scenario === "string" &&
    Array.isArray(fields.fields) &&
    Array.isArray(fields.points),
  topLevelNames: Object.values(FILES),
  isOwnChart: (name) => isChartFileOf([SWEEP_CHART], name),
};

/** The files to publish, by output name, and the console line about the chart (if any). */
export async function sweepOutputFiles(
  run: RunDescription,
  results: SweepResults,
  charts: { readonly charts: boolean; readonly png: boolean; readonly signal: AbortSignal },
): Promise<{ files: Map<OutputName, string | Uint8Array>; chartLine?: string }> {
  const files = new Map<OutputName, string | Uint8Array>([
    [FILES.sweepCsv, renderSweepCsv(results)],
    [FILES.sweepJson, renderSweepJson(run, results)],
  ]);
  if (!charts.charts) return { files };
  const chartLine = await drawStudyChart(
    files,
    async () => (await import("../../report/charts/sweep.ts")).sweepChart(results, run.scenario),
    charts,
  );
  return { files, chartLine };
}
