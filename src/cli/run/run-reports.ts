/**
 * The reports of a run, from its summary: summary.json (with provenance), summary.csv,
 * intervals.csv, workers.csv, waits.csv, and the charts and report.html unless --no-charts,
 * published whole or not at all. `run` and `merge` both write through here, so a merged run's
 * files are the very files an unsharded run writes.
 */
import type { ReplicationSummary } from "../../metrics/types.ts";
import {
  type Provenance,
  type RunDescription,
  renderIntervalsCsv,
  renderSummaryCsv,
  renderSummaryJson,
  renderWaitsCsv,
  renderWorkersCsv,
} from "../../report/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import { printLine } from "../output.ts";
import { runChartFiles } from "./chart-outputs.ts";
import { RUN_OUTPUT_FILES as FILES, type OutputName } from "./output-names.ts";
import {
  describeWritten,
  type Publication,
  printPublicationNotes,
  publishOutputs,
} from "./publish-outputs.ts";

/** What to write, and where. */
export interface RunReportsRequest {
  readonly outputDirectory: string;
  readonly scenario: Scenario;
  readonly provenance: Provenance;
  readonly summary: ReplicationSummary;
  readonly charts: boolean;
  readonly png: boolean;
  /** Outputs already written under their temporary names (events.jsonl). */
  readonly streamed?: readonly OutputName[];
  readonly signal: AbortSignal;
}

/** What was written: the run as summary.json describes it, the files, the charts' line. */
export interface RunReports {
  readonly run: RunDescription;
  readonly published: Publication;
  readonly chartsLine?: string;
}

/** The run as summary.json and the console describe it. */
export function runDescriptionOf(scenario: Scenario, provenance: Provenance): RunDescription {
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    horizonSeconds: scenario.horizonSeconds,
    warmupSeconds: scenario.warmupSeconds,
    serviceLevelThresholdSeconds: scenario.serviceLevelThresholdSeconds,
    provenance,
  };
}

/** Draws the charts (unless --no-charts), then publishes every report file of the run. */
export async function publishRunReports(request: RunReportsRequest): Promise<RunReports> {
  const { scenario, provenance, summary } = request;
  const run = runDescriptionOf(scenario, provenance);
  const charts = await runChartFiles(request, scenario, summary, provenance, request.signal);
  const published = publishOutputs(
    request.outputDirectory,
    new Map<OutputName, string | Uint8Array>([
      [FILES.summaryJson, renderSummaryJson(run, summary)],
      [FILES.summaryCsv, renderSummaryCsv(summary)],
      [FILES.intervalsCsv, renderIntervalsCsv(summary)],
      [FILES.workersCsv, renderWorkersCsv(summary)],
      [FILES.waitsCsv, renderWaitsCsv(summary)],
      ...charts.files,
    ]),
    request.streamed ?? [],
  );
  return { run, published, ...(charts.line === undefined ? {} : { chartsLine: charts.line }) };
}

/** Prints the charts' line, the files written and what was removed. */
export function printWrittenReports(outputDirectory: string, reports: RunReports): void {
  if (reports.chartsLine !== undefined) printLine(reports.chartsLine);
  printLine(`wrote ${describeWritten(outputDirectory, reports.published.written)}`);
  printPublicationNotes(reports.published);
}
