/**
 * One day of the per-interval search: the scenario file checked again with the group's staffing
 * vector (`workers[<group>].staffing=[…]`, as `validate` would), simulated on the common seed
 * and replications (all, or a shard's), and reduced to each interval's estimate of every target
 * from intervals.csv's numbers. The unsharded search, its shards and merge share it.
 */
import { aggregateReplications } from "../../metrics/index.ts";
import {
  INTERVAL_VALUE_NAMES,
  type IntervalValueName,
  type ReplicationMetrics,
} from "../../metrics/types.ts";
import type { StaffingTarget, TargetEstimate } from "../../planning/index.ts";
import type { Scenario, ScenarioOverride } from "../../scenario/index.ts";
import type { ReplicationResult } from "../../simulate.ts";
import { ExitWithCode } from "../exit.ts";
import { printErrorLine } from "../output.ts";
import { createProgress } from "../run/progress.ts";
import { checkScenarioFile } from "../scenario-check.ts";
import { simulateScenario } from "../session/simulate-scenario.ts";

/** What every day of one search shares. */
export interface DayContext {
  readonly file: string;
  readonly strict: boolean;
  readonly groupId: string;
  readonly seed: number;
  readonly replications: number;
  readonly workers: number;
  readonly progress: boolean;
  readonly scenarioName: string;
  readonly signal: AbortSignal;
  /** Lines already printed (the first check's warnings): not printed again. */
  readonly printed: Set<string>;
}

/** What a request names of every day of its search, besides the abort signal. */
export type DayRequest = Pick<
  DayContext,
  "file" | "strict" | "groupId" | "workers" | "progress" | "printed"
> & { readonly scenario: Pick<Scenario, "seed" | "replications" | "name"> };

/** The context every day of `request`'s search simulates in (unsharded or a shard's round). */
export function dayContextOf(request: DayRequest, signal: AbortSignal): DayContext {
  const { scenario } = request;
  return {
    file: request.file,
    strict: request.strict,
    groupId: request.groupId,
    seed: scenario.seed,
    replications: scenario.replications,
    workers: request.workers,
    progress: request.progress,
    scenarioName: scenario.name,
    signal,
    printed: request.printed,
  };
}

/** The overrides that give the group `staffing` (and the count it implies). */
export function staffingOverrides(
  groupId: string,
  staffing: readonly number[],
): ScenarioOverride[] {
  const id = /^[\w-]+$/.test(groupId) ? groupId : JSON.stringify(groupId);
  const count = Math.max(1, ...staffing);
  return [
    {
      text: `workers[${id}].staffing=[${staffing.join(",")}]`,
      path: ["workers", { id: groupId }, "staffing"],
      value: [...staffing],
    },
    {
      text: `workers[${id}].count=${count}`,
      path: ["workers", { id: groupId }, "count"],
      value: count,
    },
  ];
}

/** A day simulated: the scenario as simulated and its replications, in replication order. */
export interface SimulatedDay {
  readonly scenario: Scenario;
  readonly results: ReplicationResult[];
}

/**
 * Simulates the day `staffing` under the bar `label`: every replication, or `only` those (a
 * shard's, each keeping its true index). Exit 2 when the file no longer checks with the vector.
 */
export async function simulateDay(
  context: DayContext,
  staffing: readonly number[],
  label: string,
  only?: readonly number[],
): Promise<SimulatedDay> {
  const report = (line: string) => {
    if (context.printed.has(line)) return;
    context.printed.add(line);
    printErrorLine(line);
  };
  const overrides = staffingOverrides(context.groupId, staffing);
  const checked = await checkScenarioFile(context.file, context.strict, overrides, report);
  if (checked === undefined) throw new ExitWithCode(2);
  const scenario = {
    ...checked.scenario,
    seed: context.seed,
    replications: context.replications,
  };
  const progress = createProgress(`${context.scenarioName}: ${label}`, context.progress);
  try {
    const results = await simulateScenario(checked, scenario, {
      workers: context.workers,
      signal: context.signal,
      progress,
      ...(only === undefined ? {} : { only }),
    });
    return { scenario, results };
  } finally {
    progress.stop();
  }
}

/** The interval layout and targets a day's estimates are read for. */
export interface EstimateLayout {
  readonly targets: readonly StaffingTarget[];
  /** The queue each target is judged on, in the targets' order. */
  readonly queues: readonly string[];
  readonly intervalLengthSeconds: number;
}

/**
 * `[interval][target]`: each interval's estimate of every target from the day's replications
 * (in replication order), as intervals.csv gives them; NaN without a row for it.
 */
export function dayEstimatesOf(
  metrics: readonly ReplicationMetrics[],
  staffing: readonly number[],
  layout: EstimateLayout,
): TargetEstimate[][] {
  const summary = aggregateReplications(metrics);
  return staffing.map((_, interval) =>
    layout.targets.map((target, index) => {
      const start = interval * layout.intervalLengthSeconds;
      const row = summary.intervals.find(
        (one) => one.queueId === layout.queues[index] && one.intervalStartSeconds === start,
      );
      const metric = target.metric as IntervalValueName;
      if (row === undefined || !INTERVAL_VALUE_NAMES.includes(metric)) {
        return { mean: Number.NaN, halfWidth: null };
      }
      return { mean: row[metric], halfWidth: row.halfWidths[metric] };
    }),
  );
}
