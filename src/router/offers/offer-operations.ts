/**
 * Offer and worker operations of the service: accept and decline an offer, register and
 * deregister a worker, and the two router timers that belong to them (offer expiry, decline
 * retry). Errors follow the service: a stale accept after the job went to an accept is a
 * Conflict, any other stale or foreign offer is NotFound (§7).
 */
import { NO_TIMER } from "../../engine/engine.ts";
import type { RouterCore } from "../core.ts";
import type { Matcher } from "../distribution/matching.ts";
import { attachWorker, detachWorker } from "../distribution/worker-index.ts";
import {
  type AssignmentRecord,
  type JobRecord,
  OfferRecord,
  type WorkerRecord,
} from "../entities.ts";
import type { JobFlow } from "../jobs/job-flow.ts";
import { type EmptyResult, fail, NO_OPTIONS, ok, okEmpty, type RouterResult } from "../results.ts";
import { OfferOutcome } from "./offer-log.ts";

/** Result of accept. */
export interface AcceptResult {
  readonly assignmentId: string;
  readonly jobId: string;
  readonly workerId: string;
}

/** Result of accept by handles: the job's slot and the new assignment's sequence. */
export interface AcceptedOffer {
  readonly job: number;
  readonly assignment: number;
}

/** The job of a pending decline retry: its record and which job on that record it was. */
interface PendingRetry {
  readonly job: JobRecord;
  readonly creationSequence: number;
}

/** Offer operations, worker registration and their timers. */
export class OfferOperations {
  /**
   * Jobs of pending decline-retry timers, by the token the timer carries. Retry timers are not
   * cancelled when their job ends, so they carry a token rather than the job's recyclable slot.
   */
  private readonly retryJobs = new Map<number, PendingRetry>();
  private nextRetryToken = 1;

  constructor(
    private readonly core: RouterCore,
    private readonly matcher: Matcher,
    private readonly flow: JobFlow,
    private readonly retryHandler: number,
  ) {}

  /**
   * The open offer, or the service's error for a stale or unknown one. The ids name the offer in
   * an error; null ones are formatted from the handles (only then).
   */
  private findOffer(
    worker: WorkerRecord | undefined,
    sequence: number,
    accepting: boolean,
    workerId: string | null,
    offerId: string | null,
  ): OfferRecord | RouterResult<never> {
    const offer = this.core.findOffer(sequence);
    if (offer === undefined || worker === undefined || offer.worker !== worker) {
      return this.notFound(worker, sequence, workerId, offerId);
    }
    const outcome = offer.outcome;
    if (outcome === OfferOutcome.open) return offer;
    if (
      accepting &&
      (outcome === OfferOutcome.accepted || outcome === OfferOutcome.revokedByAccept)
    ) {
      return fail(
        "Conflict",
        `Offer ${offerId ?? offer.offerId} can no longer be accepted: the job is assigned`,
      );
    }
    return this.notFound(worker, sequence, workerId, offerId);
  }

  private notFound(
    worker: WorkerRecord | undefined,
    sequence: number,
    workerId: string | null,
    offerId: string | null,
  ): RouterResult<never> {
    const offerName = offerId ?? this.core.offerIdOf(sequence);
    const workerName = workerId ?? worker?.id ?? "(none)";
    return fail("NotFound", `Offer not found. OfferId: ${offerName}, WorkerId: ${workerName}`);
  }

  acceptJobOffer(workerId: string, offerId: string): RouterResult<AcceptResult> {
    const worker = this.core.workerById.get(workerId);
    const sequence = this.core.offerSequenceOf(offerId);
    const found = this.findOffer(worker, sequence, true, workerId, offerId);
    if (!(found instanceof OfferRecord)) return found;
    const assignment = this.accept(found);
    return ok({ assignmentId: assignment.assignmentId, jobId: found.job.id, workerId });
  }

  /** acceptJobOffer by handles: the worker's index and the offer's sequence. */
  acceptOffer(worker: number, offer: number): RouterResult<AcceptedOffer> {
    const found = this.findOffer(this.core.workers[worker], offer, true, null, null);
    if (!(found instanceof OfferRecord)) return found;
    const assignment = this.accept(found);
    return ok({ job: found.job.index, assignment: assignment.sequence });
  }

  private accept(found: OfferRecord): AssignmentRecord {
    const core = this.core;
    const { job, worker } = found;
    this.flow.leaveQueue(job);
    job.status = "assigned";
    core.closeOffer(found, OfferOutcome.accepted, true);
    const assignment = core.newAssignment(job, worker, found.channel);
    worker.assignments.push(assignment);
    job.assignment = assignment;
    if (core.emitter.active) {
      const { sequence, queue } = found;
      core.emitter.offerAccepted(
        core.now,
        job.index,
        sequence,
        worker.index,
        queue.index,
        assignment.sequence,
      );
    }
    for (let offer = job.firstOpenOffer; offer !== null; offer = job.firstOpenOffer) {
      this.matcher.revoke(offer, OfferOutcome.revokedByAccept);
    }
    return assignment;
  }

  declineJobOffer(
    workerId: string,
    offerId: string,
    options: { retryOfferAtSeconds?: number } = NO_OPTIONS,
  ): EmptyResult {
    const worker = this.core.workerById.get(workerId);
    const sequence = this.core.offerSequenceOf(offerId);
    return this.decline(worker, sequence, options, workerId, offerId);
  }

  /** declineJobOffer by handles: the worker's index and the offer's sequence. */
  declineOffer(
    worker: number,
    offer: number,
    options: { retryOfferAtSeconds?: number } = NO_OPTIONS,
  ): EmptyResult {
    return this.decline(this.core.workers[worker], offer, options, null, null);
  }

  private decline(
    workerRecord: WorkerRecord | undefined,
    sequence: number,
    options: { retryOfferAtSeconds?: number },
    workerId: string | null,
    offerId: string | null,
  ): EmptyResult {
    const retryAtSeconds = options.retryOfferAtSeconds;
    if (retryAtSeconds !== undefined && Number.isNaN(retryAtSeconds)) {
      return fail("BadRequest", "retryOfferAt must be a time");
    }
    const found = this.findOffer(workerRecord, sequence, false, workerId, offerId);
    if (!(found instanceof OfferRecord)) return found;
    const core = this.core;
    const { job, worker } = found;
    job.exclusions ??= new Map();
    if (retryAtSeconds !== undefined && retryAtSeconds <= core.now) {
      job.exclusions.delete(worker.index);
    } else {
      job.exclusions.set(worker.index, {
        registrationCount: worker.registrationCount,
        untilSeconds: retryAtSeconds ?? Number.POSITIVE_INFINITY,
      });
    }
    core.closeOffer(found, OfferOutcome.declined);
    if (core.emitter.active) {
      core.emitter.offerDeclined(core.now, job.index, found.sequence, worker.index);
    }
    if (retryAtSeconds !== undefined && retryAtSeconds > core.now) {
      const token = this.nextRetryToken++;
      this.retryJobs.set(token, { job, creationSequence: job.creationSequence });
      core.engine.schedule(retryAtSeconds, this.retryHandler, token);
    }
    this.matcher.requestJob(job);
    this.matcher.requestWorker(worker);
    return okEmpty();
  }

  /** Registers a worker (no-op when active); clears its decline exclusions (§8 c). */
  register(worker: WorkerRecord): void {
    if (worker.state === "active") return;
    const core = this.core;
    detachWorker(worker);
    worker.state = "active";
    worker.registrationCount++;
    worker.idleSinceSeconds = core.now;
    attachWorker(worker);
    if (core.emitter.active) core.emitter.workerRegistered(core.now, worker.index);
    this.matcher.requestWorker(worker);
  }

  /** Deregisters a worker (no-op unless active): draining while it holds jobs; revokes offers. */
  deregister(worker: WorkerRecord): void {
    if (worker.state !== "active") return;
    const core = this.core;
    detachWorker(worker);
    worker.state = worker.assignments.length > 0 ? "draining" : "inactive";
    if (core.emitter.active) core.emitter.workerDeregistered(core.now, worker.index);
    while (worker.openOffers.length > 0) {
      this.matcher.revoke(worker.openOffers[0] as OfferRecord, OfferOutcome.revoked);
    }
  }

  /** Offer expiry timer: the offer expires and the worker is deregistered (§8 k). */
  expire(sequence: number): void {
    const core = this.core;
    const offer = core.findOffer(sequence);
    if (offer === undefined || offer.outcome !== OfferOutcome.open) return;
    offer.expiryTimer = NO_TIMER;
    core.closeOffer(offer, OfferOutcome.expired);
    if (core.emitter.active) {
      core.emitter.offerExpired(core.now, offer.job.index, sequence, offer.worker.index);
    }
    this.matcher.requestJob(offer.job);
    this.deregister(offer.worker);
  }

  /**
   * Decline retry timer: lifts the job's exclusions now due and matches the job again. A job
   * that has ended meanwhile (and may be forgotten) has nothing left to match.
   */
  retry(token: number): void {
    const { job, creationSequence } = this.retryJobs.get(token) as PendingRetry;
    this.retryJobs.delete(token);
    if (!this.core.isLive(job, creationSequence)) return;
    const now = this.core.now;
    if (job.exclusions !== null) {
      for (const [workerIndex, exclusion] of job.exclusions) {
        if (exclusion.untilSeconds <= now) job.exclusions.delete(workerIndex);
      }
    }
    this.matcher.requestJob(job);
  }
}
