/**
 * ccsim as a library: load a scenario, run replications, aggregate and render the results. The
 * command line is built on exactly these functions. Named exports only.
 *
 * ```ts
 * import { loadScenario, simulate, renderSummaryJson } from "ccsim";
 * const scenario = await loadScenario("scenarios/voice-50.yaml");
 * const { summary } = simulate(scenario);
 * console.log(summary.overall.serviceLevel); // { mean, halfWidth }
 * ```
 */
import { aggregateReplications } from "./metrics/index.ts";
import type { ReplicationSummary } from "./metrics/types.ts";
import { readTraces, type Scenario } from "./scenario/index.ts";
import { type ReplicationOptions, type ReplicationResult, runReplication } from "./simulate.ts";

export { ScenarioError, ScenarioRunError, type ScenarioRunProblem, UsageError } from "./errors.ts";
export type { ReplicationMetrics, ReplicationSummary } from "./metrics/types.ts";
export { EventGridSerializer } from "./report/event-grid/index.ts";
export {
  renderConsoleSummary,
  renderIntervalsCsv,
  renderSummaryCsv,
  renderSummaryJson,
  renderWorkersCsv,
} from "./report/index.ts";
export type { RouterEvent, RouterObserver, RouterView } from "./router/index.ts";
export { Router, RouterObserverBase } from "./router/index.ts";
export {
  checkScenarioText,
  loadScenario,
  parseScenario,
  readTraces,
  type Scenario,
  scenarioJsonSchema,
} from "./scenario/index.ts";
export {
  Replication,
  type ReplicationOptions,
  type ReplicationResult,
  runReplication,
} from "./simulate.ts";
export { erlangA, erlangB, erlangC, priorityQueueWaits } from "./theory/index.ts";

/** Every replication's result and their summary (means and 95% half-widths). */
export interface SimulationOutcome {
  readonly replications: readonly ReplicationResult[];
  readonly summary: ReplicationSummary;
}

/**
 * Runs all of a scenario's replications one after another in this thread (the CLI runs them in
 * parallel; the results are identical) and aggregates them. Trace files are read first.
 * Throws ScenarioRunError (problems with field paths) when a run stops advancing.
 */
export function simulate(
  scenario: Scenario,
  options: Omit<ReplicationOptions, "replication" | "traces"> = {},
): SimulationOutcome {
  const traces = readTraces(scenario);
  const replications = Array.from({ length: scenario.replications }, (_, replication) =>
    runReplication(scenario, { ...options, replication, traces }),
  );
  return {
    replications,
    summary: aggregateReplications(replications.map((result) => result.metrics)),
  };
}
