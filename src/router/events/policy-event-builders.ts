/**
 * Builds the events of classification, exception rules and selector expiry from the router's
 * records (one object literal per event type, as in event-builders.ts). Pure.
 */
import type { JobRecord } from "../entities.ts";
import type { WorkerSelector } from "../types.ts";
import type {
  JobEventBase,
  RouterJobClassificationFailed,
  RouterJobClassified,
  RouterJobExceptionTriggered,
  RouterJobWorkerSelectorsExpired,
} from "./events.ts";

function base(job: JobRecord, timeSeconds: number): JobEventBase {
  return {
    timeSeconds,
    jobId: job.id,
    channelReference: job.channelReference,
    channelId: job.channelId,
    queueId: job.queue === null ? null : job.queue.id,
    labels: job.labels,
    tags: job.tags,
  };
}

/** The job has been classified into `job.queue`. */
export function jobClassified(
  job: JobRecord,
  classificationPolicyId: string,
  timeSeconds: number,
): RouterJobClassified {
  const queue = job.queue;
  if (queue === null) throw new Error(`job ${job.id} classified without a queue`);
  return {
    type: "RouterJobClassified",
    ...base(job, timeSeconds),
    queueDetails: queue.details,
    classificationPolicyId,
    priority: job.priority,
    attachedWorkerSelectors: job.attachedWorkerSelectors,
  };
}

export function jobClassificationFailed(
  job: JobRecord,
  classificationPolicyId: string,
  error: { readonly code: string; readonly message: string },
  timeSeconds: number,
): RouterJobClassificationFailed {
  return {
    type: "RouterJobClassificationFailed",
    ...base(job, timeSeconds),
    classificationPolicyId,
    errors: [{ code: error.code, message: error.message }],
  };
}

export function jobExceptionTriggered(
  job: JobRecord,
  ruleId: string,
  timeSeconds: number,
): RouterJobExceptionTriggered {
  return {
    type: "RouterJobExceptionTriggered",
    ...base(job, timeSeconds),
    ruleKey: ruleId,
    exceptionRuleId: ruleId,
  };
}

export function jobWorkerSelectorsExpired(
  job: JobRecord,
  expiredRequested: readonly WorkerSelector[],
  expiredAttached: readonly WorkerSelector[],
  timeSeconds: number,
): RouterJobWorkerSelectorsExpired {
  return {
    type: "RouterJobWorkerSelectorsExpired",
    ...base(job, timeSeconds),
    expiredRequestedWorkerSelectors: expiredRequested,
    expiredAttachedWorkerSelectors: expiredAttached,
  };
}
