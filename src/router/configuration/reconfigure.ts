/**
 * Changes to the router's resources after construction (the service's upsert of an existing
 * policy or queue). A changed resource is built anew by the same steps as construction, then put
 * where the old one was: queues take the new distribution policy and the new exception policy; a
 * classification policy's record takes the new contents. What was built on the old one follows:
 * - A queue's worker lists are ordered by its distribution mode and its waiting jobs grouped by
 *   the policy's concurrency and selector bypass: a change of those builds them again, revoking
 *   the open offers of its jobs and matching everyone again (`moveQueueToPolicy`). A policy's
 *   name and offer expiry change with nothing rebuilt (offers already made keep their expiry).
 * - When an exception policy changes, or a queue takes another, the jobs waiting there run
 *   under the new rules from their queue entry (ExceptionRunner.policyChanged).
 * - A classification policy changes in place: jobs classified already keep their outcome.
 * Each function throws RouterConfigError, having changed nothing, when the spec is invalid.
 */
import { buildClassificationPolicy } from "../classification/classification.ts";
import type { RouterCore } from "../core.ts";
import type { Matcher } from "../distribution/matching.ts";
import { attachWorker, detachWorker } from "../distribution/worker-index.ts";
import type { PolicyRecord, QueueRecord } from "../entities.ts";
import { buildExceptionPolicy } from "../exceptions/exception-policy.ts";
import type { ExceptionRunner } from "../exceptions/exceptions.ts";
import { addQueuedJob, removeQueuedJob } from "../jobs/queue-order.ts";
import { OfferOutcome } from "../offers/offer-log.ts";
import type {
  ClassificationPolicySpec,
  DistributionPolicySpec,
  ExceptionPolicySpec,
  QueueSpec,
} from "../types.ts";
import { buildPolicy, buildQueue, RouterConfigError } from "./config.ts";

/** Whether queues distribute the same under `next` as under `current` (bar offer expiry). */
function distributesAlike(current: PolicyRecord, next: PolicyRecord): boolean {
  return (
    current.mode.kind === next.mode.kind &&
    current.minConcurrentOffers === next.minConcurrentOffers &&
    current.maxConcurrentOffers === next.maxConcurrentOffers &&
    current.bypassSelectors === next.bypassSelectors &&
    current.staticScore === next.staticScore &&
    current.scoringRule === null &&
    next.scoringRule === null
  );
}

/**
 * Puts `queue` on `policy`. When that changes how it distributes, what the queue built for
 * the old one is built again: the open offers of its jobs are revoked (the new concurrency or
 * order may not want them), its jobs leave and rejoin its lists, its workers leave and rejoin
 * the worker index (ordered by the new mode), and everyone is matched again. Queue entries,
 * with their exception timers, go on.
 */
function moveQueueToPolicy(
  core: RouterCore,
  queue: QueueRecord,
  policy: PolicyRecord,
  matcher: Matcher,
): void {
  if (distributesAlike(queue.policy, policy)) {
    queue.policy = policy;
    return;
  }
  const jobs = queue.jobs.toArray();
  for (const job of jobs) {
    for (let offer = job.firstOpenOffer; offer !== null; offer = job.firstOpenOffer) {
      matcher.revoke(offer, OfferOutcome.revoked);
    }
  }
  for (const job of jobs) removeQueuedJob(job, queue);
  const workers = core.workersServing(queue);
  for (const worker of workers) {
    detachWorker(worker);
    // Lists resolved for the old ones, found again at the next attach.
    for (const channel of worker.channels) {
      channel.workerLists = null;
      channel.onlyList = null;
      channel.waitingJobs = null;
    }
  }
  queue.workersByChannel.clear();
  queue.rankingsByChannel.clear();
  queue.waitingByChannel.clear();
  queue.roundRobinLastWorkerId = null;
  queue.policy = policy;
  for (const job of jobs) {
    addQueuedJob(job, queue);
    matcher.requestJob(job);
  }
  for (const worker of workers) {
    attachWorker(worker);
    matcher.requestWorker(worker);
  }
}

/** Replaces the distribution policy `spec.id` (it exists), for every live queue on it. */
export function replaceDistributionPolicy(
  core: RouterCore,
  spec: DistributionPolicySpec,
  matcher: Matcher,
): void {
  const current = core.policies.get(spec.id);
  const next = buildPolicy(spec);
  core.policies.set(spec.id, next);
  for (const queue of core.liveQueues) {
    if (queue.policy === current) moveQueueToPolicy(core, queue, next, matcher);
  }
}

/** Replaces the queue `spec.id` (it exists) in place: its name, labels and policies. */
export function replaceQueue(
  core: RouterCore,
  spec: QueueSpec,
  matcher: Matcher,
  exceptions: ExceptionRunner,
): void {
  const queue = core.queueById.get(spec.id);
  if (queue === undefined) throw new RouterConfigError(`unknown queue ${spec.id}`);
  // Built aside only to check and resolve the spec as construction would.
  const built = buildQueue(
    spec,
    queue.index,
    core.policies,
    new Set(core.exceptionPolicies.keys()),
  );
  moveQueueToPolicy(core, queue, built.policy, matcher);
  queue.details = built.details;
  const changedPolicy = built.exceptionPolicyId !== queue.exceptionPolicyId;
  queue.exceptionPolicyId = built.exceptionPolicyId;
  const id = queue.exceptionPolicyId;
  queue.exceptionPolicy = id === null ? null : (core.exceptionPolicies.get(id) ?? null);
  if (changedPolicy) for (const job of queue.jobs.toArray()) exceptions.policyChanged(job);
}

/**
 * Replaces the classification policy `spec.id` (it exists) in place: its record takes the new
 * one's contents, so whatever holds it (exception actions, job templates) classifies by the new
 * policy from now on.
 */
export function replaceClassificationPolicy(
  core: RouterCore,
  spec: ClassificationPolicySpec,
  hasRandom: boolean,
): void {
  const current = core.classificationPolicies.get(spec.id);
  const next = buildClassificationPolicy(spec, core.queueById);
  if (next.usesRandom && !hasRandom) {
    throw new RouterConfigError(
      `classification policy ${spec.id}: a weightedAllocation needs the config's random source`,
    );
  }
  if (current === undefined) core.classificationPolicies.set(spec.id, next);
  // The record's fields are read-only to everyone else; this is the one place that changes them.
  else Object.assign(current, next);
}

/** Replaces the exception policy `spec.id` (it exists) on every live queue naming it. */
export function replaceExceptionPolicy(
  core: RouterCore,
  spec: ExceptionPolicySpec,
  exceptions: ExceptionRunner,
): void {
  const users = core.liveQueues.filter((queue) => queue.exceptionPolicyId === spec.id);
  const next = buildExceptionPolicy(spec, {
    queueById: core.queueById,
    classificationPolicies: core.classificationPolicies,
  });
  core.exceptionPolicies.set(spec.id, next);
  for (const queue of users) {
    queue.exceptionPolicy = next;
    for (const job of queue.jobs.toArray()) exceptions.policyChanged(job);
  }
}
