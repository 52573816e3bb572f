/**
 * Matching (§3.3, §8 b, o). Operations put the jobs and workers whose situation changed on an
 * agenda, in cause order; `drain` then runs job-side matching (top a job below
 * `minConcurrentOffers` up to `maxConcurrentOffers` with the mode's best eligible workers) or
 * worker-side matching (repeatedly find, across the worker's queues and channels, the first job
 * in queue order that it could take and that wants offers, and run job-side matching for it).
 * Matching only opens offers, so draining never adds to the agenda.
 * Costs: job side O(k) index positions inspected (longest idle, round robin after an
 * O(log n) start) or O(n) (best worker scores every listed worker); worker side, per job found,
 * one selector test per waiting group (selector profile) of each (queue, channel) and a scan
 * only within the groups it can take, to the first job without an exclusion or open offer.
 * In the common shape the fast lane (fast-lane.ts) answers both questions without the search,
 * exactly as it would.
 */

import { objectArray } from "../../collections/object-array.ts";
import type { CompiledRule } from "../classification/rules/router-rule.ts";
import type { RouterCore } from "../core.ts";
import {
  type ChannelRecord,
  type JobRecord,
  type OfferRecord,
  type QueueRecord,
  WorkerRecord,
} from "../entities.ts";
import { compareJobsInQueueOrder, refreshWaiting } from "../jobs/queue-order.ts";
import type { WaitingGroup } from "../jobs/waiting-jobs.ts";
import { NO_LABELS } from "../labels.ts";
import type { OfferOutcomeCode } from "../offers/offer-log.ts";
import type { Labels } from "../types.ts";
import { type AdmissionMemo, admitsRemembered, SelectorAdmissions } from "./admission.ts";
import { isOfferable, isPairEligible, selectorsAdmit } from "./eligibility.ts";
import { fastChoice, fastHeadFor, roundRobinStart } from "./fast-lane.ts";
import type { Candidates } from "./modes/index.ts";
import { defaultWorkerScore, ruleWorkerScore } from "./scoring.ts";
import { fitsChannel, workerList } from "./worker-index.ts";
import { rankingFor, type WorkerRanking } from "./worker-ranking.ts";

const NO_WORKERS: WorkerRecord[] = [];

/** Runs matching for the agenda; also the `Candidates` view handed to the modes. */
export class Matcher implements Candidates {
  private readonly agenda: (JobRecord | WorkerRecord)[] = objectArray();
  private readonly chosen: number[] = [];
  private readonly chosenWorkers: WorkerRecord[] = objectArray();
  private list: WorkerRecord[] = NO_WORKERS;
  private ranking: WorkerRanking | null = null;
  private job: JobRecord | null = null;
  /** The remembered admissions of `job`'s selectors, when it has any and the lane is on. */
  private admissions: AdmissionMemo | null = null;
  private readonly admissionsByList = new SelectorAdmissions();
  /** The job whose waiting-group entry waits for its own matching (`deferWaiting`). */
  private deferredJob: JobRecord | null = null;
  private queue: QueueRecord | null = null;
  /** Reused by scoring rules, so scoring allocates nothing per worker. */
  private readonly scoringContext: { jobLabels: Labels; workerLabels: Labels } = {
    jobLabels: NO_LABELS,
    workerLabels: NO_LABELS,
  };

  constructor(private readonly core: RouterCore) {}

  /**
   * The fast lane's deferred waiting (fast-lane.ts): called as `job` enters `queue`, just
   * before its matching is requested. When the lane is on, nothing else is on the agenda (so
   * its matching runs first at the drain, before anything reads the waiting jobs) and the queue
   * has no exception policy (whose triggers on entry could move the job before the drain), the
   * job joins its waiting group only after that matching, if it still wants offers then.
   * Returns whether it deferred: the caller then leaves the job out of its waiting group.
   */
  deferWaiting(job: JobRecord, queue: QueueRecord): boolean {
    if (
      !this.core.fastLane ||
      this.agenda.length > 0 ||
      this.deferredJob !== null ||
      queue.exceptionPolicy !== null
    ) {
      return false;
    }
    this.deferredJob = job;
    return true;
  }

  /** Asks for job-side matching of `job` at the next drain. */
  requestJob(job: JobRecord): void {
    this.agenda.push(job);
  }

  /** Asks for worker-side matching of `worker` at the next drain. */
  requestWorker(worker: WorkerRecord): void {
    this.agenda.push(worker);
  }

  /** Revokes an open offer (event first) and asks for the matching its end allows. */
  revoke(offer: OfferRecord, outcome: OfferOutcomeCode): void {
    const core = this.core;
    core.closeOffer(offer, outcome);
    if (core.emitter.active) {
      core.emitter.offerRevoked(core.now, offer.job.index, offer.sequence, offer.worker.index);
    }
    this.requestJob(offer.job);
    this.requestWorker(offer.worker);
  }

  /** Runs every requested matching, in request order. */
  drain(): void {
    const agenda = this.agenda;
    let start = 0;
    const deferred = this.deferredJob;
    if (deferred !== null) {
      // Its matching is the agenda's first item (unless an exception left the operation before
      // asking for it); its waiting group follows that matching, before anything else runs.
      if (agenda[0] === deferred) {
        this.matchJob(deferred);
        start = 1;
      }
      this.deferredJob = null;
      refreshWaiting(deferred);
    }
    for (let i = start; i < agenda.length; i++) {
      const item = agenda[i] as JobRecord | WorkerRecord;
      if (item instanceof WorkerRecord) this.matchWorker(item);
      else this.matchJob(item);
    }
    // Popping is cheaper than writing length (a runtime call) for these few items.
    while (agenda.length > 0) agenda.pop();
  }

  /**
   * Tops the job up to `maxConcurrentOffers` if it is below `minConcurrentOffers`; returns the
   * number of offers opened.
   */
  matchJob(job: JobRecord): number {
    const queue = job.queue;
    if (job.status !== "queued" || queue === null) return 0;
    const policy = queue.policy;
    if (job.openOfferCount >= policy.minConcurrentOffers) return 0;
    const index = workerList(queue, job.channelId);
    if (this.core.fastLane) {
      const position = fastChoice(job, queue, index.items);
      if (position >= 0) {
        const worker = index.items[position];
        if (worker === undefined) return 0;
        this.offer(job, worker, queue);
        return 1;
      }
    }
    this.list = index.items;
    this.job = job;
    this.queue = queue;
    this.admissions =
      this.core.fastLane && !policy.bypassSelectors && hasSelectors(job)
        ? this.admissionsByList.of(job)
        : null;
    this.ranking = policy.mode.ranksByScore ? rankingFor(job, queue, index.items) : null;
    // Both scratch arrays are empty between calls (emptied by pop: setting length is slower).
    const chosen = this.chosen;
    const chosenWorkers = this.chosenWorkers;
    // An exception out of a listener may have left them dirty.
    if (chosen.length > 0) chosen.length = 0;
    if (chosenWorkers.length > 0) chosenWorkers.length = 0;
    policy.mode.choose(this, policy.maxConcurrentOffers - job.openOfferCount, chosen);
    // Offers change the list, so resolve positions to workers first.
    const offered = chosen.length;
    for (let i = 0; i < offered; i++) chosenWorkers.push(this.workerAt(chosen[i] as number));
    while (chosen.length > 0) chosen.pop();
    this.list = NO_WORKERS;
    this.ranking = null;
    this.job = null;
    this.admissions = null;
    for (let i = 0; i < offered; i++) this.offer(job, chosenWorkers[i] as WorkerRecord, queue);
    while (chosenWorkers.length > 0) chosenWorkers.pop();
    return offered;
  }

  /** Lets a worker with free capacity take, job by job, what it can (§8 o). */
  matchWorker(worker: WorkerRecord): void {
    for (;;) {
      let job = this.core.fastLane ? fastHeadFor(worker) : undefined;
      if (job === undefined) job = this.firstJobFor(worker);
      else if (job !== null) this.core.work.waitingJobsInspected++;
      // The worker itself is eligible, so each round opens at least one offer; the guard only
      // protects against an inconsistent index.
      if (job === null || this.matchJob(job) === 0) return;
    }
  }

  private offer(job: JobRecord, worker: WorkerRecord, queue: QueueRecord): void {
    const core = this.core;
    const offer = core.openOffer(job, worker, worker.channel(job.channelId) as ChannelRecord);
    queue.roundRobinLastWorkerId = worker.id;
    if (core.emitter.active) {
      core.emitter.offerIssued(
        offer.offeredAtSeconds,
        job.index,
        offer.sequence,
        worker.index,
        queue.index,
      );
    }
  }

  /**
   * The first job in queue order, across the worker's queues and fitting channels, it can take.
   * Per (queue, channel) it tests each selector profile's waiting group once, skips the groups
   * whose first job comes after the best so far or whose selectors the worker fails, and scans
   * the rest only to the first job without an exclusion or open offer for the worker.
   */
  private firstJobFor(worker: WorkerRecord): JobRecord | null {
    let best: JobRecord | null = null;
    const channels = worker.channels;
    const queues = worker.queues;
    const remember = this.core.fastLane;
    // Indexed loops: these arrays are frozen, and for…of over a frozen array is not optimised
    // (V8 allocates an iterator result per step).
    for (let c = 0; c < channels.length; c++) {
      const channel = channels[c] as ChannelRecord;
      if (!fitsChannel(worker, channel)) continue;
      for (let q = 0; q < queues.length; q++) {
        const queue = queues[q] as QueueRecord;
        const waiting = queue.waitingByChannel.get(channel.channelId);
        if (waiting === undefined) continue;
        const bypass = queue.policy.bypassSelectors;
        const groups = waiting.groups;
        for (let g = 0; g < groups.length; g++) {
          const jobs = (groups[g] as WaitingGroup).jobs;
          const head = jobs.first() as JobRecord;
          if (best !== null && compareJobsInQueueOrder(head, best) > 0) continue;
          if (!bypass) {
            // The group's jobs share their selectors: its head answers for all.
            const group = groups[g] as WaitingGroup;
            const admits = remember
              ? admitsRemembered(group, head, worker)
              : selectorsAdmit(head, worker);
            if (!admits) continue;
          }
          const found = this.firstOfferable(jobs.chunks, worker, best);
          if (found !== null) best = found;
        }
      }
    }
    return best;
  }

  /**
   * The first job of one waiting group (chunks in queue order) that the worker may be offered,
   * or null when none comes before `best`.
   */
  private firstOfferable(
    chunks: readonly (readonly JobRecord[])[],
    worker: WorkerRecord,
    best: JobRecord | null,
  ): JobRecord | null {
    const work = this.core.work;
    for (let c = 0; c < chunks.length; c++) {
      const chunk = chunks[c] as readonly JobRecord[];
      for (let j = 0; j < chunk.length; j++) {
        const job = chunk[j] as JobRecord;
        work.waitingJobsInspected++;
        if (best !== null && compareJobsInQueueOrder(job, best) > 0) return null;
        if (isOfferable(job, worker)) return job;
      }
    }
    return null;
  }

  // --- Candidates, for the modes -------------------------------------------------------------

  get count(): number {
    return this.list.length;
  }

  isEligible(position: number): boolean {
    const job = this.job as JobRecord;
    const worker = this.list[position] as WorkerRecord;
    const admissions = this.admissions;
    if (admissions !== null)
      return admitsRemembered(admissions, job, worker) && isOfferable(job, worker);
    const queue = this.queue as QueueRecord;
    return isPairEligible(job, worker, queue.policy.bypassSelectors);
  }

  score(position: number): number {
    const job = this.job as JobRecord;
    const policy = (this.queue as QueueRecord).policy;
    if (policy.staticScore !== null) return policy.staticScore;
    const worker = this.list[position] as WorkerRecord;
    this.core.work.workersScored++;
    if (policy.scoringRule !== null) return this.ruleScore(policy.scoringRule, job, worker);
    return defaultWorkerScore(
      job.labels,
      job.requestedWorkerSelectors,
      job.attachedWorkerSelectors,
      worker.labels,
    );
  }

  /** A powerFx score (−Infinity when the rule fails or yields no finite number). */
  private ruleScore(rule: CompiledRule, job: JobRecord, worker: WorkerRecord): number {
    const context = this.scoringContext;
    context.jobLabels = job.labels;
    context.workerLabels = worker.labels;
    return ruleWorkerScore(rule, context);
  }

  get rankedCount(): number {
    const ranking = this.ranking;
    return ranking === null ? -1 : ranking.length;
  }

  isRankedEligible(rank: number): boolean {
    const worker = (this.ranking as WorkerRanking).at(rank);
    return isOfferable(this.job as JobRecord, worker);
  }

  positionOfRanked(rank: number): number {
    // Past the index's positions: no search for the worker's place in the index.
    return this.list.length + rank;
  }

  /** The worker a mode chose: an index position, or past them a rank (`positionOfRanked`). */
  private workerAt(position: number): WorkerRecord {
    const list = this.list;
    if (position < list.length) return list[position] as WorkerRecord;
    return (this.ranking as WorkerRanking).at(position - list.length);
  }

  roundRobinStart(): number {
    return roundRobinStart(this.list, (this.queue as QueueRecord).roundRobinLastWorkerId);
  }
}

/** Whether the job has selectors (active or not: a list's memo answers for its active ones). */
function hasSelectors(job: JobRecord): boolean {
  return job.requestedWorkerSelectors.length > 0 || job.attachedWorkerSelectors.length > 0;
}
