/**
 * Turns the engine's report of a run that stopped advancing (which handlers kept firing at one
 * instant) into problems with the scenario's own fields: the engine knows handlers, the world
 * knows which scenario feature each handler plays out. Pure; called once, when a run stalls.
 */
import { type SimulationStalled, STALL_INSTANT_SECONDS } from "../engine/engine.ts";
import type { ScenarioRunProblem } from "../errors.ts";
import type { DistributionSpec, Scenario } from "../scenario/index.ts";

type Diagnose = (scenario: Scenario, lead: string) => ScenarioRunProblem[];

/** Whether a distribution can give 0 or less with positive probability (an instant response). */
function canBeInstant(spec: DistributionSpec): boolean {
  switch (spec.kind) {
    case "constant":
      return spec.value <= 0;
    case "uniform":
    case "triangular":
      return spec.max <= 0;
    case "empirical":
      return spec.values.some((value) => value <= 0);
    default:
      return false;
  }
}

/** Worker groups that decline and get the offer back at once; the surest suspects first. */
const offersDeclinedAtOnce: Diagnose = (scenario, lead) => {
  const decliners = [...scenario.workers.entries()].filter(
    ([, group]) =>
      group.behavior.acceptProbability < 1 &&
      group.behavior.declineRetryAfterSeconds !== undefined &&
      group.behavior.declineRetryAfterSeconds <= STALL_INSTANT_SECONDS,
  );
  const instant = decliners.filter(([, group]) => canBeInstant(group.behavior.responseTime));
  return (instant.length > 0 ? instant : decliners).map(([index, group]) => ({
    path: ["workers", index, "behavior", "declineRetryAfter"],
    message:
      `${lead}: worker group ${group.id} declines ${formatShare(1 - group.behavior.acceptProbability)} ` +
      `of offers with declineRetryAfter ${group.behavior.declineRetryAfterSeconds} s, so each ` +
      "declined offer is re-offered at the same instant",
    hint: "give declineRetryAfter a positive duration (e.g. 30s), or leave it out so that a declined job is not offered to that worker again",
  }));
};

const arrivalsAtOnce: Diagnose = (scenario, lead) =>
  scenario.arrivals.map((stream, index) => ({
    path: ["arrivals", index, "arrival"],
    message: `${lead}: arrival stream ${stream.id} brings jobs faster than the clock can tell them apart, or very many at one instant`,
    hint: "check its rate, interarrival time or arrival times; see docs/limits.md",
  }));

const unassignedAtOnce: Diagnose = (scenario, lead) =>
  scenario.workers.flatMap((group, index) =>
    group.behavior.unassignProbability > 0 && canBeInstant(group.behavior.unassignAfter)
      ? [
          {
            path: ["workers", index, "behavior", "unassignAfter"],
            message: `${lead}: worker group ${group.id} hands jobs back at the instant it accepts them`,
            hint: "give unassignAfter a positive duration",
          },
        ]
      : [],
  );

/** The scenario feature each handler plays out, by the handler's registered name. */
const DIAGNOSES: Readonly<Record<string, Diagnose>> = {
  "world:answerOffer": offersDeclinedAtOnce,
  "router:declineRetry": offersDeclinedAtOnce,
  "world:arrival": arrivalsAtOnce,
  "world:unassign": unassignedAtOnce,
};

function formatShare(share: number): string {
  return share >= 1 ? "all" : `${Number((share * 100).toPrecision(6))}%`;
}

/** Problems naming the likely cause of `stall` in `scenario`; never empty. */
export function diagnoseStall(scenario: Scenario, stall: SimulationStalled): ScenarioRunProblem[] {
  const firing = stall.handlerCounts.map(({ handler, count }) => `${handler} ×${count}`).join(", ");
  const lead =
    `the run stopped advancing at ${Number(stall.timeSeconds.toFixed(3))} s of simulated time ` +
    `(${stall.eventCount.toLocaleString("en-US")} events within one instant)`;
  for (const { handler } of stall.handlerCounts) {
    const problems = DIAGNOSES[handler]?.(scenario, lead) ?? [];
    if (problems.length > 0) return problems;
  }
  return [
    {
      path: [],
      message: `${lead}; the last events were ${firing}`,
      hint: "the model makes events at one instant without end: look for zero durations in the features those events play out",
    },
  ];
}
