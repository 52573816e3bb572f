/**
 * The fast lane: exact shortcuts through matching for the common shape of a contact center,
 * taken decision by decision, each behind a guard that is cheap to test, so that a router that
 * leaves the shape at run time (a decline, a job with selectors) needs no fallback: the guard
 * fails and that decision takes the general path.
 *
 * - A job without active selectors (or in a queue that bypasses them), decline exclusions or
 *   open offers, whose policy allows one offer, is eligible for every worker its
 *   (queue, channel) index lists (§3.1: the index guarantees rules 1 to 5, rules 6 and 7 hold
 *   trivially). Longest idle and round robin then choose the first listed worker in their
 *   order (the first, or the first after the queue's pointer), as their `choose` would.
 * - A freed worker in one queue and one channel, whose (queue, channel) has one waiting group
 *   that admits it and whose head it may be offered, takes that head: the first waiting job in
 *   queue order, which the general search (matching.ts, `firstJobFor`) finds. Whether the
 *   group admits the worker is remembered in the group (admission.ts).
 * - A job entering its queue with nothing else on the matching agenda joins its waiting group
 *   only if its own matching, run first, leaves it wanting offers (`Matcher.deferWaiting`):
 *   job-side matching never reads the waiting groups, so a job offered at once need not enter
 *   and leave one.
 *
 * The router's state is the same on both paths: test/router/fast-lane.test.ts drives a router
 * with and without the lane (`RouterCore.fastLane`) through random operations and compares
 * every observer call, event and query answer.
 */

import { compareCodePoints } from "../code-point.ts";
import type { JobRecord, PolicyRecord, QueueRecord, WorkerRecord } from "../entities.ts";
import type { WaitingGroup } from "../jobs/waiting-jobs.ts";
import { admitsRemembered } from "./admission.ts";
import { isOfferable } from "./eligibility.ts";
import { fitsChannel } from "./worker-index.ts";

/** Whether every listed worker is eligible for the job, and it wants exactly one offer. */
function wantsOneOfferFromAnyone(job: JobRecord, policy: PolicyRecord): boolean {
  return (
    job.openOfferCount === 0 &&
    policy.maxConcurrentOffers === 1 &&
    job.exclusions === null &&
    (policy.bypassSelectors ||
      (job.requestedWorkerSelectors.length === 0 && job.attachedWorkerSelectors.length === 0))
  );
}

/**
 * The job's choice when it is the first listed worker in the mode's order: a position in
 * `workers` (the (queue, channel) index), `workers.length` when none is listed, or −1 when the
 * general choice must run (another mode, or a job that not every listed worker may take).
 */
export function fastChoice(
  job: JobRecord,
  queue: QueueRecord,
  workers: readonly WorkerRecord[],
): number {
  const policy = queue.policy;
  if (!wantsOneOfferFromAnyone(job, policy)) return -1;
  const kind = policy.mode.kind;
  if (kind === "longestIdle") return 0;
  if (kind !== "roundRobin") return -1;
  const start = roundRobinStart(workers, queue.roundRobinLastWorkerId);
  // Round robin wraps around after the last worker in id order.
  return start < workers.length ? start : 0;
}

/**
 * The waiting job a freed worker in one queue and one channel takes first: the head of the
 * (queue, channel)'s only waiting group when the worker may be offered it; null when the worker
 * has no room, nothing waits there or the group's selectors refuse it; undefined when the
 * general search must run (several groups, or a head the worker may not be offered).
 */
export function fastHeadFor(worker: WorkerRecord): JobRecord | null | undefined {
  const channel = worker.onlyChannel;
  if (channel === null) return undefined;
  if (!fitsChannel(worker, channel)) return null;
  const queue = worker.onlyQueue as QueueRecord;
  let waiting = channel.waitingJobs;
  if (waiting === null) {
    const found = queue.waitingByChannel.get(channel.channelId);
    if (found === undefined) return null;
    waiting = found;
    channel.waitingJobs = found;
  }
  const groups = waiting.groups;
  if (groups.length === 0) return null;
  if (groups.length > 1) return undefined;
  // The general search's two tests of a group, for its only group: its selectors (tested on
  // its head, as all its jobs share them), then the head's exclusions and open offers.
  const group = groups[0] as WaitingGroup;
  const head = group.jobs.first() as JobRecord;
  if (!queue.policy.bypassSelectors && !admitsRemembered(group, head, worker)) return null;
  return isOfferable(head, worker) ? head : undefined;
}

/**
 * Round robin's first position: after the last worker offered a job from the queue, in the
 * index's id order (code points: JavaScript string order is by UTF-16 units, so compare as the
 * index does).
 */
export function roundRobinStart(workers: readonly WorkerRecord[], pointer: string | null): number {
  if (pointer === null) return 0;
  let low = 0;
  let high = workers.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareCodePoints((workers[middle] as WorkerRecord).id, pointer) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
