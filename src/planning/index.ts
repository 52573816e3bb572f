/**
 * Public face of `planning/`: staffing answers from queueing theory for a scenario and its
 * measured traffic (cli → planning → { scenario and metrics types, theory }), and the Erlang
 * calculator of `ccsim erlang`.
 */

export {
  type AgentsNeeded,
  agentsNeededFor,
  agentsNeededForAll,
  type ErlangInputs,
  type ErlangRow,
  erlangRowOf,
  metricValueAt,
  minimumStableAgents,
  offeredLoadOf,
} from "./erlang-calculator.ts";
export {
  type ErlangRequirement,
  erlangRequirements,
  whyErlangDoesNotFit,
} from "./erlang-requirement.ts";
export { type ErlangTable, erlangTableOf, type TargetAnswer } from "./erlang-table.ts";
export {
  ERLANG_TARGET_METRICS,
  type ErlangModel,
  type ErlangTarget,
  type ErlangTargetMetric,
  metricOfA,
  metricOfC,
  TARGET_OPERATORS,
  type TargetOperator,
  targetIsMet,
} from "./erlang-targets.ts";
