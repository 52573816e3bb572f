/**
 * Every name `ccsim run`, `ccsim compare` and `ccsim sweep` write in an output folder, now or in
 * a version to come, declared once: the writers take their file names from here and the
 * stale-file cleaner removes only these names, so a file the user put in the folder is never
 * touched and a new output is cleaned automatically. The commands' top-level names and chart
 * names are disjoint, so none cleans up another's files when they share a folder.
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
  /** A shard's partial result (`run --shard i/n`), instead of the reports; `merge` reads it. */
  shard: "shard.json",
} as const;

/** ccsim compare's file names at the top of its output folder (output contract: compare). */
export const COMPARE_OUTPUT_FILES = {
  comparisonJson: "comparison.json",
  comparisonCsv: "comparison.csv",
  differencesCsv: "differences.csv",
} as const;

/** ccsim sweep's file names at the top of its output folder (docs/sweep.md). */
export const SWEEP_OUTPUT_FILES = {
  sweepJson: "sweep.json",
  sweepCsv: "sweep.csv",
} as const;

/**
 * The charts run (and merge of a run) draws (charts/<name>.vl.json, .svg, .png), in report
 * order. A chart dropped from a later version keeps its name here, so the cleaner still removes
 * the files an earlier run drew; a name another command draws never appears here.
 */
export const RUN_CHART_NAMES: readonly string[] = [
  "kpis",
  "service-level",
  "arrivals",
  "staffing",
  "occupancy",
  "queue-length",
  "waits",
  "utilization",
  "offers",
];

/** The charts compare draws (charts/<name>.vl.json, .svg, .png): never one of run's names. */
export const COMPARE_CHART_NAMES: readonly string[] = ["differences"];

/** ccsim staff's file names at the top of its output folder (output contract: staff). */
export const STAFF_OUTPUT_FILES = {
  staffingCsv: "staffing.csv",
  staffingJson: "staffing.json",
} as const;

/** What `staff --per-interval` writes (output contract: staffing-intervals.csv). */
export const STAFF_INTERVALS_OUTPUT_FILES = {
  staffingIntervalsCsv: "staffing-intervals.csv",
} as const;

/**
 * What `ccsim merge` of `staff --per-interval --shard` writes while the search goes on: the days
 * so far and the next one (docs/shards.md); removed when the search ends.
 */
export const STAFF_PROGRESS_OUTPUT_FILES = {
  staffProgress: "staff-progress.json",
} as const;

/** The chart staff draws: never one of run's or compare's names. */
export const STAFF_CHART_NAMES: readonly string[] = ["staffing-search"];

/** The sub-folder of chart files (output contract, version 2), unless --no-charts. */
export const CHARTS_FOLDER = "charts";

/** Endings of chart files inside {@link CHARTS_FOLDER}: Vega-Lite specs, SVGs, PNGs (--png). */
export const CHART_FILE_ENDINGS = [".vl.json", ".svg", ".png"] as const;

/** A top-level output file name. */
export type RunOutputFile = (typeof RUN_OUTPUT_FILES)[keyof typeof RUN_OUTPUT_FILES];

/** A chart file, relative to the output folder (`charts/waits.svg`). */
export type ChartOutputFile =
  `${typeof CHARTS_FOLDER}/${string}${(typeof CHART_FILE_ENDINGS)[number]}`;

/** A top-level compare output file name. */
export type CompareOutputFile = (typeof COMPARE_OUTPUT_FILES)[keyof typeof COMPARE_OUTPUT_FILES];

/** A top-level sweep output file name. */
export type SweepOutputFile = (typeof SWEEP_OUTPUT_FILES)[keyof typeof SWEEP_OUTPUT_FILES];

/** A top-level staff output file name. */
export type StaffOutputFile = (typeof STAFF_OUTPUT_FILES)[keyof typeof STAFF_OUTPUT_FILES];

/** Any name ccsim writes, relative to the output folder, always with `/`. */
export type OutputName =
  | RunOutputFile
  | CompareOutputFile
  | SweepOutputFile
  | StaffOutputFile
  | (typeof STAFF_INTERVALS_OUTPUT_FILES)[keyof typeof STAFF_INTERVALS_OUTPUT_FILES]
  | (typeof STAFF_PROGRESS_OUTPUT_FILES)[keyof typeof STAFF_PROGRESS_OUTPUT_FILES]
  | ChartOutputFile;

const TOP_LEVEL_NAMES: ReadonlySet<string> = new Set(Object.values(RUN_OUTPUT_FILES));

/** Whether `name` is one of ccsim's top-level output files. */
export function isRunOutputFile(name: string): name is RunOutputFile {
  return TOP_LEVEL_NAMES.has(name);
}

/** Whether `name` (a plain file name inside the charts folder) is a file of one of `charts`. */
export function isChartFileOf(charts: readonly string[], name: string): boolean {
  return CHART_FILE_ENDINGS.some((ending) => charts.some((chart) => name === `${chart}${ending}`));
}

/** Whether `name` (a plain file name inside the charts folder) is one of compare's charts. */
export function isCompareChartFileName(name: string): boolean {
  return isChartFileOf(COMPARE_CHART_NAMES, name);
}
