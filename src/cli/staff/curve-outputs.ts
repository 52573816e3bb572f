/**
 * What a finished per-interval search leaves: staffing-intervals.csv and, unless --no-charts,
 * charts/staffing-curve (SVG, PNG with --png), published whole, then the console report; exit 1
 * without an answer. The unsharded search and the merge of its shards both end here.
 */
import {
  type CurveStudy,
  renderCurveConsole,
  renderStaffingIntervalsCsv,
} from "../../report/staff/index.ts";
import { ExitWithCode } from "../exit.ts";
import { printLine } from "../output.ts";
import { drawStudyChart } from "../run/chart-outputs.ts";
import { type OutputName, STAFF_INTERVALS_OUTPUT_FILES } from "../run/output-names.ts";
import { describeWritten, printPublicationNotes, publishOutputs } from "../run/publish-outputs.ts";
import type { OutputSet } from "../run/stale-outputs.ts";

/** Nothing marks a folder as per-interval staff's: earlier files are never removed. */
export const CURVE_OUTPUT_SET: OutputSet = {
  marker: STAFF_INTERVALS_OUTPUT_FILES.staffingIntervalsCsv,
  isOwnMarker: () => false,
  topLevelNames: Object.values(STAFF_INTERVALS_OUTPUT_FILES),
  isOwnChart: () => false,
};

/** Where and how to write a finished search. */
export interface CurvePublication {
  readonly outputDirectory: string;
  readonly charts: boolean;
  readonly png: boolean;
  readonly signal: AbortSignal;
  /** Whose earlier files give way ({@link CURVE_OUTPUT_SET}: none). */
  readonly set?: OutputSet;
  /** A line printed after the report (merge: how many shards and days). */
  readonly studyLine?: string;
  /** Why earlier files were removed, when not "left by an earlier run" (merge: the search ended). */
  readonly removedBecause?: string;
}

/** Publishes `study`'s files, prints its report; exit 1 when the search found no answer. */
export async function publishCurve(study: CurveStudy, options: CurvePublication): Promise<void> {
  const files = new Map<OutputName, string | Uint8Array>([
    [STAFF_INTERVALS_OUTPUT_FILES.staffingIntervalsCsv, renderStaffingIntervalsCsv(study)],
  ]);
  let chartLine: string | undefined;
  if (options.charts && study.search.days.length > 0) {
    chartLine = await drawStudyChart(
      files,
      async () => (await import("../../report/charts/staffing-curve.ts")).staffingCurveChart(study),
      options,
    );
  }
  const published = publishOutputs(
    options.outputDirectory,
    files,
    [],
    options.set ?? CURVE_OUTPUT_SET,
  );
  printLine(renderCurveConsole(study));
  if (options.studyLine !== undefined) printLine(options.studyLine);
  if (chartLine !== undefined) printLine(chartLine);
  printLine(`wrote ${describeWritten(options.outputDirectory, published.written)}`);
  if (options.removedBecause !== undefined && published.removed.length > 0) {
    printLine(`removed ${published.removed.join(", ")} (${options.removedBecause})`);
    printPublicationNotes({ ...published, removed: [] });
  } else {
    printPublicationNotes(published);
  }
  if (study.search.answer === undefined) throw new ExitWithCode(1);
}
