/**
 * Consistency checks over the whole router state, for property tests and `--check-invariants`:
 * capacity and channel counts match open offers plus unclosed assignments and stay within
 * limits; every open offer is indexed once, held by an active worker and not excluded; every
 * job is in exactly one place for its status; the queue and worker indexes hold exactly the
 * right members in order; a job's expedite flag matches its active selectors; its selector
 * expiry timer and its wait-time exception timers are pending exactly when they should be, at
 * the right time. Only live jobs are held: ended (closed, cancelled) jobs and their offers are
 * forgotten. O(total state); returns the violations (empty when consistent).
 */
import { NO_TIMER } from "../engine/engine.ts";
import type { RouterCore } from "./core.ts";
import { isExcluded, isPairEligible, selectorsAdmit } from "./distribution/eligibility.ts";
import { fitsChannel } from "./distribution/worker-index.ts";
import type { JobRecord, QueueRecord, WorkerRecord } from "./entities.ts";
import { earliestExpiry, isEnded, isExpedited } from "./jobs/selector-expiry.ts";
import { selectorProfile } from "./jobs/waiting-jobs.ts";
import { OfferOutcome } from "./offers/offer-log.ts";
import type { Router } from "./router.ts";
import type { JobStatus } from "./types.ts";

/**
 * Legal job status changes within one operation (§2.1), for the statuses this router reaches.
 * Exception rules act within the operation that queues a job, so a creation, an unassign or a
 * PATCH can end in `cancelled` or `classificationFailed` through a trigger on entry.
 */
const LEGAL_JOB_TRANSITIONS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  created: ["queued", "cancelled", "classificationFailed"],
  pendingClassification: ["queued", "classificationFailed", "cancelled"],
  queued: ["assigned", "cancelled", "classificationFailed"],
  assigned: ["completed", "queued", "waitingForActivation", "cancelled", "classificationFailed"],
  completed: ["closed"],
  closed: [],
  cancelled: [],
  classificationFailed: ["queued", "cancelled"],
  pendingSchedule: ["scheduled", "scheduleFailed", "queued", "cancelled"],
  scheduled: ["waitingForActivation", "queued", "cancelled"],
  scheduleFailed: [],
  waitingForActivation: ["queued", "cancelled"],
};

/** Whether a job may go from `from` to `to` (staying put is always legal). */
export function isLegalTransition(from: JobStatus, to: JobStatus): boolean {
  return from === to || LEGAL_JOB_TRANSITIONS[from].includes(to);
}

/** Every violated invariant of the router, as messages. */
export function checkInvariants(router: Router): string[] {
  const core = router.core;
  const problems: string[] = [];
  for (const worker of core.workers) checkWorker(core, worker, problems);
  const placements = countPlacements(core);
  for (const job of core.jobs) checkJob(core, job, placements.get(job) ?? 0, problems);
  for (const queue of core.queues) checkQueue(core, queue, problems);
  let offersSeen = 0;
  for (const worker of core.workers) offersSeen += worker.openOffers.length;
  let offersOpen = 0;
  for (const _ of core.openOffers()) offersOpen++;
  if (offersSeen !== offersOpen || offersOpen !== core.openOfferCount) {
    const counted = core.openOfferCount;
    problems.push(`${offersOpen} open offers (counted ${counted}), ${offersSeen} held by workers`);
  }
  let offersOfLiveJobs = 0;
  for (const job of core.jobs) {
    for (let offer = job.lastOffer; offer !== null; offer = offer.previousOfJob) {
      offersOfLiveJobs++;
      if (core.findOffer(offer.sequence) !== offer || offer.job !== job)
        problems.push(`offer ${offer.offerId} of job ${job.id} not indexed`);
    }
  }
  if (offersOfLiveJobs !== core.rememberedOfferCount) {
    problems.push(
      `${core.rememberedOfferCount} offers remembered, ${offersOfLiveJobs} belong to live jobs`,
    );
  }
  return problems;
}

function checkWorker(core: RouterCore, worker: WorkerRecord, problems: string[]): void {
  const where = `worker ${worker.id}`;
  let used = 0;
  for (const channel of worker.channels) {
    let jobs = 0;
    for (const offer of worker.openOffers) if (offer.channel === channel) jobs++;
    for (const assignment of worker.assignments) if (assignment.channel === channel) jobs++;
    used += jobs * channel.capacityCostPerJob;
    if (jobs !== channel.jobCount)
      problems.push(`${where}: ${channel.channelId} count ${channel.jobCount} ≠ ${jobs}`);
    if (jobs > channel.maxNumberOfJobs)
      problems.push(`${where}: ${channel.channelId} over maxNumberOfJobs`);
  }
  if (used !== worker.usedCapacity)
    problems.push(`${where}: used ${worker.usedCapacity} ≠ ${used}`);
  if (used > worker.capacity)
    problems.push(`${where}: capacity exceeded (${used} > ${worker.capacity})`);
  if (worker.state !== "active" && worker.openOffers.length > 0) {
    problems.push(`${where}: ${worker.state} but holds offers`);
  }
  if (worker.state === "draining" && worker.assignments.length === 0) {
    problems.push(`${where}: draining with no assignment`);
  }
  for (const offer of worker.openOffers) {
    if (core.findOffer(offer.sequence) !== offer || offer.outcome !== OfferOutcome.open)
      problems.push(`${where}: offer ${offer.offerId} not indexed`);
    if (offer.job.status !== "queued")
      problems.push(`${where}: offer for ${offer.job.status} job ${offer.job.id}`);
    if (!offer.job.openOfferList().includes(offer))
      problems.push(`${where}: offer ${offer.offerId} unknown to its job`);
    if (isExcluded(offer.job, worker)) problems.push(`${where}: offer to an excluded worker`);
    // The offer still fits the worker (a change of worker revokes those that do not).
    if (offer.job.queue !== offer.queue || !worker.queues.includes(offer.queue))
      problems.push(`${where}: offer ${offer.offerId} from a queue it does not serve`);
    if (worker.channel(offer.channel.channelId) !== offer.channel)
      problems.push(`${where}: offer ${offer.offerId} on a channel it does not have`);
    if (!offer.queue.policy.bypassSelectors && !selectorsAdmit(offer.job, worker))
      problems.push(`${where}: offer ${offer.offerId} whose job's selectors it fails`);
  }
}

/** How many places (queue lists, worker assignment lists) hold each job. */
function countPlacements(core: RouterCore): Map<JobRecord, number> {
  const placements = new Map<JobRecord, number>();
  const add = (job: JobRecord): void => {
    placements.set(job, (placements.get(job) ?? 0) + 1);
  };
  for (const queue of core.queues) for (const job of queue.jobs.toArray()) add(job);
  for (const worker of core.workers)
    for (const assignment of worker.assignments) add(assignment.job);
  return placements;
}

function checkJob(core: RouterCore, job: JobRecord, placements: number, problems: string[]): void {
  const where = `job ${job.id} (${job.status})`;
  const placed = job.status === "queued" || job.status === "assigned" || job.status === "completed";
  if (placements !== (placed ? 1 : 0)) problems.push(`${where}: in ${placements} places`);
  if (job.status === "queued" && !job.queue?.jobs.toArray().includes(job))
    problems.push(`${where}: not in its queue`);
  if ((job.status === "assigned" || job.status === "completed") && job.assignment === null) {
    problems.push(`${where}: no assignment`);
  }
  const openOffers = job.openOfferList();
  if (openOffers.length !== job.openOfferCount) problems.push(`${where}: open offers miscounted`);
  if (openOffers.some((offer) => offer.job !== job || offer.outcome !== OfferOutcome.open))
    problems.push(`${where}: an open offer is not its own open offer`);
  if (job.status !== "queued" && openOffers.length > 0) problems.push(`${where}: has open offers`);
  const workersOffered = new Set(openOffers.map((offer) => offer.worker));
  if (workersOffered.size !== openOffers.length)
    problems.push(`${where}: two offers to one worker`);
  const maximum = job.queue?.policy.maxConcurrentOffers ?? 0;
  if (openOffers.length > maximum) problems.push(`${where}: more than maxConcurrentOffers`);
  if (openOffers.some((offer) => core.findOffer(offer.sequence) !== offer)) {
    problems.push(`${where}: an offer is not indexed`);
  }
  if (job.status === "closed" || job.status === "cancelled")
    problems.push(`${where}: an ended job was not forgotten`);
  if (core.jobAt(job.index) !== job || core.findJob(job.id) !== job)
    problems.push(`${where}: not in its slot or not found by id`);
  if (job.status === "created" || job.status === "pendingClassification")
    problems.push(`${where}: a transient status outlived its operation`);
  if (job.expedited !== isExpedited(job)) problems.push(`${where}: expedite flag wrong`);
  if (job.status === "queued" && !(Number.isInteger(job.priority) && Math.abs(job.priority) <= 100))
    problems.push(`${where}: priority ${job.priority} out of range`);
  checkSelectorExpiry(core, job, where, problems);
  checkExceptionTimers(core, job, where, problems);
}

/** A live job with a pending expiry has one timer at its earliest expiry; others have none. */
function checkSelectorExpiry(
  core: RouterCore,
  job: JobRecord,
  where: string,
  problems: string[],
): void {
  const earliest = isEnded(job.status) ? Number.POSITIVE_INFINITY : earliestExpiry(job);
  const timer = job.selectorExpiryTimer;
  if (earliest === Number.POSITIVE_INFINITY) {
    if (timer !== NO_TIMER) problems.push(`${where}: selector expiry timer without a due selector`);
    return;
  }
  // The timer sits at the earliest expiry, or at the instant it was armed when that was overdue
  // (a job whose classification failed, queued again later).
  const atSeconds = core.engine.timeOf(timer);
  if (!(atSeconds === earliest || (atSeconds > earliest && atSeconds <= core.now))) {
    problems.push(`${where}: selector expiry timer at ${atSeconds}, earliest expiry ${earliest}`);
  }
}

/**
 * Outside a queue entry a job has no exception state; inside one, every wait-time rule of its
 * queue's policy that has not fired has a timer at the entry time + threshold (or now, for a
 * rule that came with a changed policy after that time).
 */
function checkExceptionTimers(
  core: RouterCore,
  job: JobRecord,
  where: string,
  problems: string[],
): void {
  const timers = job.exceptionTimers;
  const policy = job.status === "queued" ? job.queue?.exceptionPolicy : null;
  if (policy === null || policy === undefined) {
    if (timers !== null || job.firedExceptionRules !== null)
      problems.push(`${where}: exception state outside a queue entry with a policy`);
    return;
  }
  for (const rule of policy.rules) {
    const timer = timers?.[rule.index] ?? NO_TIMER;
    const fired = job.firedExceptionRules?.includes(rule) === true;
    if (rule.trigger.kind !== "waitTime" || fired) {
      if (timer !== NO_TIMER) problems.push(`${where}: timer for rule ${rule.id} that cannot fire`);
      continue;
    }
    const dueSeconds = job.latestEnqueueAtSeconds + rule.trigger.thresholdSeconds;
    const at = core.engine.timeOf(timer);
    // A rule that came with a changed policy after its due time fires now (policyChanged).
    const onTime = at === dueSeconds || (dueSeconds < at && at <= core.now);
    if (!onTime) problems.push(`${where}: rule ${rule.id} timer not pending at ${dueSeconds}`);
  }
}

function checkQueue(core: RouterCore, queue: QueueRecord, problems: string[]): void {
  const where = `queue ${queue.id}`;
  if (!queue.jobs.isSorted()) problems.push(`${where}: jobs out of order`);
  for (const [channelId, list] of queue.waitingByChannel) {
    let count = 0;
    for (const group of list.groups) {
      if (!group.jobs.isSorted() || group.jobs.length === 0) {
        problems.push(`${where}: waiting ${channelId} group out of order or empty`);
      }
      for (const job of group.jobs.toArray()) {
        count++;
        const profile = queue.policy.bypassSelectors ? "" : selectorProfile(job);
        if (
          job.channelId !== channelId ||
          job.queue !== queue ||
          job.waitingGroup !== group ||
          group.profile !== profile
        ) {
          problems.push(`${where}: job ${job.id} misplaced in waiting ${channelId}`);
        }
      }
    }
    if (count !== list.length) problems.push(`${where}: waiting ${channelId} miscounted`);
  }
  for (const job of queue.jobs.toArray()) {
    const wants = job.openOfferCount < queue.policy.minConcurrentOffers;
    const listed = queue.waitingByChannel.get(job.channelId)?.toArray().includes(job) ?? false;
    if (wants !== listed || wants !== (job.waitingGroup !== null))
      problems.push(`${where}: job ${job.id} waiting flag wrong`);
  }
  for (const [channelId, list] of queue.workersByChannel) {
    if (!list.isSorted()) problems.push(`${where}: workers ${channelId} out of order`);
    // Matching is quiescent: no job that wants offers has an eligible worker left unused.
    const waiting = queue.waitingByChannel.get(channelId)?.toArray() ?? [];
    for (const job of waiting) {
      for (const worker of list.items) {
        if (isPairEligible(job, worker, queue.policy.bypassSelectors)) {
          problems.push(`${where}: job ${job.id} wants offers but ${worker.id} is eligible`);
        }
      }
    }
  }
  checkRankings(queue, problems);
  for (const worker of core.workers) {
    if (!worker.queues.includes(queue)) continue;
    for (const channel of worker.channels) {
      const listed = queue.workersByChannel.get(channel.channelId)?.items.includes(worker) ?? false;
      if (listed !== fitsChannel(worker, channel)) {
        problems.push(
          `${where}: worker ${worker.id} ${listed ? "listed but cannot" : "can but is not listed"} for ${channel.channelId}`,
        );
      }
    }
  }
}

/**
 * Each valid best-worker ranking holds exactly the listed workers its profile admits, in the
 * order the scan would pick them: fresh score descending, equal scores in index order.
 */
function checkRankings(queue: QueueRecord, problems: string[]): void {
  for (const [channelId, book] of queue.rankingsByChannel) {
    const listed = queue.workersByChannel.get(channelId)?.items ?? [];
    for (const [profile, ranking] of book.rankings) {
      if (!ranking.valid) continue;
      const expected = listed
        .filter((worker) => ranking.admitsAfresh(worker))
        .map((worker, position) => ({ worker, position, score: ranking.scoreOf(worker) }))
        .sort((left, right) =>
          left.score !== right.score ? right.score - left.score : left.position - right.position,
        )
        .map(({ worker }) => worker.id);
      const actual = ranking.inOrder().map((worker) => worker.id);
      if (expected.join() !== actual.join()) {
        problems.push(
          `queue ${queue.id}: ranking ${channelId} "${profile}" is [${actual}], not [${expected}]`,
        );
      }
    }
  }
}
