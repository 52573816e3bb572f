/**
 * Everything `ccsim erlang` prints, computed at once: the figures for each agent count and,
 * per target, the fewest agents under Erlang C and (given a patience) Erlang A. Without counts
 * asked for, the rows are five counts around the answer, which is how planners read it.
 */
import {
  type AgentsNeeded,
  agentsNeededFor,
  agentsNeededForAll,
  type ErlangInputs,
  type ErlangRow,
  erlangRowOf,
  minimumStableAgents,
  offeredLoadOf,
} from "./erlang-calculator.ts";
import { ERLANG_TARGET_METRICS, type ErlangModel, type ErlangTarget } from "./erlang-targets.ts";

/** The fewest agents for one target under each model that has its metric. */
export interface TargetAnswer {
  readonly target: ErlangTarget;
  /** Undefined when Erlang C has no such metric (abandonment). */
  readonly erlangC?: AgentsNeeded;
  /** Undefined without a patience. */
  readonly erlangA?: AgentsNeeded;
}

/** The calculator's whole answer. */
export interface ErlangTable {
  readonly inputs: ErlangInputs;
  /** a = λ·E[S], Erlangs. */
  readonly offeredLoad: number;
  /** ⌊a⌋ + 1: the fewest agents with a stable Erlang C queue. */
  readonly minimumStableAgents: number;
  readonly rows: readonly ErlangRow[];
  readonly answers: readonly TargetAnswer[];
  /** The fewest agents meeting every target per model; null when one is out of reach. */
  readonly allTargets: { readonly erlangC?: number | null; readonly erlangA?: number | null };
  /** The largest count the search tried. */
  readonly maxAgents: number;
}

/** How many rows surround the answer when no counts are asked for. */
const ROWS_AROUND_ANSWER = 5;

/** The table for `agents` (or around the targets' answer) and `targets`. */
export function erlangTableOf(
  inputs: ErlangInputs,
  targets: readonly ErlangTarget[],
  agents: readonly number[] | undefined,
  maxAgents: number,
): ErlangTable {
  const models: ErlangModel[] =
    inputs.patienceSeconds === undefined ? ["erlangC"] : ["erlangC", "erlangA"];
  const answers = targets.map((target) => {
    const answer: { target: ErlangTarget; erlangC?: AgentsNeeded; erlangA?: AgentsNeeded } = {
      target,
    };
    for (const model of models) {
      const metricModels: readonly ErlangModel[] = ERLANG_TARGET_METRICS[target.metric].models;
      if (metricModels.includes(model))
        answer[model] = agentsNeededFor(inputs, model, target, maxAgents);
    }
    return answer;
  });
  const allTargets: { erlangC?: number | null; erlangA?: number | null } = {};
  for (const model of models) {
    const modelAnswers = answers.flatMap((answer) => answer[model] ?? []);
    if (modelAnswers.length > 0) allTargets[model] = agentsNeededForAll(modelAnswers) ?? null;
  }
  const counts = agents ?? countsAround(inputs, allTargets, maxAgents);
  return {
    inputs,
    offeredLoad: offeredLoadOf(inputs),
    minimumStableAgents: minimumStableAgents(inputs),
    rows: counts.map((count) => erlangRowOf(inputs, count)),
    answers,
    allTargets,
    maxAgents,
  };
}

/** Five counts around the answer of the model that fits best (A with a patience, else C). */
function countsAround(
  inputs: ErlangInputs,
  allTargets: ErlangTable["allTargets"],
  maxAgents: number,
): number[] {
  const withPatience = inputs.patienceSeconds !== undefined;
  const lowest = withPatience ? 1 : minimumStableAgents(inputs);
  const answer = withPatience ? allTargets.erlangA : allTargets.erlangC;
  // Out of reach: the counts up to --max, where the search gave up.
  const first = Math.max(
    lowest,
    answer == null
      ? maxAgents - ROWS_AROUND_ANSWER + 1
      : answer - Math.floor(ROWS_AROUND_ANSWER / 2),
  );
  return Array.from({ length: ROWS_AROUND_ANSWER }, (_, index) => first + index);
}
