/**
 * `ccsim run <scenario>`: simulates the scenario's replications and writes summary.json (with
 * its provenance), summary.csv, intervals.csv, workers.csv and waits.csv (events.jsonl with --events),
 * and unless --no-charts the charts and report.html (chart-outputs.ts loads vega lazily), into the
 * output folder, whole or not at all, removes what an earlier run left there, then prints a
 * short summary. With --shard i/n only that shard's replications, and shard.json instead of the
 * reports (`ccsim merge` writes them). Ctrl-C stops the run cleanly: nothing written, exit 130.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { ScenarioRunError, UsageError } from "../../errors.ts";
import { aggregateReplications } from "../../metrics/index.ts";
import { renderConsoleSummary } from "../../report/index.ts";
import { locateRunProblems } from "../../scenario/index.ts";
import { ExitWithCode } from "../exit.ts";
import { printLine } from "../output.ts";
import { prepareOutputFolder, temporaryNameOf } from "../run/atomic-files.ts";
import { outputFolderOf } from "../run/output-folder.ts";
import { RUN_OUTPUT_FILES as FILES } from "../run/output-names.ts";
import { createProgress } from "../run/progress.ts";
import { describeProvenance } from "../run/provenance.ts";
import { runReplications } from "../run/replications.ts";
import { printWrittenReports, publishRunReports } from "../run/run-reports.ts";
import { parseShard, replicationsOfShard, type ShardSpec } from "../run/shard.ts";
import { publishShard } from "../run/shard-outputs.ts";
import { checkScenarioFile } from "../scenario-check.ts";
import { type ChartArguments, chartOptions, checkChartOptions } from "../session/chart-options.ts";
import { interruptible } from "../session/interruptible.ts";
import {
  SCENARIO_POSITIONAL,
  type SimulationArguments,
  withSeedAndReplications,
  withSimulationOptions,
  workerCountOf,
} from "../session/run-options.ts";
import { COMMAND_SUMMARIES } from "./summaries.ts";

interface RunArguments extends SimulationArguments, ChartArguments {
  scenario: string;
  out?: string;
  events: boolean;
  checkInvariants: boolean;
  shard?: string;
}

/** --shard parsed and checked against the options it cannot go with. */
function shardOf(args: RunArguments): ShardSpec | undefined {
  if (args.shard === undefined) return undefined;
  const shard = parseShard(args.shard);
  if (args.events) {
    throw new UsageError(
      "--events cannot go with --shard: the events are replication 0's alone; run `ccsim run <scenario> --replications 1 --events` for them (the same events)",
    );
  }
  if (args.png) {
    throw new UsageError(
      "--png cannot go with --shard: a shard writes no charts; give --png to `ccsim merge`",
    );
  }
  return shard;
}

async function handler(args: RunArguments): Promise<void> {
  checkChartOptions(args, "the charts as PNGs");
  const shard = shardOf(args);
  const workers = workerCountOf(args);
  const checked = await checkScenarioFile(args.scenario, args.strict);
  if (checked === undefined) throw new ExitWithCode(2);
  const scenario = withSeedAndReplications(checked.scenario, args);
  const only = shard === undefined ? undefined : replicationsOfShard(shard, scenario.replications);
  const traces = checked.traces;
  const provenance = describeProvenance(args.scenario, scenario);
  const outputDirectory = outputFolderOf(args.out, scenario.name);
  prepareOutputFolder(outputDirectory);
  const eventsPath = args.events ? join(outputDirectory, FILES.events) : undefined;

  const count = only?.length ?? scenario.replications;
  const progress = createProgress(
    shard === undefined
      ? `${scenario.name}: ${count} replication(s)`
      : `${scenario.name}, shard ${shard.index}/${shard.count}: ${count} of ${scenario.replications} replication(s)`,
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
        ...(only === undefined ? {} : { only }),
        onProgress: (fraction) => progress.update(fraction),
        signal,
      });
      progress.stop();
      const wallSeconds = (performance.now() - started) / 1000;
      const jobs = results.reduce((sum, result) => sum + result.metrics.overall.arrived, 0);
      const replicationsLine = `${count} replication(s), ${jobs} jobs in the measurement window, ${wallSeconds.toFixed(2)} s wall time`;
      if (shard !== undefined) {
        publishShard({ outputDirectory, shard, scenario, provenance, results, replicationsLine });
        return;
      }
      const summary = aggregateReplications(results.map((result) => result.metrics));
      const reports = await publishRunReports({
        outputDirectory,
        scenario,
        provenance,
        summary,
        charts: args.charts,
        png: args.png,
        streamed: eventsPath === undefined ? [] : [FILES.events],
        signal,
      });
      printLine(renderConsoleSummary(reports.run, summary));
      printLine(replicationsLine);
      printWrittenReports(outputDirectory, reports);
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
  ...COMMAND_SUMMARIES.run,
  builder: (cli: Argv) =>
    withSimulationOptions(cli)
      .positional("scenario", SCENARIO_POSITIONAL)
      .option("out", {
        type: "string",
        describe: "output folder (default: reports/<scenario name as one safe folder name>/)",
      })
      .option("events", {
        type: "boolean",
        default: false,
        describe: "also write the first replication's events.jsonl (Event Grid schema)",
      })
      .options(chartOptions("<name>", " for every chart, and report.html"))
      .option("shard", {
        type: "string",
        describe:
          "simulate only shard i of n (i from 1 to n: replications r with r mod n = i−1) and write its partial result, shard.json; `ccsim merge` combines the shards",
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
      )
      .example(
        "$0 run scenarios/voice-50.yaml --replications 30 --shard 2/3 --out shards/2",
        "replications 1, 4, 7, … of 30 into shards/2/shard.json (then ccsim merge)",
      ) as unknown as Argv<RunArguments>,
  handler,
};
