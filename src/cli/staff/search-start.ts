/**
 * Where the search starts, from the scenario as written: theory's answer (Erlang C, or Erlang A
 * when customers hang up) when the group serves its queue alone and the model fits, else the
 * group's current count; and theory's value of each target at any count, for the table, the
 * CSV's `erlang` column and the chart's curve.
 */
import {
  erlangStartCount,
  erlangValue,
  groupQueueModel,
  modelDescribes,
  type StaffingTarget,
} from "../../planning/index.ts";
import { createDistribution } from "../../random/index.ts";
import type { Scenario } from "../../scenario/index.ts";

/** The start of the search and what theory says. */
export interface SearchStart {
  readonly count: number;
  readonly from: "erlang" | "current" | "given";
  readonly note: string;
  /** Set when theory gives a value for some target. */
  readonly erlangFormula?: string;
  readonly erlangValue: (count: number, targetIndex: number) => number | undefined;
}

/** The start for `groupId`'s search, searching at most `ceiling` workers. */
export function searchStartOf(
  scenario: Scenario,
  groupId: string,
  targets: readonly StaffingTarget[],
  ceiling: number,
): SearchStart {
  const current = scenario.workers.find((group) => group.id === groupId)?.count ?? 1;
  const model = groupQueueModel(scenario, groupId, (spec) => createDistribution(spec).mean);
  if (!model.available) {
    return {
      count: current,
      from: "current",
      note: `Erlang does not apply: ${model.reason}`,
      erlangValue: () => undefined,
    };
  }
  const threshold = scenario.serviceLevelThresholdSeconds;
  const value = (count: number, index: number) => {
    const target = targets[index];
    if (target === undefined || !modelDescribes(model, target, scenario)) return undefined;
    return erlangValue(model, count, target.metric, threshold);
  };
  // Above the offered load every model is stable: a target theory describes has a value there.
  const stable = Math.ceil(model.arrivalRate / model.serviceRate) + 1;
  const described = targets.some((_, index) => value(stable, index) !== undefined);
  const start = erlangStartCount(model, targets, scenario, ceiling);
  const base = {
    erlangValue: value,
    ...(described ? { erlangFormula: model.formula } : {}),
  };
  if (start === undefined) {
    const why = described
      ? `${model.formula} meets the targets with no count up to ${ceiling}`
      : `${model.formula} gives no value for these targets`;
    return { ...base, count: current, from: "current", note: `${why}; ${model.method}` };
  }
  return { ...base, count: start, from: "erlang", note: model.method };
}
