/**
 * Queue order (§8 a) and the per-queue job lists. Every queued job is in its queue's `jobs`
 * list; it is also among the waiting jobs of its channel, in the group of its selector profile
 * (waiting-jobs.ts), while it has fewer open offers than `minConcurrentOffers`, so a freed
 * worker looks only at jobs that want an offer on one of its channels and that it can take.
 * Lists are chunked (chunked-sorted-list.ts): insert/remove O(log n + one chunk) at any
 * length; position O(log n + n / 64); longest wait O(n) (a rare query).
 */
import type { JobRecord, QueueRecord } from "../entities.ts";
import { WaitingJobs } from "./waiting-jobs.ts";

/** Expedited first, then higher priority, then earlier enqueue, then earlier creation. */
export function compareJobsInQueueOrder(left: JobRecord, right: JobRecord): number {
  if (left.expedited !== right.expedited) return left.expedited ? -1 : 1;
  if (left.priority !== right.priority) return right.priority - left.priority;
  if (left.enqueuedAtSeconds !== right.enqueuedAtSeconds) {
    return left.enqueuedAtSeconds - right.enqueuedAtSeconds;
  }
  return left.creationSequence - right.creationSequence;
}

function waitingList(queue: QueueRecord, channelId: string): WaitingJobs {
  let list = queue.waitingByChannel.get(channelId);
  if (list === undefined) {
    list = new WaitingJobs(compareJobsInQueueOrder);
    queue.waitingByChannel.set(channelId, list);
  }
  return list;
}

/** Whether the job should be in its channel's waiting list. */
function wantsOffers(job: JobRecord, queue: QueueRecord): boolean {
  return job.status === "queued" && job.openOfferCount < queue.policy.minConcurrentOffers;
}

/** Puts a job that has just become `queued` into its queue's lists. */
export function addQueuedJob(job: JobRecord, queue: QueueRecord): void {
  queue.jobs.insert(job);
  refreshWaiting(job);
}

/** Takes a job out of its queue's lists (it leaves `queued`, or its order is about to change). */
export function removeQueuedJob(job: JobRecord, queue: QueueRecord): void {
  queue.jobs.remove(job);
  leaveWaiting(job);
}

/** Takes a job out of its waiting group (its selectors are about to change). */
export function leaveWaiting(job: JobRecord): void {
  const group = job.waitingGroup;
  if (group !== null) group.owner.remove(job);
}

/** Brings the job's waiting-list membership in line with its status and open offers. */
export function refreshWaiting(job: JobRecord): void {
  const queue = job.queue;
  if (queue === null) return;
  const shouldWait = wantsOffers(job, queue);
  const group = job.waitingGroup;
  if (shouldWait === (group !== null)) return;
  // Leaving goes through the group's own list: no lookup of the (queue, channel).
  if (group !== null) group.owner.remove(job);
  else waitingList(queue, job.channelId).add(job, queue.policy.bypassSelectors);
}

/** 1-based position of a queued job in its queue, or 0 when it is not queued there. */
export function positionInQueue(job: JobRecord, queue: QueueRecord): number {
  return queue.jobs.positionOf(job) + 1;
}

/** Earliest `enqueuedAt` among the queue's jobs, or NaN when empty. O(n). */
export function earliestEnqueuedAtSeconds(queue: QueueRecord): number {
  let earliest = Number.NaN;
  for (const chunk of queue.jobs.chunks) {
    for (const job of chunk) {
      if (!(job.enqueuedAtSeconds >= earliest)) earliest = job.enqueuedAtSeconds;
    }
  }
  return earliest;
}
