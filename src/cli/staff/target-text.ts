/**
 * `ccsim staff --target "[scope.]metric op value"`: the grammar of staff's targets (any summary
 * metric, overall or of a queue or an arrival stream, a number or a percentage) for the shared
 * parser (../target-parser.ts), and the checks against the scenario's queues, arrival streams and
 * worker groups. Every bad target is a UsageError of one line that quotes it.
 */
import { UsageError } from "../../errors.ts";
import { METRIC_NAMES, type MetricName } from "../../metrics/index.ts";
import type { StaffingTarget } from "../../planning/index.ts";
import { nearest, type Scenario } from "../../scenario/index.ts";
import {
  numberOrPercentage,
  parseTarget,
  suggestionFor,
  type TargetGrammar,
} from "../target-parser.ts";

/** What staff's targets may say: every metric of summary.json, in any of its scopes. */
export const STAFF_TARGET_GRAMMAR: TargetGrammar<MetricName> = {
  metrics: METRIC_NAMES,
  scopeKinds: ["queue", "arrival"],
  examples: 'e.g. "serviceLevel>=0.8" or "queue:support.abandonmentRate<=0.05"',
  valueOf: () => ({ read: numberOrPercentage, expected: "a number or a percentage" }),
};

/**
 * Parses `[scope.]metric op value`: scope `overall` (the default), `queue:<id>` or
 * `arrival:<id>` (an id may hold dots: the metric is what follows the last one); op one of
 * >=, <=, >, <; value a number or a percentage (`80%` is 0.8). A UsageError when malformed.
 */
export function parseStaffingTarget(text: string): StaffingTarget {
  const target = parseTarget(text, STAFF_TARGET_GRAMMAR);
  if (typeof target === "string") throw new UsageError(target);
  return target;
}

/**
 * One line per target whose scope names a queue or an arrival stream the scenario lacks, with
 * the nearest id or the list of them; empty when every scope exists.
 */
export function targetScopeProblems(
  targets: readonly StaffingTarget[],
  scenario: Pick<Scenario, "queues" | "arrivals">,
): string[] {
  const problems: string[] = [];
  for (const target of targets) {
    if (target.scope === "overall") continue;
    const colon = target.scope.indexOf(":");
    const kind = target.scope.slice(0, colon) as "queue" | "arrival";
    const id = target.scope.slice(colon + 1);
    const ids = (kind === "queue" ? scenario.queues : scenario.arrivals).map((one) => one.id);
    if (ids.includes(id)) continue;
    const hint = suggestionFor(id, ids, kind === "queue" ? "queues" : "arrival streams");
    problems.push(
      `--target ${JSON.stringify(target.text)}: the scenario has no ${kind === "queue" ? "queue" : "arrival stream"} "${id}" (${hint})`,
    );
  }
  return problems;
}

/** The worker group `groupId` exists in the scenario, or a UsageError saying which do. */
export function requireWorkerGroup(scenario: Pick<Scenario, "workers">, groupId: string): void {
  const ids = scenario.workers.map((group) => group.id);
  if (ids.includes(groupId)) return;
  const suggestion = nearest(groupId, ids);
  const hint = suggestion === undefined ? "" : `did you mean "${suggestion}"? `;
  throw new UsageError(
    `--group "${groupId}": the scenario has no such worker group (${hint}groups: ${ids.join(", ")})`,
  );
}
