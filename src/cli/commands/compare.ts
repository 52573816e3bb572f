/**
 * `ccsim compare <scenario..>`: variants of a scenario (its modes, --set values, or several
 * files), all checked before any runs, simulated on common random numbers and paired by
 * replication against a baseline; comparison.csv, differences.csv, comparison.json and the
 * differences chart written whole or not at all (Ctrl-C: nothing, exit 130); then the console
 * table (which states the Bonferroni adjustment), the wall time and the files written. With
 * --shard i/n, every variant on that shard's replications and shard.json instead (merge writes
 * the files through the same compare-report.ts).
 */
import type { Argv, CommandModule } from "yargs";
import { UsageError } from "../../errors.ts";
import type { RunDescription } from "../../report/index.ts";
import { checkVariants } from "../compare/checked-variants.ts";
import { baselineIndexOf, confidenceOf, metricsOf } from "../compare/compare-options.ts";
import { compareFolderOf } from "../compare/compare-outputs.ts";
import { publishComparison } from "../compare/compare-report.ts";
import { simulateVariants } from "../compare/simulate-variants.ts";
import { planVariants } from "../compare/variant-plan.ts";
import { prepareOutputFolder } from "../run/atomic-files.ts";
import { describeProvenance } from "../run/provenance.ts";
import { replicationsOfShard, studyShardOf } from "../run/shard.ts";
import { renderCompareShardFile, scenarioSha256Of } from "../run/shard-file.ts";
import { publishShardText } from "../run/shard-outputs.ts";
import { COMPARE_OUTPUT_SET } from "../run/stale-outputs.ts";
import { type ChartArguments, chartOptions, checkChartOptions } from "../session/chart-options.ts";
import { interruptible } from "../session/interruptible.ts";
import {
  positiveInteger,
  type SimulationArguments,
  withSimulationOptions,
  workerCountOf,
} from "../session/run-options.ts";
import { COMMAND_SUMMARIES } from "./summaries.ts";

interface CompareArguments extends SimulationArguments, ChartArguments {
  scenario: string[];
  modes?: string | string[];
  set?: string | string[];
  baseline?: string;
  metrics?: string | string[];
  scopes: "overall" | "all";
  confidence?: number;
  out?: string;
  shard?: string;
}

async function handler(args: CompareArguments): Promise<void> {
  // Every option is checked before any file is read: a typo costs nothing.
  checkChartOptions(args, "the chart as a PNG");
  const shard = studyShardOf(args.shard, args.png);
  const workers = workerCountOf(args);
  positiveInteger("seed", args.seed, 0);
  positiveInteger("replications", args.replications, 1);
  const metrics = metricsOf(args.metrics);
  const confidence = confidenceOf(args.confidence);
  const plan = planVariants({ files: args.scenario, modes: args.modes, set: args.set });
  const variants = await checkVariants(plan, args);
  const names = variants.map((variant) => variant.name);
  const baseline = baselineIndexOf(args.baseline, names);
  const first = variants[0];
  if (first === undefined) throw new UsageError("name a scenario file to compare");
  const scenario = first.scenario;
  const only = shard === undefined ? undefined : replicationsOfShard(shard, scenario.replications);
  const run: RunDescription = {
    scenario: scenario.name,
    seed: scenario.seed,
    horizonSeconds: scenario.horizonSeconds,
    warmupSeconds: scenario.warmupSeconds,
    serviceLevelThresholdSeconds: scenario.serviceLevelThresholdSeconds,
    provenance: describeProvenance(first.file, scenario),
  };
  const outputDirectory = compareFolderOf(args.out, scenario.name);
  prepareOutputFolder(outputDirectory);

  const started = performance.now();
  await interruptible(async (signal) => {
    const simulated = await simulateVariants(variants, {
      workers,
      signal,
      progress: args.progress,
      ...(only === undefined ? {} : { only }),
    });
    const wallSeconds = (performance.now() - started) / 1000;
    const options = { baseline, confidence, metrics, scopes: args.scopes };
    const count = only?.length ?? scenario.replications;
    const studyLine = `${variants.length} variants × ${count} replication(s), ${simulated.jobs} jobs in the measurement windows, ${wallSeconds.toFixed(2)} s wall time`;
    if (shard !== undefined && only !== undefined) {
      const text = renderCompareShardFile(shard, scenario.replications, {
        run,
        options,
        variants: variants.map((variant, index) => ({
          name: variant.name,
          description: variant.description,
          scenarioSha256: scenarioSha256Of(variant.scenario),
          results: simulated.replications[index] ?? [],
        })),
      });
      publishShardText({
        outputDirectory,
        shard,
        text,
        scenarioName: scenario.name,
        replications: scenario.replications,
        held: only,
        replicationsLine: studyLine,
        set: COMPARE_OUTPUT_SET,
      });
      return;
    }
    await publishComparison({
      outputDirectory,
      run,
      results: simulated.results,
      options,
      charts: args.charts,
      png: args.png,
      signal,
      studyLine,
    });
  });
}

/** The `compare` command. */
export const compareCommand: CommandModule<object, CompareArguments> = {
  ...COMMAND_SUMMARIES.compare,
  builder: (cli: Argv) =>
    withSimulationOptions(cli)
      .positional("scenario", {
        type: "string",
        array: true,
        demandOption: true,
        describe: "scenario file (YAML or JSON); several files are the variants themselves",
      })
      .option("modes", {
        type: "string",
        // One value per option, repeatable: an array option would swallow the scenario file.
        describe:
          "distribution modes to compare, comma-separated or repeated (default: longestIdle,roundRobin,bestWorker)",
      })
      .option("set", {
        type: "string",
        describe:
          "one variant per --set <path>=<value>, beside the file as written (repeatable; see docs/scenario-overrides.md)",
      })
      .option("baseline", {
        type: "string",
        describe:
          "the variant the others are compared with: its name or 1-based position (default: the first)",
      })
      .option("metrics", {
        type: "string",
        describe:
          "metrics to judge, comma-separated, or all (default: serviceLevel, waitMean, waitP90, abandonmentRate, queueLengthMean, utilization, utilizationSpread, jobsHandledSpread)",
      })
      .option("scopes", {
        choices: ["overall", "all"] as const,
        default: "overall" as const,
        describe:
          "judge the overall scope only, or every queue, arrival stream and worker group too",
      })
      .option("confidence", {
        type: "number",
        describe: "family-wise confidence of all judged differences together (default 0.95)",
      })
      .option("out", {
        type: "string",
        describe:
          "output folder (default: reports/<scenario name as one safe folder name>/compare/)",
      })
      .options(chartOptions("differences"))
      .option("shard", {
        type: "string",
        describe:
          "i/n: run only shard i of n of the replications (every variant) and write shard.json; `ccsim merge` writes the files (see docs/shards.md)",
      })
      .example("$0 compare scenarios/multi-skill.yaml", "longest idle, round robin and best worker")
      .example(
        "$0 compare scenarios/voice-50.yaml --set 'distributionPolicies[longest-idle].offerExpiresAfterSeconds=60'",
        "the file as written against one changed field",
      )
      .example(
        "$0 compare a.yaml b.yaml --replications 20",
        "two files, on the first's seed, 20 replications each",
      ) as unknown as Argv<CompareArguments>,
  handler,
};
