/**
 * Every Job Router event as a typed object (`type` = the Event Grid name without the
 * `Microsoft.Communication.` prefix), carrying `timeSeconds` (simulated time) and the data
 * fields of the service (§6). Times inside data are simulated seconds (`offeredAtSeconds`);
 * the Event Grid serializer turns them into timestamps. Events share labels and selector lists
 * with the router, which never mutates them.
 */
import type { ChannelConfiguration, QueueDetails } from "../entities.ts";
import type { JobStatus, Labels, WorkerSelector } from "../types.ts";

/** Fields of every job event. */
export interface JobEventBase {
  readonly timeSeconds: number;
  readonly jobId: string;
  readonly channelReference: string | null;
  readonly channelId: string;
  readonly queueId: string | null;
  readonly labels: Labels;
  readonly tags: Labels;
}

/** Fields of every offer event. */
export interface OfferEventBase {
  readonly timeSeconds: number;
  readonly jobId: string;
  readonly channelReference: string | null;
  readonly channelId: string;
  readonly workerId: string;
  readonly queueId: string;
  readonly offerId: string;
}

export interface RouterJobReceived extends JobEventBase {
  readonly type: "RouterJobReceived";
  readonly jobStatus: JobStatus;
  readonly classificationPolicyId: string | null;
  /** Null when a classification policy will set it. */
  readonly priority: number | null;
  readonly requestedWorkerSelectors: readonly WorkerSelector[];
  readonly scheduledAtSeconds: number | null;
  readonly unavailableForMatching: boolean;
}

export interface RouterJobClassified extends JobEventBase {
  readonly type: "RouterJobClassified";
  readonly queueDetails: QueueDetails;
  readonly classificationPolicyId: string;
  readonly priority: number;
  readonly attachedWorkerSelectors: readonly WorkerSelector[];
}

export interface RouterJobClassificationFailed extends JobEventBase {
  readonly type: "RouterJobClassificationFailed";
  readonly classificationPolicyId: string;
  readonly errors: readonly { readonly code: string; readonly message: string }[];
}

export interface RouterJobQueued extends JobEventBase {
  readonly type: "RouterJobQueued";
  readonly priority: number;
  readonly requestedWorkerSelectors: readonly WorkerSelector[];
  readonly attachedWorkerSelectors: readonly WorkerSelector[];
}

export interface RouterJobUnassigned extends JobEventBase {
  readonly type: "RouterJobUnassigned";
  readonly assignmentId: string;
  readonly workerId: string;
}

export interface RouterJobCompleted extends JobEventBase {
  readonly type: "RouterJobCompleted";
  readonly assignmentId: string;
  readonly workerId: string;
}

export interface RouterJobClosed extends JobEventBase {
  readonly type: "RouterJobClosed";
  readonly assignmentId: string;
  readonly workerId: string;
  readonly dispositionCode: string | null;
}

export interface RouterJobCancelled extends JobEventBase {
  readonly type: "RouterJobCancelled";
  readonly note: string | null;
  readonly dispositionCode: string;
}

export interface RouterJobExceptionTriggered extends JobEventBase {
  readonly type: "RouterJobExceptionTriggered";
  readonly ruleKey: string;
  readonly exceptionRuleId: string;
}

export interface RouterJobWorkerSelectorsExpired extends JobEventBase {
  readonly type: "RouterJobWorkerSelectorsExpired";
  readonly expiredRequestedWorkerSelectors: readonly WorkerSelector[];
  readonly expiredAttachedWorkerSelectors: readonly WorkerSelector[];
}

export interface RouterJobWaitingForActivation extends JobEventBase {
  readonly type: "RouterJobWaitingForActivation";
  readonly priority: number;
  readonly expiredRequestedWorkerSelectors: readonly WorkerSelector[];
  readonly expiredAttachedWorkerSelectors: readonly WorkerSelector[];
  readonly scheduledAtSeconds: number | null;
  readonly unavailableForMatching: boolean;
}

export interface RouterWorkerOfferIssued extends OfferEventBase {
  readonly type: "RouterWorkerOfferIssued";
  readonly jobPriority: number;
  readonly offeredAtSeconds: number;
  readonly expiresAtSeconds: number;
  readonly workerLabels: Labels;
  readonly workerTags: Labels;
  readonly jobLabels: Labels;
  readonly jobTags: Labels;
}

export interface RouterWorkerOfferAccepted extends OfferEventBase {
  readonly type: "RouterWorkerOfferAccepted";
  readonly assignmentId: string;
  readonly jobPriority: number;
  readonly workerLabels: Labels;
  readonly workerTags: Labels;
  readonly jobLabels: Labels;
  readonly jobTags: Labels;
}

export interface RouterWorkerOfferDeclined extends OfferEventBase {
  readonly type: "RouterWorkerOfferDeclined";
}

export interface RouterWorkerOfferRevoked extends OfferEventBase {
  readonly type: "RouterWorkerOfferRevoked";
}

export interface RouterWorkerOfferExpired extends OfferEventBase {
  readonly type: "RouterWorkerOfferExpired";
}

export interface RouterWorkerRegistered {
  readonly type: "RouterWorkerRegistered";
  readonly timeSeconds: number;
  readonly workerId: string;
  readonly queueAssignments: readonly QueueDetails[];
  readonly channelConfigurations: readonly ChannelConfiguration[];
  readonly totalCapacity: number;
  readonly labels: Labels;
  readonly tags: Labels;
}

export interface RouterWorkerDeregistered {
  readonly type: "RouterWorkerDeregistered";
  readonly timeSeconds: number;
  readonly workerId: string;
}

/** Any Job Router event. */
export type RouterEvent =
  | RouterJobReceived
  | RouterJobClassified
  | RouterJobClassificationFailed
  | RouterJobQueued
  | RouterJobUnassigned
  | RouterJobCompleted
  | RouterJobClosed
  | RouterJobCancelled
  | RouterJobExceptionTriggered
  | RouterJobWorkerSelectorsExpired
  | RouterJobWaitingForActivation
  | RouterWorkerOfferIssued
  | RouterWorkerOfferAccepted
  | RouterWorkerOfferDeclined
  | RouterWorkerOfferRevoked
  | RouterWorkerOfferExpired
  | RouterWorkerRegistered
  | RouterWorkerDeregistered;

/** A subscriber; called synchronously, and must not call router operations. */
export type RouterListener = (event: RouterEvent) => void;
