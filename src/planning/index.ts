/**
 * Public face of `planning/`: staffing answers from queueing theory for a scenario and its
 * measured traffic (cli → planning → { scenario and metrics types, theory }).
 */
export {
  type ErlangRequirement,
  erlangRequirements,
  whyErlangDoesNotFit,
} from "./erlang-requirement.ts";
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
  erlangStartCount,
  erlangValue,
  type GroupQueueModel,
  groupQueueModel,
  type MeanOf,
  modelDescribes,
} from "./staffing-model.ts";
export {
  formatTarget,
  STAFFING_OPERATORS,
  type StaffingOperator,
  type StaffingTarget,
  satisfies,
  type TargetScope,
  wantsMore,
} from "./staffing-target.ts";
