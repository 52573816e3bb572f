/**
 * One scenario's replications as a command runs them: on worker threads (or serially), with a
 * progress bar on a terminal, stoppable by the caller's abort signal, and a stalled run's
 * problems located in the scenario file. Commands that run several scenarios (compare, check,
 * staff) call it once per scenario, with the bar's share of the whole; under `interruptible`
 * they all share the command's worker threads.
 */
import { ScenarioRunError } from "../../errors.ts";
import { locateRunProblems, type Scenario, type ScenarioSource } from "../../scenario/index.ts";
import type { ReplicationResult } from "../../simulate.ts";
import type { Progress } from "../run/progress.ts";
import { runReplications } from "../run/replications.ts";
import type { CheckedScenario } from "../scenario-check.ts";
import { workerPoolsOf } from "./worker-pools.ts";

/** How to run, and where progress goes. */
export interface SimulateOptions {
  readonly workers: number;
  readonly signal: AbortSignal;
  /** Shared by the runs of one command; this run fills [progressFrom, progressTo). */
  readonly progress?: Progress;
  readonly progressFrom?: number;
  readonly progressTo?: number;
  readonly checkInvariants?: boolean;
  /** Only these replications (a shard's), ascending; all without. */
  readonly only?: readonly number[];
}

/**
 * The replications of `scenario` (the checked file's scenario, possibly with overrides), in
 * replication order. A run that stalls throws the ScenarioError located in `checked`'s file.
 */
export async function simulateScenario(
  checked: Pick<CheckedScenario, "traces"> & { readonly source: ScenarioSource },
  scenario: Scenario,
  options: SimulateOptions,
): Promise<ReplicationResult[]> {
  const from = options.progressFrom ?? 0;
  const to = options.progressTo ?? 1;
  const pools = workerPoolsOf(options.signal);
  try {
    return await runReplications(scenario, {
      traces: checked.traces,
      workers: options.workers,
      checkInvariants: options.checkInvariants === true,
      onProgress: (fraction) => options.progress?.update(from + (to - from) * fraction),
      signal: options.signal,
      ...(options.only === undefined ? {} : { only: options.only }),
      ...(pools === undefined ? {} : { pools: pools.poolOf }),
    });
  } catch (error) {
    if (error instanceof ScenarioRunError) throw locateRunProblems(checked.source, error.problems);
    throw error;
  }
}
