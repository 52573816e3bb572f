/**
 * Changes to the router's resources after construction (the service's upsert of an existing
 * policy or queue). A changed resource is built anew by the same steps as construction, then
 * put where the old one was: queues take the new distribution policy and the new exception
 * policy; a classification policy's record takes the new contents. What the router has already built on
 * a resource limits the change:
 * - A queue's worker lists are ordered by its distribution mode and its waiting jobs grouped by
 *   the policy's concurrency and selector bypass, so those change only while no job waits in the
 *   queue and no worker serves it. A policy's name and offer expiry change at any time (offers
 *   already made keep their expiry).
 * - A waiting job's exception timers belong to the rules it entered its queue under, so an
 *   exception policy changes, and a queue changes its exception policy, only while no job waits
 *   in the queues concerned.
 * - A classification policy changes at any time, in place: jobs classified already keep their
 *   outcome.
 * Each function throws RouterConfigError with the reason when the change is refused.
 */
import { buildClassificationPolicy } from "../classification/classification.ts";
import type { RouterCore } from "../core.ts";
import type { PolicyRecord, QueueRecord } from "../entities.ts";
import { buildExceptionPolicy } from "../exceptions/exception-policy.ts";
import type {
  ClassificationPolicySpec,
  DistributionPolicySpec,
  ExceptionPolicySpec,
  QueueSpec,
} from "../types.ts";
import { buildPolicy, buildQueue, RouterConfigError } from "./config.ts";

/** Why a queue's distribution cannot be rebuilt now, or null when it can. */
function busyReason(core: RouterCore, queue: QueueRecord): string | null {
  if (queue.jobs.length > 0) return `jobs wait in queue ${queue.id}`;
  for (const worker of core.workerById.values()) {
    if (worker.queues.includes(queue)) return `worker ${worker.id} serves queue ${queue.id}`;
  }
  return null;
}

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

/** Throws unless `queue` may distribute by `policy` from now on. */
function checkMove(core: RouterCore, queue: QueueRecord, policy: PolicyRecord): void {
  if (distributesAlike(queue.policy, policy)) return;
  const busy = busyReason(core, queue);
  if (busy !== null) {
    throw new RouterConfigError(
      `the change alters how queue ${queue.id} distributes, which can change only while no job waits in it and no worker serves it (${busy})`,
    );
  }
}

/** Replaces the distribution policy `spec.id` (it exists), for every live queue on it. */
export function replaceDistributionPolicy(core: RouterCore, spec: DistributionPolicySpec): void {
  const current = core.policies.get(spec.id);
  const next = buildPolicy(spec);
  const users = core.liveQueues.filter((queue) => queue.policy === current);
  // Every queue is checked before any changes: a refusal changes nothing.
  for (const queue of users) checkMove(core, queue, next);
  core.policies.set(spec.id, next);
  for (const queue of users) queue.policy = next;
}

/** Replaces the queue `spec.id` (it exists) in place: its name, labels and policies. */
export function replaceQueue(core: RouterCore, spec: QueueSpec): void {
  const queue = core.queueById.get(spec.id);
  if (queue === undefined) throw new RouterConfigError(`unknown queue ${spec.id}`);
  // Built aside only to check and resolve the spec as construction would.
  const built = buildQueue(
    spec,
    queue.index,
    core.policies,
    new Set(core.exceptionPolicies.keys()),
  );
  if (built.exceptionPolicyId !== queue.exceptionPolicyId && queue.jobs.length > 0) {
    throw new RouterConfigError(
      `queue ${spec.id} can change its exception policy only while no job waits in it (jobs wait under the current one's timers)`,
    );
  }
  checkMove(core, queue, built.policy);
  queue.policy = built.policy;
  queue.details = built.details;
  queue.exceptionPolicyId = built.exceptionPolicyId;
  const id = queue.exceptionPolicyId;
  queue.exceptionPolicy = id === null ? null : (core.exceptionPolicies.get(id) ?? null);
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
export function replaceExceptionPolicy(core: RouterCore, spec: ExceptionPolicySpec): void {
  const users = core.liveQueues.filter((queue) => queue.exceptionPolicyId === spec.id);
  const waiting = users.find((queue) => queue.jobs.length > 0);
  if (waiting !== undefined) {
    throw new RouterConfigError(
      `exception policy ${spec.id} can change only while no job waits in a queue using it (jobs wait in queue ${waiting.id} under its current rules)`,
    );
  }
  const next = buildExceptionPolicy(spec, {
    queueById: core.queueById,
    classificationPolicies: core.classificationPolicies,
  });
  core.exceptionPolicies.set(spec.id, next);
  for (const queue of users) queue.exceptionPolicy = next;
}
