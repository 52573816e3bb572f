/**
 * `ccsim sweep <scenario> --set <path>=<values>`: one or two fields over lists or ranges, every
 * grid point a variant of the file checked before any runs, all simulated on common random
 * numbers (the same seed and replications); sweep.csv, sweep.json and the sweep chart written
 * whole or not at all (Ctrl-C: nothing, exit 130); then one console row per point. With
 * --shard i/n, every point on that shard's replications and shard.json instead (merge writes
 * the files through the same sweep-report.ts).
 */
import type { Argv, CommandModule } from "yargs";
import type { ComparedMetricName } from "../../comparison/index.ts";
import { UsageError } from "../../errors.ts";
import type { RunDescription } from "../../report/index.ts";
import { type CheckedVariant, checkVariants } from "../compare/checked-variants.ts";
import { metricsOf } from "../compare/compare-options.ts";
import { simulateVariants } from "../compare/simulate-variants.ts";
import { prepareOutputFolder } from "../run/atomic-files.ts";
import { describeProvenance } from "../run/provenance.ts";
import { replicationsOfShard, studyShardOf } from "../run/shard.ts";
import { renderSweepShardFile, scenarioSha256Of } from "../run/shard-file.ts";
import { publishShardText } from "../run/shard-outputs.ts";
import { type ChartArguments, chartOptions, checkChartOptions } from "../session/chart-options.ts";
import { interruptible } from "../session/interruptible.ts";
import {
  positiveInteger,
  SCENARIO_POSITIONAL,
  type SimulationArguments,
  withSimulationOptions,
  workerCountOf,
} from "../session/run-options.ts";
import { SWEEP_OUTPUT_SET, sweepFolderOf } from "../sweep/sweep-outputs.ts";
import { planSweep } from "../sweep/sweep-plan.ts";
import { publishSweep } from "../sweep/sweep-report.ts";
import { COMMAND_SUMMARIES } from "./summaries.ts";

interface SweepArguments extends SimulationArguments, ChartArguments {
  scenario: string;
  set?: string | string[];
  metrics?: string | string[];
  out?: string;
  shard?: string;
}

/** The metrics of the console and the chart without --metrics. */
const DEFAULT_SWEEP_METRICS: readonly ComparedMetricName[] = [
  "serviceLevel",
  "waitMean",
  "abandonmentRate",
  "utilization",
];

async function handler(args: SweepArguments): Promise<void> {
  // Every option is checked before any file is read: a typo costs nothing.
  checkChartOptions(args, "the chart as a PNG");
  const shard = studyShardOf(args.shard, args.png);
  const workers = workerCountOf(args);
  positiveInteger("seed", args.seed, 0);
  positiveInteger("replications", args.replications, 1);
  const metrics = args.metrics === undefined ? [...DEFAULT_SWEEP_METRICS] : metricsOf(args.metrics);
  const plan = planSweep(args.scenario, args.set);
  const variants = await checkVariants(plan.variants, args);
  const first = variants[0];
  if (first === undefined) throw new UsageError("a sweep needs at least one point");
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
  const description = {
    fields: plan.fields.map((field) => ({
      name: field.name,
      labels: field.labels,
      values: field.values,
    })),
    fixed: plan.fixed.map((one) => one.text),
    metrics,
  };
  const outputDirectory = sweepFolderOf(args.out, scenario.name);
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
    const count = only?.length ?? scenario.replications;
    const studyLine = `${variants.length} points × ${count} replication(s), ${simulated.jobs} jobs in the measurement windows, ${wallSeconds.toFixed(2)} s wall time`;
    if (shard !== undefined && only !== undefined) {
      const text = renderSweepShardFile(shard, scenario.replications, {
        run,
        sweep: description,
        points: simulated.results.map((point, index) => ({
          name: point.name,
          indices: plan.points[index]?.indices ?? [],
          scenarioSha256: scenarioSha256Of((variants[index] as CheckedVariant).scenario),
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
        set: SWEEP_OUTPUT_SET,
      });
      return;
    }
    await publishSweep({
      outputDirectory,
      run,
      description,
      points: simulated.results.map((point, index) => ({
        name: point.name,
        indices: plan.points[index]?.indices ?? [],
        table: point.table,
      })),
      charts: args.charts,
      png: args.png,
      signal,
      studyLine,
    });
  });
}

/** The `sweep` command. */
export const sweepCommand: CommandModule<object, SweepArguments> = {
  ...COMMAND_SUMMARIES.sweep,
  builder: (cli: Argv) =>
    withSimulationOptions(cli)
      .positional("scenario", SCENARIO_POSITIONAL)
      .option("set", {
        type: "string",
        describe:
          "<path>=<values>: a list (2000,2500) or a range (40..60, 40..60..5, 0.5..0.9..0.1) sweeps the field; one value is fixed for every point (repeatable; at most two swept fields; see docs/sweep.md)",
      })
      .option("metrics", {
        type: "string",
        describe:
          "metrics of the console table and the chart, comma-separated, or all (default: serviceLevel, waitMean, abandonmentRate, utilization); the files hold every metric",
      })
      .option("out", {
        type: "string",
        describe: "output folder (default: reports/<scenario name as one safe folder name>/sweep/)",
      })
      .options(chartOptions("sweep"))
      .option("shard", {
        type: "string",
        describe:
          "i/n: run only shard i of n of the replications (every point) and write shard.json; `ccsim merge` writes the files (see docs/shards.md)",
      })
      .example(
        "$0 sweep scenarios/voice-50.yaml --set 'workers[agent].count=44..52..2'",
        "service level, wait, abandonment and utilization for 44 to 52 agents",
      )
      .example(
        "$0 sweep scenarios/voice-50.yaml --set 'workers[agent].count=46..50' --set 'arrivals[call].arrival.ratePerHour=850,900,950'",
        "a grid: one line per arrival rate in the chart",
      ) as unknown as Argv<SweepArguments>,
  handler,
};
