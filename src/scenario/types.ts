/**
 * The normalised scenario: what the rest of the simulator consumes after loading. Every duration
 * is a number of seconds, every default is applied, every reference is known to resolve.
 * Optional properties are absent (never `undefined`) when the user did not set them and the
 * contract gives no default (e.g. `patience` absent = infinite patience). Distribution specs,
 * label operators and mode kinds come from the shared `vocabulary/`.
 */
import type {
  DistributionModeKind,
  DistributionSpec,
  LabelOperator,
  ScoringParameter,
} from "../vocabulary/index.ts";

export type { DistributionModeKind, DistributionSpec, LabelOperator, ScoringParameter };

/** A label value: labels and tags hold primitives only, as in the service. */
export type LabelValue = string | number | boolean;

/** Labels or tags of a queue, worker or job. */
export type Labels = Record<string, LabelValue>;

/** A queue selector produced by classification: matched against queue labels. */
export interface QueueSelectorSpec {
  key: string;
  labelOperator: LabelOperator;
  value: LabelValue;
}

/** A worker selector on a job, an attachment or an exception action. */
export interface WorkerSelectorSpec {
  key: string;
  labelOperator: LabelOperator;
  value: LabelValue;
  /** Absent = the selector never expires. */
  expiresAfterSeconds?: number;
  expedite: boolean;
}

/** RouterRule kinds that can run offline (`function` and `webhook` are rejected at load). */
export type RouterRuleSpec =
  | { kind: "static"; value: unknown }
  | { kind: "directMap" }
  | { kind: "expression"; language: "powerFx"; expression: string };

export interface ScoringRuleOptionsSpec {
  batchSize: number;
  scoringParameters: ScoringParameter[];
  isBatchScoringEnabled: boolean;
  descendingOrder: boolean;
}

export interface DistributionModeSpec {
  kind: DistributionModeKind;
  minConcurrentOffers: number;
  maxConcurrentOffers: number;
  bypassSelectors: boolean;
  /** bestWorker only; absent = the service's default label/selector scoring. */
  scoringRule?: RouterRuleSpec;
  /** Always filled with the service defaults; only meaningful for bestWorker. */
  scoringRuleOptions: ScoringRuleOptionsSpec;
}

export interface DistributionPolicySpec {
  id: string;
  name?: string;
  offerExpiresAfterSeconds: number;
  mode: DistributionModeSpec;
}

export interface QueueSpec {
  id: string;
  name?: string;
  distributionPolicyId: string;
  exceptionPolicyId?: string;
  /** User labels only; the implicit `Id` label is added by the router. */
  labels: Labels;
}

/** Attachment producing queue selectors (`S` = QueueSelectorSpec) or worker selectors. */
export type SelectorAttachmentSpec<S> =
  | { kind: "static"; selector: S }
  | { kind: "conditional"; condition: RouterRuleSpec; selectors: S[] }
  | { kind: "passThrough"; key: string; labelOperator: LabelOperator; expiresAfterSeconds?: number }
  | { kind: "ruleEngine"; rule: RouterRuleSpec }
  | { kind: "weightedAllocation"; allocations: { weight: number; selectors: S[] }[] };

export type QueueSelectorAttachmentSpec = SelectorAttachmentSpec<QueueSelectorSpec>;
export type WorkerSelectorAttachmentSpec = SelectorAttachmentSpec<WorkerSelectorSpec>;

export interface ClassificationPolicySpec {
  id: string;
  name?: string;
  fallbackQueueId?: string;
  queueSelectorAttachments: QueueSelectorAttachmentSpec[];
  prioritizationRule?: RouterRuleSpec;
  workerSelectorAttachments: WorkerSelectorAttachmentSpec[];
}

export type ExceptionTriggerSpec =
  | { kind: "queueLength"; threshold: number }
  | { kind: "waitTime"; thresholdSeconds: number };

export type ExceptionActionSpec =
  | { kind: "cancel"; id?: string; note?: string; dispositionCode?: string }
  | {
      kind: "manualReclassify";
      id?: string;
      queueId?: string;
      priority?: number;
      workerSelectors?: WorkerSelectorSpec[];
    }
  | { kind: "reclassify"; id?: string; classificationPolicyId?: string; labelsToUpsert?: Labels };

export interface ExceptionRuleSpec {
  id: string;
  trigger: ExceptionTriggerSpec;
  actions: ExceptionActionSpec[];
}

export interface ExceptionPolicySpec {
  id: string;
  name?: string;
  exceptionRules: ExceptionRuleSpec[];
}

export interface ChannelSpec {
  channelId: string;
  capacityCostPerJob: number;
  /** Absent = limited only by capacity. */
  maxNumberOfJobs?: number;
}

/** A time window `[startSeconds, endSeconds)` during which a worker is registered. */
export interface ShiftSpec {
  startSeconds: number;
  endSeconds: number;
}

/** How the simulated person behaves (simulation only). */
export interface WorkerBehavior {
  responseTime: DistributionSpec;
  acceptProbability: number;
  noResponseProbability: number;
  /** Absent = a decline carries no `retryOfferAt`. */
  declineRetryAfterSeconds?: number;
  handleTimeFactor: number;
  wrapUpTime: DistributionSpec;
  unassignProbability: number;
  unassignAfter: DistributionSpec;
  unassignSuspendMatching: boolean;
  reRegisterAfter: DistributionSpec;
}

/** A worker or a group of identical workers; expand with `workerIdsOf`. */
export interface WorkerGroupSpec {
  id: string;
  count: number;
  capacity: number;
  queues: string[];
  channels: ChannelSpec[];
  labels: Labels;
  tags: Labels;
  availableForOffers: boolean;
  /** Absent = always on (registered per `availableForOffers`). Sorted by start. */
  shifts?: ShiftSpec[];
  /**
   * Absent = no staffing vector. One count per report interval: in interval k the first
   * `staffing[k]` workers of the group (by index) are on duty; `count` is its maximum.
   */
  staffing?: number[];
  behavior: WorkerBehavior;
}

export type ArrivalProcessSpec =
  | { kind: "poisson"; ratePerHour: number }
  | { kind: "piecewisePoisson"; intervalLengthSeconds: number; ratesPerHour: number[] }
  | { kind: "renewal"; interarrival: DistributionSpec }
  /** Arrival times in seconds, sorted ascending. */
  | { kind: "scripted"; atSeconds: number[] }
  /** `file` is absolute (resolved against the scenario file's folder). */
  | { kind: "trace"; file: string; timeColumn: string };

/** A job stream: a job template plus how jobs arrive. Exactly one of queueId / classificationPolicyId. */
export interface ArrivalSpec {
  id: string;
  channelId: string;
  queueId?: string;
  classificationPolicyId?: string;
  priority: number;
  labels: Labels;
  tags: Labels;
  requestedWorkerSelectors: WorkerSelectorSpec[];
  arrival: ArrivalProcessSpec;
  handleTime: DistributionSpec;
  /** Absent = customers never hang up. */
  patience?: DistributionSpec;
}

/** A validated, normalised scenario. */
export interface Scenario {
  name: string;
  description?: string;
  /** Absolute path of the file the scenario was loaded from. */
  sourcePath: string;
  seed: number;
  replications: number;
  horizonSeconds: number;
  warmupSeconds: number;
  drainSeconds: number;
  /** ISO-8601 UTC wall-clock origin, used only for event timestamps. */
  startTime: string;
  serviceLevelThresholdSeconds: number;
  /** Share of jobs the center aims to answer within the threshold (0 < target ≤ 1). */
  serviceLevelTarget: number;
  intervalLengthSeconds: number;
  distributionPolicies: DistributionPolicySpec[];
  queues: QueueSpec[];
  classificationPolicies: ClassificationPolicySpec[];
  exceptionPolicies: ExceptionPolicySpec[];
  workers: WorkerGroupSpec[];
  arrivals: ArrivalSpec[];
}

/** The worker ids a group expands to: `<id>` for count 1, else `<id>-1` … `<id>-<count>`. */
export function workerIdsOf(group: Pick<WorkerGroupSpec, "id" | "count">): string[] {
  if (group.count === 1) return [group.id];
  return Array.from({ length: group.count }, (_, index) => `${group.id}-${index + 1}`);
}

/**
 * A group's people before normalising: its `count`, else its staffing vector's maximum (at
 * least 1), else 1 — what `count` becomes once normalised.
 */
export function groupSizeOf(group: {
  count?: number | undefined;
  staffing?: readonly number[] | undefined;
}): number {
  return group.count ?? (group.staffing === undefined ? 1 : Math.max(1, ...group.staffing));
}
