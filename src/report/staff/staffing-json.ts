/**
 * staffing.json: the study for scripts (the answers, where the search started, every evaluated
 * count with each target's estimate and theory's value), and the mark of a folder `ccsim staff`
 * wrote, so that a later run may clean up the charts it no longer draws.
 */
import { type JsonValue, toJsonText } from "../json-text.ts";
import type { StaffingStudy } from "./staffing-study.ts";

/** The text of staffing.json (with a trailing newline). */
export function renderStaffingJson(study: StaffingStudy): string {
  const { search } = study;
  const optional = (value: number | undefined): JsonValue => value ?? null;
  const document: JsonValue = {
    scenario: study.scenario,
    group: study.groupId,
    seed: study.seed,
    replications: study.replications,
    targets: study.targets.map((target) => ({
      text: target.text,
      scope: target.scope,
      metric: target.metric,
      operator: target.operator,
      value: target.value,
    })),
    criterion: search.criterion,
    answer: optional(search.answer),
    intervalAnswer: optional(search.intervalAnswer),
    meanAnswer: optional(search.meanAnswer),
    levelledOff: search.levelledOff,
    start: { count: study.start.count, from: study.start.from, note: study.start.note },
    min: study.min,
    max: study.max,
    erlangFormula: study.erlangFormula ?? null,
    evaluations: search.evaluations.map((evaluation) => ({
      count: evaluation.count,
      order: evaluation.order,
      meetsOnInterval: evaluation.meetsOnInterval,
      meetsOnMean: evaluation.meetsOnMean,
      targets: study.targets.map((target, index) => {
        const estimate = evaluation.estimates[index];
        return {
          target: target.text,
          mean: estimate?.mean ?? null,
          halfWidth: estimate?.halfWidth ?? null,
          erlang: optional(study.erlangValue(evaluation.count, index)),
        };
      }),
    })),
  };
  return `${toJsonText(document)}\n`;
}
