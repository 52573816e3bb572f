/**
 * What the router says, as direct typed calls with numeric handles: one method per event, called
 * at exactly the point and in exactly the order the event is emitted (cause first, §8 q). No
 * object is built per call; an observer that needs an id or a detail asks the read-only
 * `RouterView` for it (once per job or worker, not per event). Event objects are built only for
 * `subscribe` listeners (event-relay.ts).
 */
import type { ChannelConfiguration, QueueDetails } from "../entities.ts";
import type { Labels, WorkerSelector } from "../types.ts";

/**
 * Handles: `job` is the router's job slot (`JobRecord.index`), recycled only after the job has
 * ended and been forgotten (closed or cancelled); `worker` and `queue` are the indexes of the
 * worker and queue records (never reused); `offer` is the offer sequence (the number in its id)
 * and `assignment` the assignment sequence. Times are simulated seconds.
 */
export interface RouterObserver {
  /** RouterJobReceived. */
  jobReceived(timeSeconds: number, job: number): void;
  /** RouterJobClassified: the job has been classified into `queue`. */
  jobClassified(timeSeconds: number, job: number, queue: number): void;
  /** RouterJobClassificationFailed; the job stays (it awaits a PATCH). */
  jobClassificationFailed(
    timeSeconds: number,
    job: number,
    classificationPolicyId: string,
    error: { readonly code: string; readonly message: string },
  ): void;
  /** RouterJobQueued, in `queue`. */
  jobQueued(timeSeconds: number, job: number, queue: number): void;
  /** RouterJobWaitingForActivation (an unassign with suspendMatching). */
  jobWaitingForActivation(timeSeconds: number, job: number): void;
  /** RouterJobUnassigned: the assignment of `worker` is given back. */
  jobUnassigned(timeSeconds: number, job: number, assignment: number, worker: number): void;
  /** RouterJobCompleted. */
  jobCompleted(timeSeconds: number, job: number, assignment: number, worker: number): void;
  /** RouterJobClosed; the job is forgotten right after. */
  jobClosed(timeSeconds: number, job: number, assignment: number, worker: number): void;
  /** RouterJobCancelled; its open offers are revoked next, then the job is forgotten. */
  jobCancelled(
    timeSeconds: number,
    job: number,
    note: string | null,
    dispositionCode: string,
  ): void;
  /** RouterJobExceptionTriggered. */
  jobExceptionTriggered(timeSeconds: number, job: number, exceptionRuleId: string): void;
  /** RouterJobWorkerSelectorsExpired, with the newly expired selectors. */
  jobWorkerSelectorsExpired(
    timeSeconds: number,
    job: number,
    expiredRequested: readonly WorkerSelector[],
    expiredAttached: readonly WorkerSelector[],
  ): void;
  /** RouterWorkerOfferIssued: an offer of the job, from `queue`, to `worker`. */
  offerIssued(timeSeconds: number, job: number, offer: number, worker: number, queue: number): void;
  /** RouterWorkerOfferAccepted: the offer became `assignment`. */
  offerAccepted(
    timeSeconds: number,
    job: number,
    offer: number,
    worker: number,
    queue: number,
    assignment: number,
  ): void;
  /** RouterWorkerOfferDeclined. */
  offerDeclined(timeSeconds: number, job: number, offer: number, worker: number): void;
  /** RouterWorkerOfferRevoked. */
  offerRevoked(timeSeconds: number, job: number, offer: number, worker: number): void;
  /** RouterWorkerOfferExpired; the worker is deregistered next. */
  offerExpired(timeSeconds: number, job: number, offer: number, worker: number): void;
  /** RouterWorkerRegistered. */
  workerRegistered(timeSeconds: number, worker: number): void;
  /** RouterWorkerDeregistered. */
  workerDeregistered(timeSeconds: number, worker: number): void;
}

/** A worker's registration as RouterWorkerRegistered carries it. */
export interface WorkerDetails {
  readonly id: string;
  /** Total capacity. */
  readonly capacity: number;
  readonly queueAssignments: readonly QueueDetails[];
  readonly channelConfigurations: readonly ChannelConfiguration[];
  readonly labels: Labels;
  readonly tags: Labels;
}

/**
 * Read-only answers about handles, for observers that need an id or a detail (for output, once
 * per job or worker). A job handle is valid while the job lives (during and after its
 * RouterJobClosed or RouterJobCancelled calls, until they return).
 */
export interface RouterView {
  /** The id of a live job. */
  jobId(job: number): string;
  /** The channel of a live job. */
  jobChannelId(job: number): string;
  /** The id of a queue. */
  queueId(queue: number): string;
  /** The id of a worker. */
  workerId(worker: number): string;
  /** A worker's registration details. */
  worker(worker: number): WorkerDetails;
  /** The id of an offer, by sequence. */
  offerId(offer: number): string;
  /** The id of an assignment, by sequence. */
  assignmentId(assignment: number): string;
}

/** An observer that ignores everything: extend it and override the calls you need. */
export class RouterObserverBase implements RouterObserver {
  jobReceived(_timeSeconds: number, _job: number): void {}
  jobClassified(_timeSeconds: number, _job: number, _queue: number): void {}
  jobClassificationFailed(
    _timeSeconds: number,
    _job: number,
    _classificationPolicyId: string,
    _error: { readonly code: string; readonly message: string },
  ): void {}
  jobQueued(_timeSeconds: number, _job: number, _queue: number): void {}
  jobWaitingForActivation(_timeSeconds: number, _job: number): void {}
  jobUnassigned(_timeSeconds: number, _job: number, _assignment: number, _worker: number): void {}
  jobCompleted(_timeSeconds: number, _job: number, _assignment: number, _worker: number): void {}
  jobClosed(_timeSeconds: number, _job: number, _assignment: number, _worker: number): void {}
  jobCancelled(
    _timeSeconds: number,
    _job: number,
    _note: string | null,
    _dispositionCode: string,
  ): void {}
  jobExceptionTriggered(_timeSeconds: number, _job: number, _exceptionRuleId: string): void {}
  jobWorkerSelectorsExpired(
    _timeSeconds: number,
    _job: number,
    _expiredRequested: readonly WorkerSelector[],
    _expiredAttached: readonly WorkerSelector[],
  ): void {}
  offerIssued(
    _timeSeconds: number,
    _job: number,
    _offer: number,
    _worker: number,
    _queue: number,
  ): void {}
  offerAccepted(
    _timeSeconds: number,
    _job: number,
    _offer: number,
    _worker: number,
    _queue: number,
    _assignment: number,
  ): void {}
  offerDeclined(_timeSeconds: number, _job: number, _offer: number, _worker: number): void {}
  offerRevoked(_timeSeconds: number, _job: number, _offer: number, _worker: number): void {}
  offerExpired(_timeSeconds: number, _job: number, _offer: number, _worker: number): void {}
  workerRegistered(_timeSeconds: number, _worker: number): void {}
  workerDeregistered(_timeSeconds: number, _worker: number): void {}
}
