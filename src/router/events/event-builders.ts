/**
 * Builds typed router events from the router's records, one small object literal per event
 * type (one shape each). Pure: reads the records, changes nothing.
 */

import { NO_SELECTORS } from "../classification/selectors.ts";
import type { JobRecord, OfferRecord, WorkerRecord } from "../entities.ts";
import type {
  RouterJobCancelled,
  RouterJobClosed,
  RouterJobCompleted,
  RouterJobQueued,
  RouterJobReceived,
  RouterJobUnassigned,
  RouterJobWaitingForActivation,
  RouterWorkerDeregistered,
  RouterWorkerOfferAccepted,
  RouterWorkerOfferDeclined,
  RouterWorkerOfferExpired,
  RouterWorkerOfferIssued,
  RouterWorkerOfferRevoked,
  RouterWorkerRegistered,
} from "./events.ts";

export function jobReceived(job: JobRecord, timeSeconds: number): RouterJobReceived {
  return {
    type: "RouterJobReceived",
    timeSeconds,
    jobId: job.id,
    channelReference: job.channelReference,
    channelId: job.channelId,
    queueId: job.queue === null ? null : job.queue.id,
    labels: job.labels,
    tags: job.tags,
    jobStatus: job.status,
    classificationPolicyId: job.classificationPolicyId,
    priority: job.classificationPolicyId === null ? job.priority : null,
    requestedWorkerSelectors: job.requestedWorkerSelectors,
    scheduledAtSeconds: null,
    unavailableForMatching: job.status === "waitingForActivation",
  };
}

export function jobQueued(job: JobRecord, timeSeconds: number): RouterJobQueued {
  return {
    type: "RouterJobQueued",
    timeSeconds,
    jobId: job.id,
    channelReference: job.channelReference,
    channelId: job.channelId,
    queueId: job.queue === null ? null : job.queue.id,
    labels: job.labels,
    tags: job.tags,
    priority: job.priority,
    requestedWorkerSelectors: job.requestedWorkerSelectors,
    attachedWorkerSelectors: job.attachedWorkerSelectors,
  };
}

type AssignmentEventType = "RouterJobUnassigned" | "RouterJobCompleted";

/** Unassigned or Completed; takes ids because an unassigned job no longer holds its assignment. */
export function jobAssignmentEvent<K extends AssignmentEventType>(
  type: K,
  job: JobRecord,
  assignmentId: string,
  workerId: string,
  timeSeconds: number,
): K extends "RouterJobUnassigned" ? RouterJobUnassigned : RouterJobCompleted {
  return {
    type,
    timeSeconds,
    jobId: job.id,
    channelReference: job.channelReference,
    channelId: job.channelId,
    queueId: job.queue === null ? null : job.queue.id,
    labels: job.labels,
    tags: job.tags,
    assignmentId,
    workerId,
  } as K extends "RouterJobUnassigned" ? RouterJobUnassigned : RouterJobCompleted;
}

export function jobClosed(
  job: JobRecord,
  assignmentId: string,
  workerId: string,
  timeSeconds: number,
): RouterJobClosed {
  return {
    type: "RouterJobClosed",
    timeSeconds,
    jobId: job.id,
    channelReference: job.channelReference,
    channelId: job.channelId,
    queueId: job.queue === null ? null : job.queue.id,
    labels: job.labels,
    tags: job.tags,
    assignmentId,
    workerId,
    dispositionCode: job.dispositionCode,
  };
}

export function jobCancelled(
  job: JobRecord,
  note: string | null,
  timeSeconds: number,
): RouterJobCancelled {
  return {
    type: "RouterJobCancelled",
    timeSeconds,
    jobId: job.id,
    channelReference: job.channelReference,
    channelId: job.channelId,
    queueId: job.queue === null ? null : job.queue.id,
    labels: job.labels,
    tags: job.tags,
    note,
    dispositionCode: job.dispositionCode ?? "Cancelled",
  };
}

export function jobWaitingForActivation(
  job: JobRecord,
  timeSeconds: number,
): RouterJobWaitingForActivation {
  return {
    type: "RouterJobWaitingForActivation",
    timeSeconds,
    jobId: job.id,
    channelReference: job.channelReference,
    channelId: job.channelId,
    queueId: job.queue === null ? null : job.queue.id,
    labels: job.labels,
    tags: job.tags,
    priority: job.priority,
    expiredRequestedWorkerSelectors: NO_SELECTORS,
    expiredAttachedWorkerSelectors: NO_SELECTORS,
    scheduledAtSeconds: null,
    unavailableForMatching: true,
  };
}

export function offerIssued(offer: OfferRecord): RouterWorkerOfferIssued {
  const job = offer.job;
  return {
    type: "RouterWorkerOfferIssued",
    timeSeconds: offer.offeredAtSeconds,
    jobId: job.id,
    channelReference: job.channelReference,
    channelId: job.channelId,
    workerId: offer.worker.id,
    queueId: offer.queue.id,
    offerId: offer.offerId,
    jobPriority: job.priority,
    offeredAtSeconds: offer.offeredAtSeconds,
    expiresAtSeconds: offer.expiresAtSeconds,
    workerLabels: offer.worker.labels,
    workerTags: offer.worker.tags,
    jobLabels: job.labels,
    jobTags: job.tags,
  };
}

export function offerAccepted(
  offer: OfferRecord,
  assignmentId: string,
  timeSeconds: number,
): RouterWorkerOfferAccepted {
  const job = offer.job;
  return {
    type: "RouterWorkerOfferAccepted",
    timeSeconds,
    jobId: job.id,
    channelReference: job.channelReference,
    channelId: job.channelId,
    workerId: offer.worker.id,
    queueId: offer.queue.id,
    offerId: offer.offerId,
    assignmentId,
    jobPriority: job.priority,
    workerLabels: offer.worker.labels,
    workerTags: offer.worker.tags,
    jobLabels: job.labels,
    jobTags: job.tags,
  };
}

type OfferEndType =
  | "RouterWorkerOfferDeclined"
  | "RouterWorkerOfferRevoked"
  | "RouterWorkerOfferExpired";
type OfferEndEvent =
  | RouterWorkerOfferDeclined
  | RouterWorkerOfferRevoked
  | RouterWorkerOfferExpired;

export function offerEnded(
  type: OfferEndType,
  offer: OfferRecord,
  timeSeconds: number,
): OfferEndEvent {
  const job = offer.job;
  return {
    type,
    timeSeconds,
    jobId: job.id,
    channelReference: job.channelReference,
    channelId: job.channelId,
    workerId: offer.worker.id,
    queueId: offer.queue.id,
    offerId: offer.offerId,
  };
}

export function workerRegistered(
  worker: WorkerRecord,
  timeSeconds: number,
): RouterWorkerRegistered {
  return {
    type: "RouterWorkerRegistered",
    timeSeconds,
    workerId: worker.id,
    queueAssignments: worker.queueAssignments,
    channelConfigurations: worker.channelConfigurations,
    totalCapacity: worker.capacity,
    labels: worker.labels,
    tags: worker.tags,
  };
}

export function workerDeregistered(
  worker: WorkerRecord,
  timeSeconds: number,
): RouterWorkerDeregistered {
  return { type: "RouterWorkerDeregistered", timeSeconds, workerId: worker.id };
}
