/**
 * Staffing studies for the renderers, each from the real search on a curve given as a function
 * (no simulation): answers that differ between the interval and the mean, with theory's values;
 * two targets on a plateau (unreachable, levelled off, no theory); one replication (no intervals).
 */
import { parseStaffingTarget } from "../../../src/cli/staff/target-text.ts";
import { searchStaffing, type TargetEstimate } from "../../../src/planning/index.ts";
import type { StaffingStudy } from "../../../src/report/staff/index.ts";
import { erlangC } from "../../../src/theory/index.ts";

/** Erlang C's service level for 12 Erlangs (240/h, 3 min, 20 s): 15 → 0.771, 16 → 0.869. */
export function erlangServiceLevel(count: number): number | undefined {
  const value = erlangC({
    arrivalRate: 240 / 3600,
    serviceRate: 1 / 180,
    servers: count,
    serviceLevelThresholdSeconds: 20,
  });
  return value.stable ? value.serviceLevel : undefined;
}

async function studyOf(
  name: string,
  targetTexts: readonly string[],
  curve: (count: number) => TargetEstimate[],
  options: { start: number; max: number; replications: number; erlang: boolean },
): Promise<StaffingStudy> {
  const targets = targetTexts.map(parseStaffingTarget);
  const search = await searchStaffing({
    targets,
    start: options.start,
    min: 1,
    max: options.max,
    criterion: "interval",
    evaluate: async (count) => curve(count),
  });
  return {
    scenario: name,
    groupId: "agent",
    seed: 7,
    replications: options.replications,
    targets,
    search,
    start: {
      count: options.start,
      from: options.erlang ? "erlang" : "current",
      note: options.erlang
        ? "Erlang C for queue textbook."
        : "Erlang does not apply: group b also serves queue q.",
    },
    min: 1,
    max: options.max,
    ...(options.erlang ? { erlangFormula: "Erlang C" } : {}),
    erlangValue: (count, index) =>
      options.erlang && index === 0 ? erlangServiceLevel(count) : undefined,
  };
}

/** The mean meets 0.8 at 16, the interval (± 0.08) only at 17; theory beside each count. */
export function differingAnswers(): Promise<StaffingStudy> {
  return studyOf(
    "textbook",
    ["serviceLevel>=0.8"],
    (count) => [{ mean: erlangServiceLevel(count) ?? 0, halfWidth: 0.08 }],
    { start: 16, max: 32, replications: 10, erlang: true },
  );
}

/** Service level stops at 0.85 from 20 agents; abandonment keeps falling: unreachable. */
export function levelledOff(): Promise<StaffingStudy> {
  return studyOf(
    "multi",
    ["serviceLevel>=0.9", "queue:q.abandonmentRate<=0.05"],
    (count) => [
      { mean: Math.min(0.85, 0.4 + count * 0.0225), halfWidth: 0.01 },
      { mean: Math.max(0.01, 0.3 - count * 0.0125), halfWidth: 0.005 },
    ],
    { start: 10, max: 30, replications: 10, erlang: false },
  );
}

/** One replication: no half-widths, so both answers are the mean's. */
export function oneReplication(): Promise<StaffingStudy> {
  return studyOf("single", ["waitMean<=30"], (count) => [{ mean: 600 / count, halfWidth: null }], {
    start: 10,
    max: 40,
    replications: 1,
    erlang: false,
  });
}
