/**
 * Resource specifications accepted by the router, with the field names of the Job Router
 * REST API 2023-11-01 (`offerExpiresAfterSeconds`, `mode.kind`, `capacityCostPerJob`, …), plus
 * the enumerations of job status and worker state. Plain data, no logic. Selector operators and
 * mode kinds are the shared `vocabulary/`, re-exported here.
 */
import type { DistributionModeKind, LabelOperator, ScoringParameter } from "../vocabulary/index.ts";

export type { DistributionModeKind, LabelOperator, ScoringParameter };

/** A label or tag value: the service allows primitives only. */
export type LabelValue = string | number | boolean;

/** Labels or tags of a job, worker or queue. Treated as immutable once given to the router. */
export type Labels = Readonly<Record<string, LabelValue>>;

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

/**
 * A RouterRule (classification and scoring); only the kinds a simulation can run. A `static`
 * value is any JSON-like value (a number for a priority, a selector list for `ruleEngine`).
 */
export type RouterRuleSpec =
  | { readonly kind: "static"; readonly value?: unknown }
  | { readonly kind: "directMap" }
  | { readonly kind: "expression"; readonly language?: "powerFx"; readonly expression: string };

/** A queue selector produced by classification, matched against queue labels (incl. `Id`). */
export interface QueueSelectorSpec {
  readonly key: string;
  readonly labelOperator: LabelOperator;
  readonly value: LabelValue;
}

/** Options of best-worker scoring (stored; batch scoring has no effect in the simulator). */
export interface ScoringRuleOptionsSpec {
  readonly batchSize?: number;
  readonly scoringParameters?: readonly ScoringParameter[];
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

/**
 * A selector attachment of a classification policy, in the scenario's normalised shape: `S` is
 * `QueueSelectorSpec` or `WorkerSelectorSpec`; the API's `queueSelector(s)`/`workerSelector(s)`
 * fields are `selector`/`selectors` here. `expiresAfterSeconds` of `passThrough` applies to
 * worker selectors only.
 */
export type SelectorAttachmentSpec<S> =
  | { readonly kind: "static"; readonly selector: S }
  | {
      readonly kind: "conditional";
      readonly condition: RouterRuleSpec;
      readonly selectors: readonly S[];
    }
  | {
      readonly kind: "passThrough";
      readonly key: string;
      readonly labelOperator: LabelOperator;
      readonly expiresAfterSeconds?: number;
    }
  | { readonly kind: "ruleEngine"; readonly rule: RouterRuleSpec }
  | {
      readonly kind: "weightedAllocation";
      readonly allocations: readonly {
        readonly weight: number;
        readonly selectors: readonly S[];
      }[];
    };

/** An attachment producing queue selectors. */
export type QueueSelectorAttachmentSpec = SelectorAttachmentSpec<QueueSelectorSpec>;
/** An attachment producing worker selectors (`attachedWorkerSelectors`). */
export type WorkerSelectorAttachmentSpec = SelectorAttachmentSpec<WorkerSelectorSpec>;

/** `/routing/classificationPolicies/{id}` (§1.3). */
export interface ClassificationPolicySpec {
  readonly id: string;
  readonly name?: string;
  readonly fallbackQueueId?: string;
  readonly queueSelectorAttachments?: readonly QueueSelectorAttachmentSpec[];
  readonly prioritizationRule?: RouterRuleSpec;
  readonly workerSelectorAttachments?: readonly WorkerSelectorAttachmentSpec[];
}

/** What fires an exception rule (§1.4). */
export type ExceptionTriggerSpec =
  | { readonly kind: "queueLength"; readonly threshold: number }
  | { readonly kind: "waitTime"; readonly thresholdSeconds: number };

/** What an exception rule does, in list order (§4). */
export type ExceptionActionSpec =
  | {
      readonly kind: "cancel";
      readonly id?: string;
      readonly note?: string;
      readonly dispositionCode?: string;
    }
  | {
      readonly kind: "manualReclassify";
      readonly id?: string;
      readonly queueId?: string;
      readonly priority?: number;
      readonly workerSelectors?: readonly WorkerSelectorSpec[];
    }
  | {
      readonly kind: "reclassify";
      readonly id?: string;
      readonly classificationPolicyId?: string;
      readonly labelsToUpsert?: Labels;
    };

/** One rule of an exception policy. */
export interface ExceptionRuleSpec {
  readonly id: string;
  readonly trigger: ExceptionTriggerSpec;
  readonly actions: readonly ExceptionActionSpec[];
}

/** `/routing/exceptionPolicies/{id}` (§1.4); attached to queues by `exceptionPolicyId`. */
export interface ExceptionPolicySpec {
  readonly id: string;
  readonly name?: string;
  readonly exceptionRules: readonly ExceptionRuleSpec[];
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

/** A change to an existing worker: the fields that change, with its id. */
export type WorkerUpdate = { readonly id: string } & Partial<Omit<WorkerSpec, "id">>;

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
  /**
   * The job's notes, replacing those it has (the service's upsert replaces the list); each with
   * when it was added, as the client says. Notes never change routing.
   */
  readonly notes?: readonly JobNote[];
  /**
   * How the job is matched (§5): `queueAndMatch` (the default) queues it; `suspend` holds it in
   * `waitingForActivation`; `scheduleAndSuspend` holds it `scheduled` until `scheduleAtSeconds`,
   * then in `waitingForActivation`. An update to `queueAndMatch` queues a held job.
   */
  readonly matchingMode?: MatchingModeSpec;
  /** A disposition code the client gives the job (the service keeps it, as cancel and close do). */
  readonly dispositionCode?: string;
}

/** A job's matching mode (§5). */
export type MatchingModeSpec =
  | { readonly kind: "queueAndMatch" }
  | { readonly kind: "suspend" }
  | { readonly kind: "scheduleAndSuspend"; readonly scheduleAtSeconds: number };

/** A note on a job: its text and when it was added. */
export interface JobNote {
  readonly message: string;
  readonly addedAtSeconds: number;
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
   * Uniform draws in [0, 1) for `weightedAllocation` attachments; required only when one
   * exists. The router draws once per weighted attachment per classification, in attachment
   * order (queue attachments first), and nowhere else.
   */
  readonly random?: { next(): number };
  /**
   * Workers created (and registered when `availableForOffers`) during construction, before any
   * subscriber exists; use `upsertWorker` after subscribing to observe their registration.
   */
  readonly workers?: readonly WorkerSpec[];
  /**
   * Keep each ended (closed or cancelled) job's last snapshot, readable with `getJob`, until
   * `deleteJob`, as the service does; a simulation leaves it off and forgets ended jobs at once.
   */
  readonly retainEndedJobs?: boolean;
  /**
   * The most rules an exception policy added after construction may have
   * (`addExceptionPolicy`); exception timers are numbered with room for that many per job.
   */
  readonly exceptionRulesPerPolicy?: number;
}
