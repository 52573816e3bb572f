/**
 * Removal of the files an earlier run wrote and this one did not (the events.jsonl of a run with
 * --events, a chart that is no longer drawn), so that a folder never mixes two runs. Only the
 * command's own names (output-names.ts) are removed, only regular files (never a link or folder),
 * and only in a folder an earlier run of that command owns: one that holds a summary.json
 * (compare: a comparison.json) ccsim wrote.
 */
import { lstatSync, readdirSync, readFileSync, rmdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import {
  CHARTS_FOLDER,
  COMPARE_OUTPUT_FILES,
  isChartFileOf,
  isCompareChartFileName,
  RUN_CHART_NAMES,
  RUN_OUTPUT_FILES,
} from "./output-names.ts";

/** One command's outputs, as the cleaner knows them. */
export interface OutputSet {
  /** The file that marks a folder as an earlier run's, when ccsim wrote it. */
  readonly marker: string;
  /** Whether the marker's parsed JSON has the fields ccsim writes. */
  readonly isOwnMarker: (fields: Readonly<Record<string, unknown>>) => boolean;
  /** The command's top-level file names. */
  readonly topLevelNames: readonly string[];
  /** Whether a plain file name in the charts folder is one of the command's charts. */
  readonly isOwnChart: (name: string) => boolean;
}

/** `ccsim run`'s outputs: its own charts only (staff's, sweep's and compare's stay). */
export const RUN_OUTPUT_SET: OutputSet = {
  marker: RUN_OUTPUT_FILES.summaryJson,
  isOwnMarker: (fields) =>
    typeof fields.scenario === "string" &&
    typeof fields.replications === "number" &&
    typeof fields.overall === "object" &&
    fields.overall !== null,
  topLevelNames: Object.values(RUN_OUTPUT_FILES),
  isOwnChart: (name) => isChartFileOf(RUN_CHART_NAMES, name),
};

/** `ccsim compare`'s outputs. */
export const COMPARE_OUTPUT_SET: OutputSet = {
  marker: COMPARE_OUTPUT_FILES.comparisonJson,
  isOwnMarker: (fields) =>
    typeof fields.scenario === "string" &&
    typeof fields.baseline === "string" &&
    Array.isArray(fields.variants) &&
    Array.isArray(fields.differences),
  topLevelNames: Object.values(COMPARE_OUTPUT_FILES),
  isOwnChart: isCompareChartFileName,
};

/** ccsim's summary.json is kilobytes; a bigger file of that name is not worth reading. */
const MAX_SUMMARY_BYTES = 64 * 1024 * 1024;

/** A stale file that could not be removed, with the system's error code. */
export interface NotRemoved {
  readonly path: string;
  readonly code: string;
}

/** What the cleaning did: paths removed and paths that resisted. */
export interface StaleOutputs {
  readonly removed: string[];
  readonly notRemoved: NotRemoved[];
}

/**
 * Whether `directory` holds the summary.json of an earlier ccsim run, recognised by the output
 * contract's fields. A folder without one is the user's (`--out .`, `--out docs`): a file there
 * named like ccsim's outputs is theirs, not a leftover, and is never removed.
 */
export function holdsCcsimSummary(directory: string): boolean {
  return holdsOutputsOf(directory, RUN_OUTPUT_SET);
}

/** Whether `directory` holds the marker file of an earlier run of `set`'s command. */
export function holdsOutputsOf(directory: string, set: OutputSet): boolean {
  const path = join(directory, set.marker);
  try {
    const status = lstatSync(path);
    if (!status.isFile() || status.size > MAX_SUMMARY_BYTES) return false;
    const document: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (typeof document !== "object" || document === null) return false;
    return set.isOwnMarker(document as Record<string, unknown>);
  } catch {
    return false; // missing, unreadable or not JSON: not ccsim's
  }
}

/**
 * Removes every output file of `set`'s command in `directory` that is not in `kept` (names
 * relative to the folder), and the charts folder when that leaves it empty. Call it only after
 * the new files are in place, so that a failed run leaves the earlier set whole.
 */
export function removeStaleOutputs(
  directory: string,
  kept: ReadonlySet<string>,
  set: OutputSet = RUN_OUTPUT_SET,
): StaleOutputs {
  const outcome: StaleOutputs = { removed: [], notRemoved: [] };
  for (const name of set.topLevelNames) {
    if (!kept.has(name)) removeFile(join(directory, name), outcome);
  }
  const charts = join(directory, CHARTS_FOLDER);
  if (!isRealFolder(charts)) return outcome;
  for (const entry of readdirSync(charts, { withFileTypes: true })) {
    const name = `${CHARTS_FOLDER}/${entry.name}`;
    if (entry.isFile() && set.isOwnChart(entry.name) && !kept.has(name)) {
      removeFile(join(charts, entry.name), outcome);
    }
  }
  removeFolderIfEmpty(charts);
  return outcome;
}

function removeFile(path: string, outcome: StaleOutputs): void {
  try {
    if (!lstatSync(path).isFile()) return;
    rmSync(path);
    outcome.removed.push(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (code !== "ENOENT") outcome.notRemoved.push({ path, code });
  }
}

/** A folder itself, not a link to one (a link could lead outside the output folder). */
function isRealFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function removeFolderIfEmpty(path: string): void {
  try {
    rmdirSync(path); // refuses a folder that still holds anything: the user's files stay
  } catch {
    // not empty, or already gone: nothing to do
  }
}
