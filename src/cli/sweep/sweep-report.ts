/**
 * sweep's files and console from the points' replication tables: the estimates per point,
 * sweep.csv, sweep.json and the chart published whole or not at all, then the console table.
 * `sweep` and `merge` (of sweep's shards) both write through here, so merged files are the
 * very files an unsharded sweep writes.
 */
import type { RunDescription } from "../../report/index.ts";
import {
  renderSweepConsole,
  type SimulatedPoint,
  sweepResultsOf,
} from "../../report/sweep/index.ts";
import { printLine } from "../output.ts";
import { describeWritten, printPublicationNotes, publishOutputs } from "../run/publish-outputs.ts";
import type { SweepShardDescription } from "../run/shard-file.ts";
import { SWEEP_OUTPUT_SET, sweepOutputFiles } from "./sweep-outputs.ts";

/** What to estimate and write, and where. */
export interface SweepReportRequest {
  readonly outputDirectory: string;
  readonly run: RunDescription;
  /** The swept fields, the fixed --sets and the console's and chart's metrics. */
  readonly description: SweepShardDescription;
  /** Every point, all on the same replications, in the grid's order. */
  readonly points: readonly SimulatedPoint[];
  readonly charts: boolean;
  readonly png: boolean;
  readonly signal: AbortSignal;
  /** The console line after the table: how many points, replications, jobs (and how long). */
  readonly studyLine: string;
}

/** Estimates the points, publishes sweep's files and prints the console's report. */
export async function publishSweep(request: SweepReportRequest): Promise<void> {
  const { run } = request;
  const results = sweepResultsOf(request.description, request.points);
  const { files, chartLine } = await sweepOutputFiles(run, results, {
    charts: request.charts,
    png: request.png,
    signal: request.signal,
  });
  const published = publishOutputs(request.outputDirectory, files, [], SWEEP_OUTPUT_SET);
  printLine(renderSweepConsole(run, results));
  printLine(request.studyLine);
  if (chartLine !== undefined) printLine(chartLine);
  printLine(`wrote ${describeWritten(request.outputDirectory, published.written)}`);
  printPublicationNotes(published);
}
