/**
 * compare's files and console from the variants' replication tables: the comparison judged,
 * comparison.csv, differences.csv, comparison.json and the chart published whole or not at all,
 * then the console table. `compare` and `merge` (of compare's shards) both write through here,
 * so merged files are the very files an unsharded compare writes.
 */
import {
  type ComparisonOptions,
  compareVariants,
  judgedPairsOf,
  type SkippedPair,
  type VariantResults,
} from "../../comparison/index.ts";
import { renderComparisonConsole } from "../../report/compare/index.ts";
import type { RunDescription } from "../../report/index.ts";
import { printErrorLine, printLine } from "../output.ts";
import { describeWritten, printPublicationNotes, publishOutputs } from "../run/publish-outputs.ts";
import { COMPARE_OUTPUT_SET } from "../run/stale-outputs.ts";
import { compareOutputFiles } from "./compare-outputs.ts";

/** What to compare and write, and where. */
export interface ComparisonReportRequest {
  readonly outputDirectory: string;
  readonly run: RunDescription;
  /** Every variant, all on the same replications, in order. */
  readonly results: readonly VariantResults[];
  readonly options: ComparisonOptions;
  readonly charts: boolean;
  readonly png: boolean;
  readonly signal: AbortSignal;
  /** The console line after the table: how many variants, replications, jobs (and how long). */
  readonly studyLine: string;
}

/** Judges the variants, publishes compare's files and prints the console's report. */
export async function publishComparison(request: ComparisonReportRequest): Promise<void> {
  const { run, results, options } = request;
  printSkipped(judgedPairsOf(results, options).skipped);
  const comparison = compareVariants(results, options);
  const { files, chartLine } = await compareOutputFiles(run, comparison, {
    charts: request.charts,
    png: request.png,
    signal: request.signal,
  });
  const published = publishOutputs(request.outputDirectory, files, [], COMPARE_OUTPUT_SET);
  printLine(renderComparisonConsole(run, comparison));
  printLine(request.studyLine);
  if (chartLine !== undefined) printLine(chartLine);
  printLine(`wrote ${describeWritten(request.outputDirectory, published.written)}`);
  printPublicationNotes(published);
}

/** One stderr line per scope that some variants lack: its metrics are not compared. */
function printSkipped(skipped: readonly SkippedPair[]): void {
  const byScope = new Map<string, { missingIn: readonly string[]; metrics: string[] }>();
  for (const pair of skipped) {
    const key = `${pair.scope}\u0000${pair.missingIn.join("\u0000")}`;
    const entry = byScope.get(key) ?? { missingIn: pair.missingIn, metrics: [] };
    entry.metrics.push(pair.metric);
    byScope.set(key, entry);
  }
  for (const [key, { missingIn, metrics }] of byScope) {
    const scope = key.split("\u0000")[0];
    printErrorLine(
      `note: ${scope} is not compared (variant ${missingIn.map((name) => `"${name}"`).join(", ")} has no such scope): ${metrics.join(", ")}`,
    );
  }
}
