/**
 * How a job moves between queues, shared by the client operations and the exception actions:
 * entering a queue (a new queue entry, §8 f), leaving it, cancelling, classifying and moving.
 * A queue entry starts when a job is queued by creation, classification into a new queue, a
 * client PATCH re-queue, an unassign or an exception action that changes its queue; an
 * exception action that leaves the job in its queue continues the entry (its rules do not fire
 * again and its wait clock keeps running: §9 e). Offers are revoked while the job is
 * still in its lists, so the lists stay consistent. Events: cause first (§8 q).
 */
import type { RandomSource } from "../classification/attachments.ts";
import { type ClassificationPolicyRecord, classify } from "../classification/classification.ts";
import { toWorkerSelectors } from "../classification/selectors.ts";
import type { RouterCore } from "../core.ts";
import type { Matcher } from "../distribution/matching.ts";
import type { JobRecord, QueueRecord } from "../entities.ts";
import { ExceptionRunner } from "../exceptions/exceptions.ts";
import { OfferOutcome } from "../offers/offer-log.ts";
import type { Labels, WorkerSelector, WorkerSelectorSpec } from "../types.ts";
import { addQueuedJob, removeQueuedJob } from "./queue-order.ts";
import { isExpedited, type SelectorExpiry } from "./selector-expiry.ts";

/** Appends a note to the job (its list is created on the first note). */
export function addNote(job: JobRecord, message: string, nowSeconds: number): void {
  const note = { message, addedAtSeconds: nowSeconds };
  if (job.notes === null) job.notes = [note];
  else job.notes.push(note);
}

/** Queue entry, exit, cancel, classification and moves of jobs. */
export class JobFlow {
  /** The exception rules' runner; built here because the two call each other. */
  readonly exceptions: ExceptionRunner;

  constructor(
    private readonly core: RouterCore,
    private readonly matcher: Matcher,
    readonly expiry: SelectorExpiry,
    readonly classificationPolicies: ReadonlyMap<string, ClassificationPolicyRecord>,
    private readonly random: RandomSource,
    exceptionTimers: { readonly ruleStride: number; readonly waitTimeHandler: number },
  ) {
    this.exceptions = new ExceptionRunner(
      core,
      this,
      exceptionTimers.ruleStride,
      exceptionTimers.waitTimeHandler,
    );
  }

  /** Queues the job in `queue` as a new queue entry; emits Received first when `received`. */
  enterQueue(job: JobRecord, queue: QueueRecord, received: boolean): void {
    const core = this.core;
    job.queue = queue;
    job.status = "queued";
    if (Number.isNaN(job.enqueuedAtSeconds)) job.enqueuedAtSeconds = core.now;
    job.latestEnqueueAtSeconds = core.now;
    job.queueEntrySequence++;
    const jobsAlreadyQueued = queue.jobs.length;
    if (this.matcher.deferWaiting(job, queue)) queue.jobs.insert(job);
    else addQueuedJob(job, queue);
    if (core.emitter.active) {
      if (received) core.emitter.jobReceived(core.now, job.index);
      core.emitter.jobQueued(core.now, job.index, queue.index);
    }
    this.matcher.requestJob(job);
    this.exceptions.onEntry(job, queue, jobsAlreadyQueued);
  }

  /** Puts a job back into its queue within the same entry (an exception action); JobQueued. */
  private continueEntry(job: JobRecord): void {
    const core = this.core;
    job.status = "queued";
    addQueuedJob(job, job.queue as QueueRecord);
    if (core.emitter.active) {
      core.emitter.jobQueued(core.now, job.index, (job.queue as QueueRecord).index);
    }
    this.matcher.requestJob(job);
  }

  /** Takes a queued job out of its queue and ends its queue entry. */
  leaveQueue(job: JobRecord): void {
    removeQueuedJob(job, job.queue as QueueRecord);
    this.exceptions.endEntry(job);
  }

  /** Revokes every open offer of the job; the freed workers are matched afterwards. */
  revokeAll(job: JobRecord): void {
    for (let offer = job.firstOpenOffer; offer !== null; offer = job.firstOpenOffer) {
      this.matcher.revoke(offer, OfferOutcome.revoked);
    }
  }

  /** Cancels a job that is not assigned (the caller checked): JobCancelled, then revocations. */
  cancel(job: JobRecord, note: string | null, dispositionCode: string): void {
    const core = this.core;
    if (job.status === "queued") this.leaveQueue(job);
    job.status = "cancelled";
    job.dispositionCode = dispositionCode;
    if (note !== null) addNote(job, note, core.now);
    if (core.emitter.active) core.emitter.jobCancelled(core.now, job.index, note, dispositionCode);
    this.revokeAll(job);
    this.expiry.disarm(job);
    core.forgetJob(job);
  }

  /** Replaces selector lists of a job that is out of its queue lists; re-arms expiry. */
  setSelectors(
    job: JobRecord,
    requested: readonly WorkerSelector[],
    attached: readonly WorkerSelector[],
  ): void {
    job.requestedWorkerSelectors = requested;
    job.attachedWorkerSelectors = attached;
    job.expedited = isExpedited(job);
    this.expiry.arm(job);
  }

  /** Classifies a new job (JobReceived with PendingClassification first) and queues it. */
  classifyNew(job: JobRecord, policy: ClassificationPolicyRecord): void {
    const core = this.core;
    job.status = "pendingClassification";
    if (core.emitter.active) core.emitter.jobReceived(core.now, job.index);
    this.classifyInto(job, policy, false);
  }

  /**
   * Classifies a job held by its matching mode since it was received (jobs/matching-modes.ts),
   * now that it is to be matched: as classifyNew, without a second JobReceived.
   */
  classifyHeld(job: JobRecord, policy: ClassificationPolicyRecord): void {
    job.status = "pendingClassification";
    this.classifyInto(job, policy, false);
  }

  /**
   * manualReclassify: new queue and priority, extra requested selectors (appended, expiring
   * from now); offers revoked; JobQueued.
   */
  move(
    job: JobRecord,
    queue: QueueRecord | null,
    priority: number | null,
    extraSelectors: readonly WorkerSelectorSpec[],
  ): void {
    const current = job.queue as QueueRecord;
    const target = queue ?? current;
    this.revokeAll(job);
    if (target === current) removeQueuedJob(job, current);
    else this.leaveQueue(job);
    if (priority !== null) job.priority = priority;
    if (extraSelectors.length > 0) {
      const added = toWorkerSelectors(extraSelectors, this.core.now);
      this.setSelectors(
        job,
        Object.freeze([...job.requestedWorkerSelectors, ...added]),
        job.attachedWorkerSelectors,
      );
    }
    if (target === current) this.continueEntry(job);
    else this.enterQueue(job, target, false);
  }

  /**
   * reclassify: labels upserted, then classification with `policy` (or the job's own). A job
   * without any policy keeps its queue and is only re-queued with its new labels.
   */
  reclassify(job: JobRecord, policy: ClassificationPolicyRecord | null, labels: Labels): void {
    const current = job.queue as QueueRecord;
    this.revokeAll(job);
    removeQueuedJob(job, current);
    job.labels = Object.freeze({ ...job.labels, ...labels });
    const chosen =
      policy ??
      (job.classificationPolicyId === null
        ? null
        : (this.classificationPolicies.get(job.classificationPolicyId) ?? null));
    if (chosen === null) {
      this.continueEntry(job);
      return;
    }
    job.status = "pendingClassification";
    this.classifyInto(job, chosen, true);
  }

  /**
   * Runs classification for a job in `pendingClassification` whose `queue` is its current
   * queue (or null), then queues it or marks it failed. A job `inEntry` (reclassified while
   * queued) that stays in its queue continues the entry; one that leaves it ends it first.
   */
  private classifyInto(job: JobRecord, policy: ClassificationPolicyRecord, inEntry: boolean): void {
    const core = this.core;
    const current = job.queue;
    const queues = core.liveQueues;
    const outcome = classify(policy, job.labels, current, job.priority, queues, this.random);
    if (!outcome.ok) {
      if (inEntry) this.exceptions.endEntry(job);
      job.status = "classificationFailed";
      if (core.emitter.active) {
        core.emitter.jobClassificationFailed(core.now, job.index, policy.id, outcome);
      }
      this.expiry.disarm(job);
      return;
    }
    job.classificationPolicyId = policy.id;
    job.priority = outcome.priority;
    const attached = toWorkerSelectors(outcome.workerSelectors, core.now);
    this.setSelectors(job, job.requestedWorkerSelectors, attached);
    const sameEntry = inEntry && current === outcome.queue;
    if (inEntry && !sameEntry) this.exceptions.endEntry(job);
    job.queue = outcome.queue;
    if (core.emitter.active) core.emitter.jobClassified(core.now, job.index, outcome.queue.index);
    if (sameEntry) this.continueEntry(job);
    else this.enterQueue(job, outcome.queue, false);
  }
}
