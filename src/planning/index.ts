/**
 * Public face of `planning/`: staffing answers from queueing theory for a scenario and its
 * measured traffic (cli → planning → { scenario and metrics types, theory }), the Erlang
 * calculator of `ccsim erlang`, and the staffing searches of `ccsim staff` (one count, or the day's
 * curve with --per-interval).
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
} from "./erlang-targets.ts";
export {
  meetsTarget,
  type StaffCriterion,
  type StaffEvaluation,
  type StaffSearchOptions,
  type StaffSearchResult,
  searchStaffing,
  type TargetEstimate,
} from "./staff-search.ts";
export {
  agentIntervalsOf,
  type CurveSearchOptions,
  type CurveSearchResult,
  type DayEvaluation,
  intervalMeets,
  searchStaffingCurve,
} from "./staffing-curve-search.ts";
export {
  erlangStartCount,
  erlangValue,
  type GroupQueueModel,
  groupQueueModel,
  type MeanOf,
  modelDescribes,
} from "./staffing-model.ts";
export {
  formatTarget,
  type StaffingTarget,
  type TargetScope,
} from "./staffing-target.ts";
export {
  satisfies,
  TARGET_OPERATORS,
  type TargetOperator,
  wantsMore,
} from "./target-operators.ts";
