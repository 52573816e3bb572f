/**
 * Puts a run's output set in place: every file under a temporary name, then all renamed
 * together, then the earlier run's files that this run does not write removed. A failure before
 * the renames leaves the earlier set intact; nothing is removed until the new set is in place.
 * Tells the user what was removed: a file that vanishes silently is as confusing as a stale one.
 */
import { mkdirSync } from "node:fs";
import { join, sep } from "node:path";
import { printErrorLine, printLine } from "../output.ts";
import { removeIfEmpty, writeFilesAtomically } from "./atomic-files.ts";
import { CHARTS_FOLDER, type OutputName } from "./output-names.ts";
import {
  holdsOutputsOf,
  type NotRemoved,
  type OutputSet,
  RUN_OUTPUT_SET,
  removeStaleOutputs,
} from "./stale-outputs.ts";

/** What publishing did, as paths inside the output folder. */
export interface Publication {
  /** Files now in place. */
  readonly written: string[];
  /** Files of an earlier run that this run does not write, now removed. */
  readonly removed: string[];
  /** Such files that could not be removed. */
  readonly notRemoved: NotRemoved[];
}

/**
 * Writes `files` (text or bytes by output name) into `directory` whole or not at all, together
 * with `streamed`: outputs already written under their temporary names (events.jsonl), then
 * removes the stale outputs of an earlier run of the same command (`set`: run's by default).
 */
export function publishOutputs(
  directory: string,
  files: ReadonlyMap<OutputName, string | Uint8Array>,
  streamed: readonly OutputName[] = [],
  set: OutputSet = RUN_OUTPUT_SET,
): Publication {
  // Decided before the renames: afterwards the folder holds this run's summary.json.
  const earlierRunOwnsFolder = holdsOutputsOf(directory, set);
  const written = withChartsFolder(directory, [...files.keys()], () =>
    writeFilesAtomically(
      directory,
      files,
      streamed.map((name) => join(directory, name)),
    ),
  );
  if (!earlierRunOwnsFolder) return { written, removed: [], notRemoved: [] };
  return {
    written,
    ...removeStaleOutputs(directory, new Set([...files.keys(), ...streamed]), set),
  };
}

/**
 * The written paths for the console: every file, except that the chart files (a dozen or more,
 * with --png three per chart) show as one `<folder>/charts/ (N files)` where the first was.
 */
export function describeWritten(directory: string, written: readonly string[]): string {
  const chartsPrefix = `${join(directory, CHARTS_FOLDER)}${sep}`;
  const charts = written.filter((path) => path.startsWith(chartsPrefix));
  if (charts.length === 0) return written.join(", ");
  const first = written.indexOf(charts[0] ?? "");
  const others = written.filter((path) => !path.startsWith(chartsPrefix));
  others.splice(first, 0, `${chartsPrefix} (${charts.length} files)`);
  return others.join(", ");
}

/** Prints the removed files on stdout, and each that could not be removed on stderr. */
export function printPublicationNotes(published: Publication): void {
  if (published.removed.length > 0) {
    printLine(`removed ${published.removed.join(", ")} (left by an earlier run)`);
  }
  for (const { path, code } of published.notRemoved) {
    printErrorLine(`${path}: left by an earlier run and not removed (${code}); remove it by hand`);
  }
}

/** Runs `write` with the charts folder in place when a chart is among `names`; a folder it
 * created for a write that failed is removed again (when empty). */
function withChartsFolder<T>(directory: string, names: readonly OutputName[], write: () => T): T {
  const charts = join(directory, CHARTS_FOLDER);
  const created = names.some((name) => name.startsWith(`${CHARTS_FOLDER}/`))
    ? mkdirSync(charts, { recursive: true })
    : undefined;
  try {
    return write();
  } catch (error) {
    if (created !== undefined) removeIfEmpty(charts);
    throw error;
  }
}
