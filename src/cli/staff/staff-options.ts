/**
 * `ccsim staff`'s own options read and checked before any simulation: the targets (--target,
 * repeatable, all must hold), the group, and the bounds of the search (--min, --max) against
 * the scenario's worker limit. Every bad target is reported at once, one line each.
 */
import { UsageError } from "../../errors.ts";
import type { StaffingTarget } from "../../planning/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import { MAX_WORKERS } from "../../scenario/limits.ts";
import { positiveInteger } from "../session/run-options.ts";
import { parseTarget } from "../target-parser.ts";
import { requireWorkerGroup, STAFF_TARGET_GRAMMAR, targetScopeProblems } from "./target-text.ts";

/** The texts of a repeatable string option. */
function textsOf(given: string | readonly string[] | undefined): string[] {
  if (given === undefined) return [];
  return (typeof given === "string" ? [given] : [...given]).map(String);
}

/** The targets of --target, parsed; a UsageError listing every malformed one. */
export function targetsOf(given: string | readonly string[] | undefined): StaffingTarget[] {
  const texts = textsOf(given);
  if (texts.length === 0) {
    throw new UsageError('--target is required, e.g. --target "serviceLevel>=0.8"');
  }
  const targets: StaffingTarget[] = [];
  const problems: string[] = [];
  for (const text of texts) {
    const target = parseTarget(text, STAFF_TARGET_GRAMMAR);
    if (typeof target === "string") problems.push(target);
    else targets.push(target);
  }
  if (problems.length > 0) throw new UsageError(problems.join("\nccsim: "));
  return targets;
}

/** The group exists and every target's scope names something in the scenario. */
export function checkAgainstScenario(
  scenario: Scenario,
  groupId: string,
  targets: readonly StaffingTarget[],
): void {
  const problems: string[] = [];
  try {
    requireWorkerGroup(scenario, groupId);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    problems.push(error.message);
  }
  problems.push(...targetScopeProblems(targets, scenario));
  if (problems.length > 0) throw new UsageError(problems.join("\nccsim: "));
}

/** The most workers the group may have: the scenario limit less every other group's. */
export function groupCeilingOf(scenario: Scenario, groupId: string): number {
  const others = scenario.workers
    .filter((group) => group.id !== groupId)
    .reduce((sum, group) => sum + group.count, 0);
  return Math.max(1, MAX_WORKERS - others);
}

/**
 * The search's bounds: --min (default 1) and --max (default twice the start, at least ten more
 * than it), both within 1…ceiling.
 */
export function boundsOf(
  args: { readonly min?: number; readonly max?: number },
  start: number,
  ceiling: number,
): { min: number; max: number } {
  const min = positiveInteger("min", args.min, 1) ?? 1;
  const givenMax = positiveInteger("max", args.max, 1);
  if (givenMax !== undefined && givenMax > ceiling) {
    throw new UsageError(
      `--max ${givenMax}: the scenario's other groups leave room for at most ${ceiling} workers in this one (ccsim simulates at most ${MAX_WORKERS} in all; see docs/limits.md)`,
    );
  }
  if (min > ceiling) {
    throw new UsageError(`--min ${min}: the group can have at most ${ceiling} workers`);
  }
  const max = givenMax ?? Math.min(ceiling, Math.max(2 * start, start + 10, min));
  if (min > max) throw new UsageError(`--min ${min} is above --max ${max}`);
  return { min, max };
}
