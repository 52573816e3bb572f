/**
 * `ccsim erlang`: the Erlang B, C and A calculator for quick answers beside the simulation: the
 * figures for chosen agent counts and the fewest agents meeting targets, as a table or JSON.
 * Exit 1 when a target is out of reach within --max, 2 for a bad option. docs/erlang.md.
 */
import type { Argv, CommandModule } from "yargs";
import { erlangTableOf } from "../../planning/index.ts";
import { renderErlangConsole, renderErlangJson } from "../../report/erlang/index.ts";
import { ERLANG_FORMATS, type ErlangArguments, erlangRequestOf } from "../erlang/erlang-options.ts";
import { ExitWithCode } from "../exit.ts";
import { printRaw } from "../output.ts";
import { COMMAND_SUMMARIES } from "./summaries.ts";

async function handler(args: ErlangArguments): Promise<void> {
  const request = erlangRequestOf(args);
  const table = erlangTableOf(request.inputs, request.targets, request.agents, request.maxAgents);
  printRaw(request.format === "json" ? renderErlangJson(table) : renderErlangConsole(table));
  const missed = table.answers.some(
    (answer) => answer.erlangC?.met === false || answer.erlangA?.met === false,
  );
  if (missed) throw new ExitWithCode(1);
}

/** The `erlang` command. */
export const erlangCommand: CommandModule<object, ErlangArguments> = {
  ...COMMAND_SUMMARIES.erlang,
  builder: (cli: Argv) =>
    cli
      .option("rate-per-hour", {
        type: "number",
        alias: "calls-per-hour",
        describe: "arrivals per hour (Poisson)",
      })
      .option("handle-time", {
        type: "string",
        nargs: 1,
        describe:
          'mean time a call holds an agent (ring, talk and wrap-up): a duration such as "180s" or "3m"',
      })
      .option("agents", {
        type: "string",
        nargs: 1,
        describe:
          "agent counts, one row each: 14, a range 12..16 or a list 10,12..14 (default: two either side of the targets' answers)",
      })
      .option("threshold", {
        type: "string",
        nargs: 1,
        default: "20s",
        describe: 'service level threshold: answered within this ("20s")',
      })
      .option("patience", {
        type: "string",
        nargs: 1,
        describe:
          'mean patience of a waiting caller ("120s"): adds Erlang A, where callers hang up',
      })
      .option("target", {
        type: "string",
        nargs: 1,
        // Repeated, one value each, like check's --tolerance.
        coerce: (value: string | string[] | undefined) => [value ?? []].flat(),
        describe:
          'the agents needed for "<metric><op><value>": serviceLevel>=0.8, waitMean<=30s, probabilityOfDelay<=0.5, abandonmentRate<=5% (with --patience), occupancy<=0.85 (repeatable: all must hold)',
      })
      .option("max", {
        type: "number",
        describe:
          "the most agents the target search tries; beyond it a target is out of reach, exit 1 (default: 10 × the load, at least 1000)",
      })
      .option("format", {
        choices: ERLANG_FORMATS,
        default: "text",
        describe: "text (a table) or json",
      })
      .example(
        '$0 erlang --rate-per-hour 200 --handle-time 3m --target "serviceLevel>=0.8"',
        "the textbook case: 14 agents answer 80% within 20 s",
      )
      .example(
        "$0 erlang --rate-per-hour 200 --handle-time 180s --agents 12..16 --patience 2m",
        "Erlang C and A side by side, one row per count",
      ) as unknown as Argv<ErlangArguments>,
  handler,
};
