/**
 * Everything `ccsim erlang` prints, computed at once: the figures for each agent count and,
 * per target, the fewest agents under Erlang C and (given a patience) Erlang A. Without counts
 * asked for, the rows surround the answers, which is how planners read them.
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

/** How many rows surround the answer when no counts are asked for, at least. */
const ROWS_AROUND_ANSWER = 5;
/** Erlang C's and A's answers further apart than this get rows around the better fit only. */
const MAX_SPREAD_ROWS = 20;

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

/**
 * The counts from two below the lowest answer to two above the highest (Erlang C's and A's
 * both, at least five rows), or, when they lie too far apart, around the answer of the model
 * that fits best (A given a patience). Out of reach: the counts up to --max.
 */
function countsAround(
  inputs: ErlangInputs,
  allTargets: ErlangTable["allTargets"],
  maxAgents: number,
): number[] {
  const withPatience = inputs.patienceSeconds !== undefined;
  const lowest = withPatience ? 1 : minimumStableAgents(inputs);
  const answers = [allTargets.erlangC, allTargets.erlangA].filter(
    (answer): answer is number => typeof answer === "number",
  );
  const best = withPatience ? allTargets.erlangA : allTargets.erlangC;
  const spread = Math.max(...answers) - Math.min(...answers);
  const around =
    answers.length === 0
      ? [maxAgents - ROWS_AROUND_ANSWER + 3]
      : spread > MAX_SPREAD_ROWS && typeof best === "number"
        ? [best]
        : answers;
  const first = Math.max(lowest, Math.min(...around) - 2);
  const last = Math.max(Math.max(...around) + 2, first + ROWS_AROUND_ANSWER - 1);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
