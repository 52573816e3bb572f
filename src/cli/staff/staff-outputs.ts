/**
 * staff's output set: staffing.csv, staffing.json and, unless --no-charts, the staffing-search
 * chart (charts/staffing-search.vl.json, .svg, .png on request), drawn by the run's lazy
 * drawing; where the files go by default; and which earlier files are staff's to clean up.
 */
import { join } from "node:path";
import {
  renderStaffingCsv,
  renderStaffingJson,
  type StaffingStudy,
} from "../../report/staff/index.ts";
import { drawStudyChart } from "../run/chart-outputs.ts";
import { folderNameOf, REPORTS_FOLDER } from "../run/output-folder.ts";
import {
  isChartFileOf,
  type OutputName,
  STAFF_CHART_NAMES,
  STAFF_OUTPUT_FILES,
} from "../run/output-names.ts";
import type { OutputSet } from "../run/stale-outputs.ts";

/** The sub-folder of a scenario's reports folder that staff writes to by default. */
export const STAFF_FOLDER = "staff";

/** staff's output folder: `--out` as given, else `reports/<scenario folder>/staff/`. */
export function staffFolderOf(out: string | undefined, scenarioName: string): string {
  return out ?? join(REPORTS_FOLDER, folderNameOf(scenarioName), STAFF_FOLDER);
}

/** staff's outputs, as the stale-file cleaner knows them (staffing.json marks the folder). */
export const STAFF_OUTPUT_SET: OutputSet = {
  marker: STAFF_OUTPUT_FILES.staffingJson,
  isOwnMarker: (fields) =>
    typeof fields.scenario === "string" &&
    typeof fields.group === "string" &&
    Array.isArray(fields.targets) &&
    Array.isArray(fields.evaluations),
  topLevelNames: Object.values(STAFF_OUTPUT_FILES),
  isOwnChart: (name) => isChartFileOf(STAFF_CHART_NAMES, name),
};

/** The files to publish, by output name, and the console line about the chart (if any). */
export async function staffOutputFiles(
  study: StaffingStudy,
  charts: { readonly charts: boolean; readonly png: boolean; readonly signal: AbortSignal },
): Promise<{ files: Map<OutputName, string | Uint8Array>; chartLine?: string }> {
  const files = new Map<OutputName, string | Uint8Array>([
    [STAFF_OUTPUT_FILES.staffingCsv, renderStaffingCsv(study)],
    [STAFF_OUTPUT_FILES.staffingJson, renderStaffingJson(study)],
  ]);
  if (!charts.charts || study.search.evaluations.length === 0) return { files };
  const chartLine = await drawStudyChart(
    files,
    async () => (await import("../../report/charts/staffing-search.ts")).staffingSearchChart(study),
    charts,
  );
  return { files, chartLine };
}
