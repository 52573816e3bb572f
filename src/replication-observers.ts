/**
 * The observers a replication attaches to its router: the world and the metrics as one composite
 * (so the router's fan-out has one target and each call here sees one class), and the drain's
 * stop, which checks whether the drain is over whenever a job leaves the system. The order of
 * calls is the composition root's: world, metrics, then the drain check.
 */
import { type RouterObserver, RouterObserverBase, type WorkerSelector } from "./router/index.ts";

/**
 * Calls `check` whenever a job leaves the system (closed, cancelled, classification failed):
 * the only moments the drain can have ended every job.
 */
export class DrainStop extends RouterObserverBase {
  constructor(private readonly check: () => void) {
    super();
  }

  override jobClosed(): void {
    this.check();
  }

  override jobCancelled(): void {
    this.check();
  }

  override jobClassificationFailed(): void {
    this.check();
  }
}

/**
 * The world, the metrics and the drain's check (`jobLeft`, after a job has left the system) as
 * one observer, called in that order: the router's fan-out then has one target instead of
 * three classes behind one call site, and each call here sees one class.
 */
export class ReplicationObservers implements RouterObserver {
  constructor(
    private readonly world: RouterObserver,
    private readonly metrics: RouterObserver,
    private readonly jobLeft: () => void,
  ) {}

  jobReceived(timeSeconds: number, job: number): void {
    this.world.jobReceived(timeSeconds, job);
    this.metrics.jobReceived(timeSeconds, job);
  }

  jobClassified(timeSeconds: number, job: number, queue: number): void {
    this.world.jobClassified(timeSeconds, job, queue);
    this.metrics.jobClassified(timeSeconds, job, queue);
  }

  jobClassificationFailed(
    timeSeconds: number,
    job: number,
    classificationPolicyId: string,
    error: { readonly code: string; readonly message: string },
  ): void {
    this.world.jobClassificationFailed(timeSeconds, job, classificationPolicyId, error);
    this.metrics.jobClassificationFailed(timeSeconds, job, classificationPolicyId, error);
    this.jobLeft();
  }

  jobQueued(timeSeconds: number, job: number, queue: number): void {
    this.world.jobQueued(timeSeconds, job, queue);
    this.metrics.jobQueued(timeSeconds, job, queue);
  }

  jobWaitingForActivation(timeSeconds: number, job: number): void {
    this.world.jobWaitingForActivation(timeSeconds, job);
    this.metrics.jobWaitingForActivation(timeSeconds, job);
  }

  jobUnassigned(timeSeconds: number, job: number, assignment: number, worker: number): void {
    this.world.jobUnassigned(timeSeconds, job, assignment, worker);
    this.metrics.jobUnassigned(timeSeconds, job, assignment, worker);
  }

  jobCompleted(timeSeconds: number, job: number, assignment: number, worker: number): void {
    this.world.jobCompleted(timeSeconds, job, assignment, worker);
    this.metrics.jobCompleted(timeSeconds, job, assignment, worker);
  }

  jobClosed(timeSeconds: number, job: number, assignment: number, worker: number): void {
    this.world.jobClosed(timeSeconds, job, assignment, worker);
    this.metrics.jobClosed(timeSeconds, job, assignment, worker);
    this.jobLeft();
  }

  jobCancelled(
    timeSeconds: number,
    job: number,
    note: string | null,
    dispositionCode: string,
  ): void {
    this.world.jobCancelled(timeSeconds, job, note, dispositionCode);
    this.metrics.jobCancelled(timeSeconds, job, note, dispositionCode);
    this.jobLeft();
  }

  jobExceptionTriggered(timeSeconds: number, job: number, exceptionRuleId: string): void {
    this.world.jobExceptionTriggered(timeSeconds, job, exceptionRuleId);
    this.metrics.jobExceptionTriggered(timeSeconds, job, exceptionRuleId);
  }

  jobWorkerSelectorsExpired(
    timeSeconds: number,
    job: number,
    expiredRequested: readonly WorkerSelector[],
    expiredAttached: readonly WorkerSelector[],
  ): void {
    this.world.jobWorkerSelectorsExpired(timeSeconds, job, expiredRequested, expiredAttached);
    this.metrics.jobWorkerSelectorsExpired(timeSeconds, job, expiredRequested, expiredAttached);
  }

  offerIssued(
    timeSeconds: number,
    job: number,
    offer: number,
    worker: number,
    queue: number,
  ): void {
    this.world.offerIssued(timeSeconds, job, offer, worker, queue);
    this.metrics.offerIssued(timeSeconds, job, offer, worker, queue);
  }

  offerAccepted(
    timeSeconds: number,
    job: number,
    offer: number,
    worker: number,
    queue: number,
    assignment: number,
  ): void {
    this.world.offerAccepted(timeSeconds, job, offer, worker, queue, assignment);
    this.metrics.offerAccepted(timeSeconds, job, offer, worker, queue, assignment);
  }

  offerDeclined(timeSeconds: number, job: number, offer: number, worker: number): void {
    this.world.offerDeclined(timeSeconds, job, offer, worker);
    this.metrics.offerDeclined(timeSeconds, job, offer, worker);
  }

  offerRevoked(timeSeconds: number, job: number, offer: number, worker: number): void {
    this.world.offerRevoked(timeSeconds, job, offer, worker);
    this.metrics.offerRevoked(timeSeconds, job, offer, worker);
  }

  offerExpired(timeSeconds: number, job: number, offer: number, worker: number): void {
    this.world.offerExpired(timeSeconds, job, offer, worker);
    this.metrics.offerExpired(timeSeconds, job, offer, worker);
  }

  workerRegistered(timeSeconds: number, worker: number): void {
    this.world.workerRegistered(timeSeconds, worker);
    this.metrics.workerRegistered(timeSeconds, worker);
  }

  workerDeregistered(timeSeconds: number, worker: number): void {
    this.world.workerDeregistered(timeSeconds, worker);
    this.metrics.workerDeregistered(timeSeconds, worker);
  }
}
