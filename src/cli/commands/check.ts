/**
 * `ccsim check <scenario> --baseline FILE`: runs the scenario and judges every metric against
 * a stored summary.json (comparison/check-judgement.ts): exit 0 when nothing moved by more than
 * chance and the tolerance allow, 1 when something did (each listed), 2 for a missing, broken or
 * foreign baseline or a bad option. `--update` writes the baseline instead (summary.json as
 * `ccsim run` writes it, and the per-replication values beside it, together). docs/check.md.
 */

import type { Argv, CommandModule } from "yargs";
import { judgeCheck } from "../../comparison/index.ts";
import { UsageError } from "../../errors.ts";
import {
  assertReplaceable,
  type LoadedBaseline,
  loadBaseline,
  writeBaseline,
} from "../check/baseline-files.ts";
import {
  CHECK_FORMATS,
  type CheckFormat,
  confidenceOf,
  formatOf,
  tolerancesOf,
} from "../check/check-options.ts";
import { publishCheck } from "../check/check-outputs.ts";
import { checkRunOf } from "../check/run-values.ts";
import { ExitWithCode } from "../exit.ts";
import { printErrorLine, printLine } from "../output.ts";
import { createProgress } from "../run/progress.ts";
import { checkScenarioFile } from "../scenario-check.ts";
import { interruptible } from "../session/interruptible.ts";
import {
  SCENARIO_POSITIONAL,
  type SimulationArguments,
  withSeedAndReplications,
  withSimulationOptions,
  workerCountOf,
} from "../session/run-options.ts";
import { simulateScenario } from "../session/simulate-scenario.ts";
import { COMMAND_SUMMARIES } from "./summaries.ts";

interface CheckArguments extends SimulationArguments {
  scenario: string;
  baseline: string;
  update: boolean;
  tolerance?: string[];
  confidence: number;
  format?: CheckFormat;
  junit?: string;
  verbose: boolean;
}

async function handler(args: CheckArguments): Promise<void> {
  const workers = workerCountOf(args);
  const tolerances = tolerancesOf(args.tolerance ?? []);
  const confidence = confidenceOf(args.confidence);
  const format = formatOf(args.format, process.env);
  if (args.update && args.junit !== undefined) {
    throw new UsageError("--junit reports a check: it cannot go with --update");
  }
  const checked = await checkScenarioFile(args.scenario, args.strict);
  if (checked === undefined) throw new ExitWithCode(2);
  const scenario = withSeedAndReplications(checked.scenario, args);
  // Read before simulating: a broken or foreign baseline should not cost a run.
  const baseline = args.update ? undefined : loadBaseline(args.baseline);
  if (baseline !== undefined) assertSameScenario(args.baseline, baseline, scenario.name);
  else assertReplaceable(args.baseline);

  const progress = createProgress(
    `${scenario.name}: ${scenario.replications} replication(s)`,
    args.progress,
  );
  const run = await interruptible(async (signal) => {
    try {
      const results = await simulateScenario(checked, scenario, { workers, signal, progress });
      return checkRunOf(args.scenario, scenario, results);
    } finally {
      progress.stop();
    }
  });
  if (baseline === undefined) {
    const written = writeBaseline(args.baseline, run.summaryText, run.valuesText);
    printLine(
      `wrote ${written.join(", ")} (${scenario.name}, seed ${scenario.seed}, ${scenario.replications} replication(s))`,
    );
    return;
  }
  if (baseline.valuesNote !== undefined) {
    printErrorLine(`ccsim: not paired by replication: ${baseline.valuesNote}`);
  }
  const result = judgeCheck(baseline.summary, run.values, { confidence, tolerances });
  publishCheck(
    result,
    {
      baselineFile: args.baseline,
      verbose: args.verbose,
      positionOf: baseline.summary.positionOf,
    },
    {
      format,
      ...(args.junit === undefined ? {} : { junitFile: args.junit }),
      ...(process.env.GITHUB_STEP_SUMMARY === undefined
        ? {}
        : { stepSummaryFile: process.env.GITHUB_STEP_SUMMARY }),
    },
  );
  if (result.failed) throw new ExitWithCode(1);
}

/** A baseline of another scenario is a mistake in the command, not a regression: exit 2. */
function assertSameScenario(file: string, baseline: LoadedBaseline, scenario: string): void {
  if (baseline.summary.scenario === scenario) return;
  printErrorLine(
    `ccsim: --baseline ${file} is a baseline of scenario "${baseline.summary.scenario}", not of "${scenario}" (hint: name the right file, or write one for "${scenario}" with --update)`,
  );
  throw new ExitWithCode(2);
}

/** The `check` command. */
export const checkCommand: CommandModule<object, CheckArguments> = {
  ...COMMAND_SUMMARIES.check,
  builder: (cli: Argv) =>
    withSimulationOptions(cli)
      .positional("scenario", SCENARIO_POSITIONAL)
      .option("baseline", {
        type: "string",
        demandOption: true,
        describe:
          "the baseline: a summary.json (per-replication values are read from <name>.replications.csv beside it)",
      })
      .option("update", {
        type: "boolean",
        default: false,
        describe:
          "run and (re)write the baseline and its per-replication values instead of checking",
      })
      .option("tolerance", {
        type: "string",
        // Repeated, one value each: an array option would swallow the scenario after it.
        coerce: (value: string | string[] | undefined) => [value ?? []].flat(),
        describe:
          "a metric's allowed change: <metric>=<value> (absolute) or <metric>=<value>% (repeatable)",
      })
      .option("confidence", {
        type: "number",
        default: 0.95,
        describe: "family-wise confidence across all checked metrics (Bonferroni)",
      })
      .option("format", {
        choices: CHECK_FORMATS,
        describe:
          "text, github (text plus workflow annotations; the default under GitHub Actions) or json",
      })
      .option("junit", { type: "string", describe: "also write a JUnit XML report to this file" })
      .option("verbose", {
        type: "boolean",
        default: false,
        describe: "list every metric, identical ones included",
      })
      .example(
        "$0 check scenarios/voice-50.yaml --baseline baselines/voice-50.json",
        "fail (exit 1) when a metric moved beyond chance and tolerance",
      )
      .example(
        "$0 check scenarios/voice-50.yaml --baseline baselines/voice-50.json --update",
        "write the baseline (and voice-50.replications.csv beside it)",
      )
      .example(
        "$0 check scenarios/voice-50.yaml --baseline baselines/voice-50.json --tolerance serviceLevel=0.02 --tolerance waitMean=15% --junit check.xml",
        "looser tolerances, and a JUnit report for GitLab, Jenkins or Azure DevOps",
      ) as unknown as Argv<CheckArguments>,
  handler,
};
