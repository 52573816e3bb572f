/**
 * The string-id facade of what the router says: an observer that builds exactly the RouterEvent
 * objects of event-builders.ts from the router's records and hands them to a `subscribe`
 * listener. It runs at the point of the call, so it reads the records in the same state the
 * events always did; a router without subscribers builds no event at all.
 */
import type { RouterCore } from "../core.ts";
import {
  ASSIGNMENT_ID_PREFIX,
  type JobRecord,
  type OfferRecord,
  type WorkerRecord,
} from "../entities.ts";
import type { WorkerSelector } from "../types.ts";
import * as build from "./event-builders.ts";
import type { RouterListener } from "./events.ts";
import type { RouterObserver } from "./observer.ts";
import {
  jobClassificationFailed,
  jobClassified,
  jobExceptionTriggered,
  jobWorkerSelectorsExpired,
} from "./policy-event-builders.ts";

/** Builds each event for one listener (see the module header). */
export class EventRelay implements RouterObserver {
  constructor(
    private readonly core: RouterCore,
    private readonly listener: RouterListener,
  ) {}

  private job(job: number): JobRecord {
    return this.core.jobAt(job);
  }

  private offer(offer: number): OfferRecord {
    return this.core.findOffer(offer) as OfferRecord;
  }

  private worker(worker: number): WorkerRecord {
    return this.core.workers[worker] as WorkerRecord;
  }

  jobReceived(timeSeconds: number, job: number): void {
    this.listener(build.jobReceived(this.job(job), timeSeconds));
  }

  jobClassified(timeSeconds: number, job: number, _queue: number): void {
    const record = this.job(job);
    this.listener(jobClassified(record, record.classificationPolicyId as string, timeSeconds));
  }

  jobClassificationFailed(
    timeSeconds: number,
    job: number,
    classificationPolicyId: string,
    error: { readonly code: string; readonly message: string },
  ): void {
    this.listener(
      jobClassificationFailed(this.job(job), classificationPolicyId, error, timeSeconds),
    );
  }

  jobQueued(timeSeconds: number, job: number, _queue: number): void {
    this.listener(build.jobQueued(this.job(job), timeSeconds));
  }

  jobWaitingForActivation(timeSeconds: number, job: number): void {
    this.listener(build.jobWaitingForActivation(this.job(job), timeSeconds));
  }

  jobUnassigned(timeSeconds: number, job: number, assignment: number, worker: number): void {
    this.listener(
      build.jobAssignmentEvent(
        "RouterJobUnassigned",
        this.job(job),
        ASSIGNMENT_ID_PREFIX + assignment,
        this.worker(worker).id,
        timeSeconds,
      ),
    );
  }

  jobCompleted(timeSeconds: number, job: number, assignment: number, worker: number): void {
    this.listener(
      build.jobAssignmentEvent(
        "RouterJobCompleted",
        this.job(job),
        ASSIGNMENT_ID_PREFIX + assignment,
        this.worker(worker).id,
        timeSeconds,
      ),
    );
  }

  jobClosed(timeSeconds: number, job: number, assignment: number, worker: number): void {
    this.listener(
      build.jobClosed(
        this.job(job),
        ASSIGNMENT_ID_PREFIX + assignment,
        this.worker(worker).id,
        timeSeconds,
      ),
    );
  }

  jobCancelled(timeSeconds: number, job: number, note: string | null, _code: string): void {
    this.listener(build.jobCancelled(this.job(job), note, timeSeconds));
  }

  jobExceptionTriggered(timeSeconds: number, job: number, exceptionRuleId: string): void {
    this.listener(jobExceptionTriggered(this.job(job), exceptionRuleId, timeSeconds));
  }

  jobWorkerSelectorsExpired(
    timeSeconds: number,
    job: number,
    expiredRequested: readonly WorkerSelector[],
    expiredAttached: readonly WorkerSelector[],
  ): void {
    this.listener(
      jobWorkerSelectorsExpired(this.job(job), expiredRequested, expiredAttached, timeSeconds),
    );
  }

  offerIssued(_timeSeconds: number, _job: number, offer: number): void {
    this.listener(build.offerIssued(this.offer(offer)));
  }

  offerAccepted(
    timeSeconds: number,
    _job: number,
    offer: number,
    _worker: number,
    _queue: number,
    assignment: number,
  ): void {
    this.listener(
      build.offerAccepted(this.offer(offer), ASSIGNMENT_ID_PREFIX + assignment, timeSeconds),
    );
  }

  offerDeclined(timeSeconds: number, _job: number, offer: number): void {
    this.listener(build.offerEnded("RouterWorkerOfferDeclined", this.offer(offer), timeSeconds));
  }

  offerRevoked(timeSeconds: number, _job: number, offer: number): void {
    this.listener(build.offerEnded("RouterWorkerOfferRevoked", this.offer(offer), timeSeconds));
  }

  offerExpired(timeSeconds: number, _job: number, offer: number): void {
    this.listener(build.offerEnded("RouterWorkerOfferExpired", this.offer(offer), timeSeconds));
  }

  workerRegistered(timeSeconds: number, worker: number): void {
    this.listener(build.workerRegistered(this.worker(worker), timeSeconds));
  }

  workerDeregistered(timeSeconds: number, worker: number): void {
    this.listener(build.workerDeregistered(this.worker(worker), timeSeconds));
  }
}
