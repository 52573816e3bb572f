/**
 * Public surface of the scenario module: loading and validating scenario files, the normalised
 * types, durations, the JSON Schema, and the located CSV reader of trace files (also used for a
 * baseline's per-replication values). Imports nothing from `src/` except `errors.ts`,
 * `powerfx/` and `vocabulary/`.
 */

export { type CsvProblems, type Row as CsvRow, readCsvCells } from "./csv-cells.ts";
export {
  formatPath,
  type ParsedDocument,
  type PathSegment,
  type Position,
  parseLocatedText,
} from "./document.ts";
export { DURATION_PATTERN, parseDurationSeconds } from "./duration.ts";
export { formatScenarioJsonSchema, scenarioJsonSchema } from "./json-schema.ts";
export {
  checkScenarioText,
  loadScenario,
  locateRunProblems,
  noteOverrides,
  parseScenario,
  readScenarioFile,
  type ScenarioCheck,
  type ScenarioSource,
} from "./load.ts";
export type { AppliedOverride } from "./override-apply.ts";
export {
  formatOverride,
  formatOverridePath,
  type OverrideSegment,
  parseOverride,
  type ScenarioOverride,
} from "./overrides.ts";
export {
  type ResourceReading,
  readClassificationPolicy,
  readExceptionPolicy,
  readRouterRule,
} from "./resources.ts";
export { nearest } from "./suggest.ts";
export { readTraces, type TraceArrivals } from "./trace-file.ts";
export type {
  ArrivalProcessSpec,
  ArrivalSpec,
  ChannelSpec,
  ClassificationPolicySpec,
  DistributionModeKind,
  DistributionModeSpec,
  DistributionPolicySpec,
  DistributionSpec,
  ExceptionActionSpec,
  ExceptionPolicySpec,
  ExceptionRuleSpec,
  ExceptionTriggerSpec,
  LabelOperator,
  Labels,
  LabelValue,
  QueueSelectorAttachmentSpec,
  QueueSelectorSpec,
  QueueSpec,
  RouterRuleSpec,
  Scenario,
  ScoringParameter,
  ScoringRuleOptionsSpec,
  SelectorAttachmentSpec,
  ShiftSpec,
  WorkerBehavior,
  WorkerGroupSpec,
  WorkerSelectorAttachmentSpec,
  WorkerSelectorSpec,
} from "./types.ts";
export { workerIdsOf } from "./types.ts";
