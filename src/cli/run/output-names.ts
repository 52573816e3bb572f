/**
 * Every name `ccsim run` writes in an output folder, now or in a version to come, declared once:
 * the writer takes its file names from here and the stale-file cleaner removes only these names,
 * so a file the user put in the folder is never touched and a new output is cleaned automatically.
 */

/** ccsim's own file names at the top of an output folder. */
export const RUN_OUTPUT_FILES = {
  summaryJson: "summary.json",
  summaryCsv: "summary.csv",
  intervalsCsv: "intervals.csv",
  workersCsv: "workers.csv",
  events: "events.jsonl",
  /** The self-contained HTML report (output contract, version 2), unless --no-charts. */
  reportHtml: "report.html",
  /** Wait and abandon-time curves (output contract, version 2). */
  waitsCsv: "waits.csv",
} as const;

/** The sub-folder of chart files (output contract, version 2), unless --no-charts. */
export const CHARTS_FOLDER = "charts";

/** Endings of chart files inside {@link CHARTS_FOLDER}: Vega-Lite specs, SVGs, PNGs (--png). */
export const CHART_FILE_ENDINGS = [".vl.json", ".svg", ".png"] as const;

/** A top-level output file name. */
export type RunOutputFile = (typeof RUN_OUTPUT_FILES)[keyof typeof RUN_OUTPUT_FILES];

/** A chart file, relative to the output folder (`charts/waits.svg`). */
export type ChartOutputFile =
  `${typeof CHARTS_FOLDER}/${string}${(typeof CHART_FILE_ENDINGS)[number]}`;

/** Any name ccsim writes, relative to the output folder, always with `/`. */
export type OutputName = RunOutputFile | ChartOutputFile;

const TOP_LEVEL_NAMES: ReadonlySet<string> = new Set(Object.values(RUN_OUTPUT_FILES));

/** Whether `name` is one of ccsim's top-level output files. */
export function isRunOutputFile(name: string): name is RunOutputFile {
  return TOP_LEVEL_NAMES.has(name);
}

/** Whether `name` (a plain file name inside the charts folder) is one of ccsim's chart files. */
export function isChartFileName(name: string): boolean {
  // A chart needs a name before its ending: ".svg" alone is a hidden file, not a chart.
  return CHART_FILE_ENDINGS.some((ending) => name.length > ending.length && name.endsWith(ending));
}
