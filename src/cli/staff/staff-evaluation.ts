/**
 * One count of the group simulated for the search: the scenario file checked again with
 * `workers[<group>].count=<count>` (so that limits and warnings hold for that count too; a line
 * printed once is not printed again), run on the common seed and replications under its own
 * progress bar, and reduced to each target's estimate.
 */
import { aggregateReplications } from "../../metrics/index.ts";
import type { ScopeEstimates } from "../../metrics/types.ts";
import type { StaffingTarget, TargetEstimate } from "../../planning/index.ts";
import type { ScenarioOverride } from "../../scenario/index.ts";
import { ExitWithCode } from "../exit.ts";
import { printErrorLine } from "../output.ts";
import { createProgress } from "../run/progress.ts";
import { checkScenarioFile } from "../scenario-check.ts";
import { simulateScenario } from "../session/simulate-scenario.ts";

/** What every evaluation shares. */
export interface EvaluationContext {
  readonly file: string;
  readonly strict: boolean;
  readonly groupId: string;
  readonly targets: readonly StaffingTarget[];
  readonly seed: number;
  readonly replications: number;
  readonly workers: number;
  readonly signal: AbortSignal;
  readonly progress: boolean;
  readonly scenarioName: string;
  /** Lines already printed (the first check's warnings): not printed again. */
  readonly printed: Set<string>;
}

/** What the evaluations cost, filled in as they run. */
export interface EvaluationTally {
  simulations: number;
  jobs: number;
}

/** The `--set` that gives the group `count` workers. */
export function countOverride(groupId: string, count: number): ScenarioOverride {
  const id = /^[\w-]+$/.test(groupId) ? groupId : JSON.stringify(groupId);
  return {
    text: `workers[${id}].count=${count}`,
    path: ["workers", { id: groupId }, "count"],
    value: count,
  };
}

/** The search's `evaluate`: each target's estimate with `count` workers in the group. */
export function evaluatorOf(
  context: EvaluationContext,
  tally: EvaluationTally,
): (count: number) => Promise<TargetEstimate[]> {
  const report = (line: string) => {
    if (context.printed.has(line)) return;
    context.printed.add(line);
    printErrorLine(line);
  };
  return async (count) => {
    const override = countOverride(context.groupId, count);
    const checked = await checkScenarioFile(context.file, context.strict, [override], report);
    if (checked === undefined) throw new ExitWithCode(2);
    const scenario = {
      ...checked.scenario,
      seed: context.seed,
      replications: context.replications,
    };
    tally.simulations += 1;
    const label = `${context.scenarioName}: ${count} in ${context.groupId} (simulation ${tally.simulations})`;
    const progress = createProgress(label, context.progress);
    try {
      const results = await simulateScenario(checked, scenario, {
        workers: context.workers,
        signal: context.signal,
        progress,
      });
      const metrics = results.map((result) => result.metrics);
      tally.jobs += metrics.reduce((sum, one) => sum + one.overall.arrived, 0);
      const summary = aggregateReplications(metrics);
      return context.targets.map((target) => estimateOf(summary, target));
    } finally {
      progress.stop();
    }
  };
}

function estimateOf(
  summary: {
    readonly overall: ScopeEstimates;
    readonly queues: Record<string, ScopeEstimates>;
    readonly arrivals: Record<string, ScopeEstimates>;
  },
  target: StaffingTarget,
): TargetEstimate {
  const colon = target.scope.indexOf(":");
  const scope =
    target.scope === "overall"
      ? summary.overall
      : target.scope.startsWith("queue:")
        ? summary.queues[target.scope.slice(colon + 1)]
        : summary.arrivals[target.scope.slice(colon + 1)];
  const estimate = scope?.[target.metric];
  return estimate === undefined
    ? { mean: Number.NaN, halfWidth: null }
    : { mean: estimate.mean, halfWidth: estimate.halfWidth };
}
