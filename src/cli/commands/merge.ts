/**
 * `ccsim merge <shard folders…> --out DIR`: combines the shard.json files that
 * `ccsim run|compare|sweep --shard i/n` wrote into the files the unsharded command writes, byte
 * for byte: the shards are checked to be one study's (every problem at once, exit 2), their
 * replications put in order and the files written through the command's own report code. The
 * shards of a day of `staff --per-interval` advance its search by one day (merge-curve.ts).
 */
import { resolve } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { UsageError } from "../../errors.ts";
import { aggregateReplications } from "../../metrics/index.ts";
import { renderConsoleSummary } from "../../report/index.ts";
import { ExitWithCode } from "../exit.ts";
import { checkShards } from "../merge/check-shards.ts";
import { curveFolderOf, mergeCurve } from "../merge/merge-curve.ts";
import { mergeCompare, mergeSweep, studyFolderOf } from "../merge/merge-studies.ts";
import { readShards } from "../merge/read-shards.ts";
import { printErrorLine, printLine } from "../output.ts";
import { prepareOutputFolder } from "../run/atomic-files.ts";
import { outputFolderOf } from "../run/output-folder.ts";
import { printWrittenReports, publishRunReports } from "../run/run-reports.ts";
import { type ChartArguments, chartOptions, checkChartOptions } from "../session/chart-options.ts";
import { interruptible } from "../session/interruptible.ts";
import { packageVersion } from "../version.ts";
import { COMMAND_SUMMARIES } from "./summaries.ts";

interface MergeArguments extends ChartArguments {
  shards: string[];
  out?: string;
}

async function handler(args: MergeArguments): Promise<void> {
  checkChartOptions(args, "the charts as PNGs");
  const read = readShards(args.shards);
  const checked =
    read.problems.length === 0 ? checkShards(read.shards, packageVersion()) : undefined;
  const problems = checked === undefined ? read.problems : checked.ok ? [] : checked.problems;
  if (checked === undefined || !checked.ok) {
    for (const problem of problems) printErrorLine(`ccsim merge: ${problem}`);
    throw new ExitWithCode(2);
  }
  const { run, results, series } = checked;
  const outputDirectory =
    run.command === "run"
      ? outputFolderOf(args.out, run.scenarioDefinition.name)
      : run.command === "staff"
        ? curveFolderOf(args.out, run.scenario)
        : studyFolderOf(args.out, run);
  // Merging into a shard's folder would later clean its shard.json away as a stale output.
  const shardFolder = args.shards.find((folder) => resolve(folder) === resolve(outputDirectory));
  if (shardFolder !== undefined) {
    throw new UsageError(`--out ${outputDirectory}: that is a shard's folder; merge into another`);
  }
  prepareOutputFolder(outputDirectory);
  await interruptible(async (signal) => {
    if (run.command !== "run") {
      const options = {
        outputDirectory,
        charts: args.charts,
        png: args.png,
        signal,
        shardCount: args.shards.length,
      };
      if (run.command === "staff") {
        const problem = await mergeCurve(run, results, options);
        if (problem === undefined) return;
        printErrorLine(`ccsim merge: ${problem}`);
        throw new ExitWithCode(2);
      }
      if (run.command === "compare") await mergeCompare(run, series, options);
      else await mergeSweep(run, series, options);
      return;
    }
    const scenario = run.scenarioDefinition;
    const summary = aggregateReplications(results.map((result) => result.metrics));
    const reports = await publishRunReports({
      outputDirectory,
      scenario,
      provenance: run.provenance,
      summary,
      charts: args.charts,
      png: args.png,
      signal,
    });
    printLine(renderConsoleSummary(reports.run, summary));
    const jobs = results.reduce((sum, result) => sum + result.metrics.overall.arrived, 0);
    printLine(
      `${results.length} replication(s) from ${args.shards.length} shard(s), ${jobs} jobs in the measurement window`,
    );
    printWrittenReports(outputDirectory, reports);
  });
}

/** The `merge` command. */
export const mergeCommand: CommandModule<object, MergeArguments> = {
  ...COMMAND_SUMMARIES.merge,
  builder: (cli: Argv) =>
    cli
      .positional("shards", {
        type: "string",
        array: true,
        demandOption: true,
        describe: "the --out folders of the shards, each holding a shard.json, every shard once",
      })
      .option("out", {
        type: "string",
        describe:
          "output folder (default: the command's own: reports/<scenario name as one safe folder name>/, …/compare/, …/sweep/ or …/staff-intervals/)",
      })
      .options(chartOptions("<name>", " for every chart, and report.html"))
      .example(
        "$0 merge shards/1 shards/2 shards/3 --out reports/voice",
        "the reports of the three shards' run into reports/voice/",
      )
      .example(
        "$0 merge shards/1 shards/2 shards/3 --out study",
        "staff --per-interval shards: the answer into study/, or study/staff-progress.json and the next day (then the shards again with --resume study)",
      ) as unknown as Argv<MergeArguments>,
  handler,
};
