/**
 * Resource specifications accepted by the router, with the field names of the Job Router
 * REST API 2023-11-01 (`offerExpiresAfterSeconds`, `mode.kind`, `capacityCostPerJob`, …), plus
 * the enumerations of job status, worker state and selector operators. Plain data, no logic.
 */

/** A label or tag value: the service allows primitives only. */
export type LabelValue = string | number | boolean;

/** Labels or tags of a job, worker or queue. Treated as immutable once given to the router. */
export type Labels = Readonly<Record<string, LabelValue>>;

/** The six worker/queue selector operators. */
export type LabelOperator =
  | "equal"
  | "notEqual"
  | "lessThan"
  | "lessThanOrEqual"
  | "greaterThan"
  | "greaterThanOrEqual";

/** The six operators, for validation and generators. */
export const LABEL_OPERATORS: readonly LabelOperator[] = [
  "equal",
  "notEqual",
  "lessThan",
  "lessThanOrEqual",
  "greaterThan",
  "greaterThanOrEqual",
];

/** A worker selector as a client sends it. */
export interface WorkerSelectorSpec {
  readonly key: string;
  readonly labelOperator: LabelOperator;
  readonly value: LabelValue;
  readonly expiresAfterSeconds?: number;
  readonly expedite?: boolean;
}

/** A worker selector as the router holds it (read-only `status` and `expiresAt`). */
export interface WorkerSelector {
  readonly key: string;
  readonly labelOperator: LabelOperator;
  readonly value: LabelValue;
  readonly expiresAfterSeconds: number | null;
  readonly expedite: boolean;
  readonly status: "active" | "expired";
  readonly expiresAtSeconds: number | null;
}

/** A RouterRule (classification and scoring); only the kinds a simulation can run. */
export type RouterRuleSpec =
  | { readonly kind: "static"; readonly value: LabelValue | null }
  | { readonly kind: "directMap" }
  | { readonly kind: "expression"; readonly language?: "powerFx"; readonly expression: string };

/** The three distribution modes, by their API name. */
export type DistributionModeKind = "longestIdle" | "roundRobin" | "bestWorker";

/** Options of best-worker scoring (stored; batch scoring has no effect in the simulator). */
export interface ScoringRuleOptionsSpec {
  readonly batchSize?: number;
  readonly scoringParameters?: readonly ("jobLabels" | "workerSelectors")[];
  readonly isBatchScoringEnabled?: boolean;
  readonly descendingOrder?: boolean;
}

/** `distributionPolicy.mode`. */
export interface DistributionModeSpec {
  readonly kind: DistributionModeKind;
  readonly minConcurrentOffers?: number;
  readonly maxConcurrentOffers?: number;
  readonly bypassSelectors?: boolean;
  readonly scoringRule?: RouterRuleSpec;
  readonly scoringRuleOptions?: ScoringRuleOptionsSpec;
}

/** `/routing/distributionPolicies/{id}`. */
export interface DistributionPolicySpec {
  readonly id: string;
  readonly name?: string;
  readonly offerExpiresAfterSeconds: number;
  readonly mode: DistributionModeSpec;
}

/** `/routing/queues/{id}`; the router adds the label `Id` = id. */
export interface QueueSpec {
  readonly id: string;
  readonly name?: string;
  readonly distributionPolicyId: string;
  readonly exceptionPolicyId?: string;
  readonly labels?: Labels;
}

/** Classification policy: stored for a later issue; the router does not classify yet. */
export interface ClassificationPolicySpec {
  readonly id: string;
  readonly name?: string;
  readonly fallbackQueueId?: string;
  readonly [field: string]: unknown;
}

/** Exception policy: stored for a later issue; rules do not fire yet. */
export interface ExceptionPolicySpec {
  readonly id: string;
  readonly name?: string;
  readonly exceptionRules: readonly unknown[];
}

/** One entry of `worker.channels`. */
export interface ChannelSpec {
  readonly channelId: string;
  readonly capacityCostPerJob: number;
  readonly maxNumberOfJobs?: number;
}

/** `/routing/workers/{id}`; created `inactive` unless `availableForOffers` is true. */
export interface WorkerSpec {
  readonly id: string;
  readonly capacity: number;
  readonly queues: readonly string[];
  readonly channels: readonly ChannelSpec[];
  readonly labels?: Labels;
  readonly tags?: Labels;
  readonly availableForOffers?: boolean;
}

/** `/routing/jobs/{id}` as sent by the client (create or merge-patch update). */
export interface JobSpec {
  readonly id: string;
  readonly channelId?: string;
  readonly channelReference?: string;
  readonly queueId?: string;
  readonly classificationPolicyId?: string;
  readonly priority?: number;
  readonly labels?: Labels;
  readonly tags?: Labels;
  readonly requestedWorkerSelectors?: readonly WorkerSelectorSpec[];
}

/** Every job status of the service (§2.1). */
export type JobStatus =
  | "created"
  | "pendingClassification"
  | "queued"
  | "assigned"
  | "completed"
  | "closed"
  | "cancelled"
  | "classificationFailed"
  | "pendingSchedule"
  | "scheduled"
  | "scheduleFailed"
  | "waitingForActivation";

/** Worker state (§2.3). */
export type WorkerState = "active" | "draining" | "inactive";

/** Everything the router is configured with up front. */
export interface RouterConfig {
  readonly distributionPolicies: readonly DistributionPolicySpec[];
  readonly queues: readonly QueueSpec[];
  readonly classificationPolicies?: readonly ClassificationPolicySpec[];
  readonly exceptionPolicies?: readonly ExceptionPolicySpec[];
  /**
   * Workers created (and registered when `availableForOffers`) during construction, before any
   * subscriber exists; use `upsertWorker` after subscribing to observe their registration.
   */
  readonly workers?: readonly WorkerSpec[];
}
