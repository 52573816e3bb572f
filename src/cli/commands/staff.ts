/**
 * `ccsim staff <scenario> --group G --target "<[scope.]metric><op><value>"`: the smallest count
 * of one worker group meeting every target, found by galloping and bisecting from theory's
 * answer (or the current count) on common random numbers; staffing.csv, staffing.json and the
 * staffing-search chart written whole or not at all (Ctrl-C: nothing, exit 130); the answer
 * printed first, then every evaluated count. Exit 1 when no count up to --max meets the targets.
 * --per-interval searches a vector per interval; with --shard i/n [--resume STUDY], one day of
 * that search on a shard's replications (curve-shard.ts, docs/shards.md).
 */
import type { Argv, CommandModule } from "yargs";
import { UsageError } from "../../errors.ts";
import { searchStaffing } from "../../planning/index.ts";
import { renderStaffConsole, type StaffingStudy } from "../../report/staff/index.ts";
import { ExitWithCode } from "../exit.ts";
import { printErrorLine, printLine } from "../output.ts";
import { prepareOutputFolder } from "../run/atomic-files.ts";
import { describeWritten, printPublicationNotes, publishOutputs } from "../run/publish-outputs.ts";
import { studyShardOf } from "../run/shard.ts";
import { checkScenarioFile } from "../scenario-check.ts";
import { type ChartArguments, chartOptions, checkChartOptions } from "../session/chart-options.ts";
import { interruptible } from "../session/interruptible.ts";
import {
  positiveInteger,
  SCENARIO_POSITIONAL,
  type SimulationArguments,
  withSeedAndReplications,
  withSimulationOptions,
  workerCountOf,
} from "../session/run-options.ts";
import { staffCurveShard } from "../staff/curve-shard.ts";
import { staffPerInterval } from "../staff/per-interval.ts";
import { searchStartOf } from "../staff/search-start.ts";
import { type EvaluationTally, evaluatorOf } from "../staff/staff-evaluation.ts";
import {
  boundsOf,
  checkAgainstScenario,
  groupCeilingOf,
  targetsOf,
} from "../staff/staff-options.ts";
import { STAFF_OUTPUT_SET, staffFolderOf, staffOutputFiles } from "../staff/staff-outputs.ts";
import { COMMAND_SUMMARIES } from "./summaries.ts";

/** The largest count per interval --per-interval considers unless --max says otherwise. */
const PER_INTERVAL_DEFAULT_MAX = 1000;

interface StaffArguments extends SimulationArguments, ChartArguments {
  scenario: string;
  group: string;
  target: string | string[];
  min?: number;
  max?: number;
  start?: number;
  onMean: boolean;
  perInterval: boolean;
  maxDays: number;
  out?: string;
  shard?: string;
  resume?: string;
}

async function handler(args: StaffArguments): Promise<void> {
  // Every option is checked before the file is read: a typo costs nothing.
  checkChartOptions(args, "the chart as a PNG");
  if (args.shard !== undefined && !args.perInterval) {
    throw new UsageError(
      "--shard goes with --per-interval: the one-count search's next count depends on each simulation; shard a day of the staffing curve instead",
    );
  }
  if (args.resume !== undefined && args.shard === undefined) {
    throw new UsageError(
      "--resume goes with --shard: it continues a sharded --per-interval search from the folder `ccsim merge` wrote",
    );
  }
  const shard = studyShardOf(args.shard, args.png);
  const workers = workerCountOf(args);
  positiveInteger("seed", args.seed, 0);
  positiveInteger("replications", args.replications, 1);
  positiveInteger("min", args.min, args.perInterval ? 0 : 1);
  positiveInteger("max-days", args.maxDays, 1);
  if (args.perInterval && args.start !== undefined) {
    throw new UsageError("--start gives one count: --per-interval starts from Erlang's curve");
  }
  positiveInteger("max", args.max, 1);
  const givenStart = positiveInteger("start", args.start, 1);
  const targets = targetsOf(args.target);
  const printed = new Set<string>();
  const checked = await checkScenarioFile(args.scenario, args.strict, [], (line) => {
    printed.add(line);
    printErrorLine(line);
  });
  if (checked === undefined) throw new ExitWithCode(2);
  const scenario = withSeedAndReplications(checked.scenario, args);
  checkAgainstScenario(scenario, args.group, targets);
  const ceiling = groupCeilingOf(scenario, args.group);
  if (args.perInterval) {
    const min = args.min ?? 0;
    const max = args.max ?? Math.min(ceiling, PER_INTERVAL_DEFAULT_MAX);
    if (min > max) throw new UsageError(`--min ${min} is above --max ${max}`);
    const outputDirectory = args.out ?? `${staffFolderOf(undefined, scenario.name)}-intervals`;
    prepareOutputFolder(outputDirectory);
    const request = {
      file: args.scenario,
      strict: args.strict,
      groupId: args.group,
      targets,
      scenario,
      criterion: args.onMean ? "mean" : "interval",
      min,
      max,
      maxDays: args.maxDays,
      workers,
      progress: args.progress,
      outputDirectory,
      printed,
      charts: args.charts,
      png: args.png,
    } as const;
    if (shard === undefined) await staffPerInterval(request);
    else await staffCurveShard(request, shard, args.resume);
    return;
  }
  const theory = searchStartOf(scenario, args.group, targets, ceiling);
  const start =
    givenStart === undefined
      ? theory
      : { ...theory, count: givenStart, from: "given" as const, note: "given by --start" };
  const { min, max } = boundsOf(args, start.count, ceiling);
  const outputDirectory = staffFolderOf(args.out, scenario.name);
  prepareOutputFolder(outputDirectory);

  // The answer comes only at the end: say at once what is being searched, and from where.
  const from =
    start.from === "erlang"
      ? `${start.erlangFormula}'s answer`
      : start.from === "given"
        ? "--start"
        : "the scenario's count";
  printErrorLine(
    `searching the count of group ${args.group} in ${min}…${max} from ${Math.min(max, Math.max(min, start.count))} (${from}), ${scenario.replications} replication(s) per count`,
  );
  const started = performance.now();
  const tally: EvaluationTally = { simulations: 0, jobs: 0 };
  await interruptible(async (signal) => {
    const evaluate = evaluatorOf(
      {
        file: args.scenario,
        strict: args.strict,
        groupId: args.group,
        targets,
        seed: scenario.seed,
        replications: scenario.replications,
        workers,
        signal,
        progress: args.progress,
        scenarioName: scenario.name,
        printed,
      },
      tally,
    );
    const search = await searchStaffing({
      targets,
      start: start.count,
      min,
      max,
      criterion: args.onMean ? "mean" : "interval",
      evaluate,
    });
    const wallSeconds = (performance.now() - started) / 1000;
    const study: StaffingStudy = {
      scenario: scenario.name,
      groupId: args.group,
      seed: scenario.seed,
      replications: scenario.replications,
      targets,
      search,
      start: {
        count: Math.min(max, Math.max(min, start.count)),
        from: start.from,
        note: start.note,
      },
      min,
      max,
      ...(start.erlangFormula === undefined ? {} : { erlangFormula: start.erlangFormula }),
      erlangValue: start.erlangValue,
    };
    const { files, chartLine } = await staffOutputFiles(study, {
      charts: args.charts,
      png: args.png,
      signal,
    });
    const published = publishOutputs(outputDirectory, files, [], STAFF_OUTPUT_SET);
    printLine(renderStaffConsole(study));
    printLine(
      `${tally.simulations} simulations × ${scenario.replications} replication(s), ${tally.jobs} jobs in the measurement windows, ${wallSeconds.toFixed(2)} s wall time`,
    );
    if (chartLine !== undefined) printLine(chartLine);
    printLine(`wrote ${describeWritten(outputDirectory, published.written)}`);
    printPublicationNotes(published);
    if (search.answer === undefined) throw new ExitWithCode(1);
  });
}

/** The `staff` command. */
export const staffCommand: CommandModule<object, StaffArguments> = {
  ...COMMAND_SUMMARIES.staff,
  builder: (cli: Argv) =>
    withSimulationOptions(cli)
      .positional("scenario", SCENARIO_POSITIONAL)
      .option("group", {
        type: "string",
        demandOption: true,
        describe: "the worker group whose count is searched (its id in the scenario)",
      })
      .option("target", {
        type: "string",
        demandOption: true,
        describe:
          'what the count must achieve: "[scope.]metric op value", op one of >= <= > <, scope overall (default), queue:<id> or arrival:<id>; repeatable, all must hold',
      })
      .option("min", { type: "number", describe: "smallest count to consider (default 1)" })
      .option("max", {
        type: "number",
        describe: "largest count to consider (default: twice the start, at least 10 more)",
      })
      .option("start", {
        type: "number",
        describe:
          "count to start the search from (default: Erlang's answer where it applies, else the scenario's count)",
      })
      .option("on-mean", {
        type: "boolean",
        default: false,
        describe:
          "answer with the smallest count whose mean meets the targets (default: whose 95% interval does)",
      })
      .option("per-interval", {
        type: "boolean",
        default: false,
        describe:
          "search the group's staffing vector, one count per report interval, from Erlang's curve (writes staffing-intervals.csv)",
      })
      .option("max-days", {
        type: "number",
        default: 60,
        describe: "with --per-interval: the most day-simulations before stopping",
      })
      .option("out", {
        type: "string",
        describe:
          "output folder (default: reports/<scenario name as one safe folder name>/staff/, staff-intervals/ with --per-interval)",
      })
      .options(chartOptions("staffing-search", " (staffing-curve with --per-interval)"))
      .option("shard", {
        type: "string",
        describe:
          "with --per-interval: i/n, simulate the search's next day on shard i of n of the replications and write shard.json; `ccsim merge` advances the search (see docs/shards.md)",
      })
      .option("resume", {
        type: "string",
        describe:
          "with --shard: the folder `ccsim merge` wrote staff-progress.json into; the shard simulates the day it names next",
      })
      .example(
        '$0 staff scenarios/voice-50.yaml --group agent --target "serviceLevel>=0.8"',
        "agents for 80% answered within the threshold, with 95% confidence",
      )
      .example(
        '$0 staff scenarios/voice-50.yaml --group agent --target "serviceLevel>=0.8" --target "abandonmentRate<=0.05"',
        "both must hold",
      )
      .example(
        '$0 staff day.yaml --group agent --target "serviceLevel>=0.8" --per-interval --shard 2/3 --resume study --out shards/2',
        "shard 2 of 3 of the curve search's next day (round 1 without --resume); then ccsim merge shards/* --out study",
      ) as unknown as Argv<StaffArguments>,
  handler,
};
