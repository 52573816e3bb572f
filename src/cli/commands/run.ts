/**
 * `ccsim run <scenario>`: simulates the scenario's replications and writes summary.json (with
 * its provenance), summary.csv, intervals.csv, workers.csv and waits.csv (events.jsonl with --events),
 * and unless --no-charts the charts and report.html (chart-outputs.ts loads vega lazily), into the
 * output folder, whole or not at all, removes what an earlier run left there, then prints a
 * short summary. Ctrl-C stops the run cleanly, drawing included: nothing is written, exit 130.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { ScenarioRunError, UsageError } from "../../errors.ts";
import { aggregateReplications } from "../../metrics/index.ts";
import {
  type RunDescription,
  renderConsoleSummary,
  renderIntervalsCsv,
  renderSummaryCsv,
  renderSummaryJson,
  renderWaitsCsv,
  renderWorkersCsv,
} from "../../report/index.ts";
import { locateRunProblems } from "../../scenario/index.ts";
import { ExitWithCode } from "../exit.ts";
import { printLine } from "../output.ts";
import { prepareOutputFolder, temporaryNameOf } from "../run/atomic-files.ts";
import { runChartFiles } from "../run/chart-outputs.ts";
import { outputFolderOf } from "../run/output-folder.ts";
import { RUN_OUTPUT_FILES as FILES, type OutputName } from "../run/output-names.ts";
import { createProgress } from "../run/progress.ts";
import { describeProvenance } from "../run/provenance.ts";
import { describeWritten, printPublicationNotes, publishOutputs } from "../run/publish-outputs.ts";
import { runReplications } from "../run/replications.ts";
import { checkScenarioFile } from "../scenario-check.ts";
import { interruptible } from "../session/interruptible.ts";
import {
  type SimulationArguments,
  withSeedAndReplications,
  withSimulationOptions,
  workerCountOf,
} from "../session/run-options.ts";

interface RunArguments extends SimulationArguments {
  scenario: string;
  out?: string;
  events: boolean;
  charts: boolean;
  png: boolean;
  checkInvariants: boolean;
}

async function handler(args: RunArguments): Promise<void> {
  if (args.png && !args.charts) {
    throw new UsageError("--png draws the charts as PNGs: it cannot go with --no-charts");
  }
  const workers = workerCountOf(args);
  const checked = await checkScenarioFile(args.scenario, args.strict);
  if (checked === undefined) throw new ExitWithCode(2);
  const scenario = withSeedAndReplications(checked.scenario, args);
  const traces = checked.traces;
  const provenance = describeProvenance(args.scenario, scenario);
  const outputDirectory = outputFolderOf(args.out, scenario.name);
  prepareOutputFolder(outputDirectory);
  const eventsPath = args.events ? join(outputDirectory, FILES.events) : undefined;

  const progress = createProgress(
    `${scenario.name}: ${scenario.replications} replication(s)`,
    args.progress,
  );
  const started = performance.now();
  await interruptible(async (signal) => {
    try {
      const results = await runReplications(scenario, {
        traces,
        workers,
        checkInvariants: args.checkInvariants,
        ...(eventsPath === undefined ? {} : { eventsPath: temporaryNameOf(eventsPath) }),
        onProgress: (fraction) => progress.update(fraction),
        signal,
      });
      progress.stop();
      const wallSeconds = (performance.now() - started) / 1000;
      const summary = aggregateReplications(results.map((result) => result.metrics));
      const run: RunDescription = {
        scenario: scenario.name,
        seed: scenario.seed,
        horizonSeconds: scenario.horizonSeconds,
        warmupSeconds: scenario.warmupSeconds,
        serviceLevelThresholdSeconds: scenario.serviceLevelThresholdSeconds,
        provenance,
      };
      const charts = await runChartFiles(args, scenario, summary, provenance, signal);
      const published = publishOutputs(
        outputDirectory,
        new Map<OutputName, string | Uint8Array>([
          [FILES.summaryJson, renderSummaryJson(run, summary)],
          [FILES.summaryCsv, renderSummaryCsv(summary)],
          [FILES.intervalsCsv, renderIntervalsCsv(summary)],
          [FILES.workersCsv, renderWorkersCsv(summary)],
          [FILES.waitsCsv, renderWaitsCsv(summary)],
          ...charts.files,
        ]),
        eventsPath === undefined ? [] : [FILES.events],
      );
      printLine(renderConsoleSummary(run, summary));
      const jobs = results.reduce((sum, result) => sum + result.metrics.overall.arrived, 0);
      printLine(
        `${scenario.replications} replication(s), ${jobs} jobs in the measurement window, ${wallSeconds.toFixed(2)} s wall time`,
      );
      if (charts.line !== undefined) printLine(charts.line);
      printLine(`wrote ${describeWritten(outputDirectory, published.written)}`);
      printPublicationNotes(published);
    } catch (error) {
      progress.stop();
      if (eventsPath !== undefined) rmSync(temporaryNameOf(eventsPath), { force: true });
      if (error instanceof ScenarioRunError)
        throw locateRunProblems(checked.source, error.problems);
      throw error;
    }
  });
}

/** The `run` command. */
export const runCommand: CommandModule<object, RunArguments> = {
  command: "run <scenario>",
  describe:
    "simulate a scenario and write summary, interval and worker reports, charts and report.html",
  builder: (cli: Argv) =>
    withSimulationOptions(cli)
      .positional("scenario", {
        type: "string",
        demandOption: true,
        describe: "scenario file (YAML or JSON)",
      })
      .option("out", {
        type: "string",
        describe: "output folder (default: reports/<scenario name as one safe folder name>/)",
      })
      .option("events", {
        type: "boolean",
        default: false,
        describe: "also write the first replication's events.jsonl (Event Grid schema)",
      })
      .option("charts", {
        type: "boolean",
        default: true,
        describe:
          "write charts/<name>.vl.json and .svg for every chart, and report.html (--no-charts to skip)",
      })
      .option("png", {
        type: "boolean",
        default: false,
        describe: "also write charts/<name>.png (2× zoom, white background)",
      })
      .option("check-invariants", {
        type: "boolean",
        default: false,
        describe: "check the router's and world's invariants after every event (slow)",
      })
      .example("$0 run scenarios/quickstart.yaml", "simulate the Job Router quickstart")
      .example(
        "$0 run scenarios/voice-50.yaml --replications 20 --out reports/voice",
        "20 replications into reports/voice/",
      )
      .example(
        "$0 run scenarios/day-12h.yaml --png",
        "also write every chart as a PNG (for slides and mail)",
      )
      .example(
        "$0 run scenarios/quickstart.yaml --events",
        "also write the Event Grid event stream",
      ) as unknown as Argv<RunArguments>,
  handler,
};
