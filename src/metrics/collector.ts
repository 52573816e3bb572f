/**
 * The metrics of one replication, computed from the router's event stream alone (never from
 * router state). Summary metrics count jobs that arrived in [warmup, horizon); a job's queue
 * scope is the queue it was FIRST queued in, even if it is later moved (exception, re-queue).
 * Time-based metrics (queue length, capacity in use) follow where jobs actually are, over
 * [warmup, horizon), whatever the arrival time. Per-job state lives only while the job is in
 * the system; everything else is counters, running sums, fixed histograms and levels.
 */
import type {
  RouterEvent,
  RouterJobCancelled,
  RouterJobClassificationFailed,
  RouterJobClosed,
  RouterJobCompleted,
  RouterJobQueued,
  RouterJobReceived,
  RouterJobUnassigned,
  RouterJobWaitingForActivation,
  RouterWorkerDeregistered,
  RouterWorkerOfferAccepted,
  RouterWorkerOfferIssued,
  RouterWorkerRegistered,
} from "../router/events.ts";
import { IntervalCounter } from "./interval-series.ts";
import { CapacityHold, JobState } from "./job-state.ts";
import { Counter, increment } from "./scope-accumulator.ts";
import { ScopeSet } from "./scope-set.ts";
import { MeasurementWindow } from "./time-weighted-level.ts";
import type { ReplicationMetrics } from "./types.ts";
import { WorkerCounter, WorkerTally } from "./worker-tally.ts";

/** What the composition root tells the collector about the measurement. */
export interface MetricsSettings {
  readonly warmupSeconds: number;
  readonly horizonSeconds: number;
  readonly serviceLevelThresholdSeconds: number;
  readonly intervalSeconds: number;
  readonly queueIds: readonly string[];
  readonly arrivalIds: readonly string[];
  /** Index into `arrivalIds` of the stream that created the job (−1 if none). */
  readonly arrivalOfJob: (jobId: string) => number;
}

/** The job is not one the collector saw arrive (events of unknown jobs are ignored). */
const UNKNOWN = undefined;

/** See the module header. Feed every event to `observe`, then call `finish` once. */
export class MetricsCollector {
  private readonly window: MeasurementWindow;
  private readonly thresholdSeconds: number;
  private readonly scopes: ScopeSet;
  private readonly jobs = new Map<string, JobState>();
  private readonly workers = new Map<string, WorkerTally>();

  constructor(private readonly settings: MetricsSettings) {
    this.window = new MeasurementWindow(
      settings.warmupSeconds,
      settings.horizonSeconds,
      settings.intervalSeconds,
    );
    this.thresholdSeconds = settings.serviceLevelThresholdSeconds;
    this.scopes = new ScopeSet(this.window, settings.queueIds, settings.arrivalIds);
  }

  /** Jobs currently remembered (in the system); returns to 0 once every job has ended. */
  get liveJobCount(): number {
    return this.jobs.size;
  }

  /** Workers seen; bounded by the scenario's workers, not by the job count. */
  get workerCount(): number {
    return this.workers.size;
  }

  /** Takes one router event; events must come in simulation order. */
  observe(event: RouterEvent): void {
    switch (event.type) {
      case "RouterJobReceived":
        this.onJobReceived(event);
        break;
      case "RouterJobQueued":
        this.onJobQueued(event);
        break;
      case "RouterWorkerOfferIssued":
        this.onOfferIssued(event);
        break;
      case "RouterWorkerOfferAccepted":
        this.onOfferAccepted(event);
        break;
      case "RouterWorkerOfferDeclined":
        this.onOfferEnded(event, Counter.offersDeclined, WorkerCounter.offersDeclined);
        break;
      case "RouterWorkerOfferExpired":
        this.onOfferEnded(event, Counter.offersExpired, WorkerCounter.offersExpired);
        break;
      case "RouterWorkerOfferRevoked":
        this.onOfferEnded(event, Counter.offersRevoked, WorkerCounter.offersRevoked);
        break;
      case "RouterJobCompleted":
        this.onJobCompleted(event);
        break;
      case "RouterJobClosed":
        this.onJobClosed(event);
        break;
      case "RouterJobCancelled":
        this.onJobCancelled(event);
        break;
      case "RouterJobUnassigned":
        this.onJobUnassigned(event);
        break;
      case "RouterJobClassificationFailed":
        this.onClassificationFailed(event);
        break;
      case "RouterJobWaitingForActivation":
        this.onWaitingForActivation(event);
        break;
      case "RouterWorkerRegistered":
        this.onWorkerRegistered(event);
        break;
      case "RouterWorkerDeregistered":
        this.onWorkerDeregistered(event);
        break;
      default:
        // Classified, ExceptionTriggered, WorkerSelectorsExpired: the queue move or cancel they
        // lead to arrives as its own event.
        break;
    }
  }

  /** Closes the books at the end of the run and returns the replication's metrics. */
  finish(endTimeSeconds: number): ReplicationMetrics {
    for (const job of this.jobs.values()) this.scopes.count(job, Counter.inSystemAtEnd, 1);
    return {
      ...this.scopes.results(endTimeSeconds),
      workers: [...this.workers.values()].map((worker) => worker.row(endTimeSeconds)),
    };
  }

  private onJobReceived(event: RouterJobReceived): void {
    const time = event.timeSeconds;
    const arrivalIndex = this.settings.arrivalOfJob(event.jobId);
    const job = new JobState(
      time,
      this.window.contains(time),
      this.window.intervalOf(time),
      this.scopes.arrivals[arrivalIndex] ?? null,
    );
    this.jobs.set(event.jobId, job);
    this.scopes.count(job, Counter.arrived, 1);
  }

  private onJobQueued(event: RouterJobQueued): void {
    const job = this.jobs.get(event.jobId);
    if (job === UNKNOWN) return;
    const time = event.timeSeconds;
    const queueIndex = this.scopes.queueIndex(event.queueId);
    if (Number.isNaN(job.firstEnqueueSeconds)) this.firstQueued(job, time, queueIndex);
    this.leaveQueue(job, time);
    job.queued = true;
    job.currentQueueIndex = queueIndex;
    this.scopes.changeQueueLength(job, time, queueIndex, 1);
  }

  private firstQueued(job: JobState, time: number, queueIndex: number): void {
    job.firstEnqueueSeconds = time;
    job.firstQueueIndex = queueIndex;
    const scope = this.scopes.queues[queueIndex];
    if (scope === undefined) return;
    job.queueScope = scope;
    if (job.counted) increment(scope.counts, Counter.arrived, 1);
    this.scopes.countInterval(job, IntervalCounter.arrivals, 1);
  }

  private onOfferIssued(event: RouterWorkerOfferIssued): void {
    const job = this.jobs.get(event.jobId);
    if (job === UNKNOWN) return;
    const hold = this.newHold(event.offerId, event.workerId, event.queueId, event.channelId);
    job.openOffers.push(hold);
    this.scopes.changeCapacity(event.timeSeconds, job, hold, 1);
    this.scopes.count(job, Counter.offersIssued, 1);
    if (job.counted) hold.worker.count(WorkerCounter.offersReceived);
  }

  private onOfferAccepted(event: RouterWorkerOfferAccepted): void {
    const job = this.jobs.get(event.jobId);
    if (job === UNKNOWN) return;
    const time = event.timeSeconds;
    let hold = job.takeOffer(event.offerId);
    if (hold === null) {
      // Not seen issued (collector attached late): it holds capacity from now on.
      hold = this.newHold(event.offerId, event.workerId, event.queueId, event.channelId);
      this.scopes.changeCapacity(time, job, hold, 1);
    }
    job.assignment = hold;
    job.assignedAtSeconds = time;
    this.scopes.count(job, Counter.offersAccepted, 1);
    if (job.counted) hold.worker.count(WorkerCounter.offersAccepted);
    this.leaveQueue(job, time);
    if (!job.assigned) this.firstAssigned(job, time);
  }

  private firstAssigned(job: JobState, time: number): void {
    job.assigned = true;
    const waitSeconds = time - job.waitStartSeconds;
    const withinThreshold = waitSeconds <= this.thresholdSeconds ? 1 : 0;
    this.scopes.countInterval(job, IntervalCounter.answered, 1);
    this.scopes.countInterval(job, IntervalCounter.waitSeconds, waitSeconds);
    this.scopes.countInterval(job, IntervalCounter.answeredWithinThreshold, withinThreshold);
    this.scopes.count(job, Counter.assigned, 1);
    this.scopes.count(job, Counter.waitedJobs, waitSeconds > 0 ? 1 : 0);
    this.scopes.count(job, Counter.assignedWithinThreshold, withinThreshold);
    this.scopes.recordWait(job, waitSeconds);
  }

  private onOfferEnded(
    event: { readonly jobId: string; readonly offerId: string; readonly timeSeconds: number },
    scopeCounter: number,
    workerCounter: number,
  ): void {
    const job = this.jobs.get(event.jobId);
    if (job === UNKNOWN) return;
    // Null when the offer was already released at the job's cancellation.
    const hold = job.takeOffer(event.offerId);
    if (hold === null) return;
    this.endOffer(event.timeSeconds, job, hold, scopeCounter, workerCounter);
  }

  private endOffer(
    time: number,
    job: JobState,
    hold: CapacityHold,
    scopeCounter: number,
    workerCounter: number,
  ): void {
    this.scopes.changeCapacity(time, job, hold, -1);
    this.scopes.count(job, scopeCounter, 1);
    if (job.counted) hold.worker.count(workerCounter);
  }

  private onJobCompleted(event: RouterJobCompleted): void {
    const job = this.jobs.get(event.jobId);
    if (job === UNKNOWN) return;
    this.scopes.count(job, Counter.completed, 1);
    this.scopes.count(job, Counter.handleTimeSeconds, event.timeSeconds - job.assignedAtSeconds);
    if (job.counted) {
      const worker = job.assignment?.worker ?? this.workers.get(event.workerId);
      worker?.count(WorkerCounter.jobsHandled);
    }
  }

  private onJobClosed(event: RouterJobClosed): void {
    const job = this.jobs.get(event.jobId);
    if (job === UNKNOWN) return;
    this.scopes.count(job, Counter.closed, 1);
    this.endJob(job, event.jobId, event.timeSeconds);
  }

  private onJobUnassigned(event: RouterJobUnassigned): void {
    const job = this.jobs.get(event.jobId);
    if (job === UNKNOWN) return;
    this.releaseAssignment(job, event.timeSeconds);
    this.scopes.count(job, Counter.unassignments, 1);
  }

  private onJobCancelled(event: RouterJobCancelled): void {
    const job = this.jobs.get(event.jobId);
    if (job === UNKNOWN) return;
    const time = event.timeSeconds;
    this.scopes.count(job, Counter.cancelled, 1);
    if (event.dispositionCode === "Abandoned") this.abandoned(job, time);
    // The router revokes the job's open offers after the cancel event; count them here, since
    // the job's record is gone when those events arrive.
    const offers = job.openOffers;
    while (offers.length > 0) {
      const hold = offers.pop() as CapacityHold;
      this.endOffer(time, job, hold, Counter.offersRevoked, WorkerCounter.offersRevoked);
    }
    this.endJob(job, event.jobId, time);
  }

  private abandoned(job: JobState, time: number): void {
    const withinThreshold = time - job.waitStartSeconds <= this.thresholdSeconds ? 1 : 0;
    this.scopes.count(job, Counter.abandoned, 1);
    this.scopes.count(job, Counter.abandonWaitSeconds, time - job.arrivalSeconds);
    this.scopes.count(job, Counter.abandonedWithinThreshold, withinThreshold);
    this.scopes.countInterval(job, IntervalCounter.abandoned, 1);
  }

  private onClassificationFailed(event: RouterJobClassificationFailed): void {
    const job = this.jobs.get(event.jobId);
    if (job === UNKNOWN) return;
    this.scopes.count(job, Counter.classificationFailed, 1);
    // No operator acts on the job in a simulation: it leaves the books here.
    this.endJob(job, event.jobId, event.timeSeconds);
  }

  private onWaitingForActivation(event: RouterJobWaitingForActivation): void {
    const job = this.jobs.get(event.jobId);
    if (job !== UNKNOWN) this.leaveQueue(job, event.timeSeconds);
  }

  private onWorkerRegistered(event: RouterWorkerRegistered): void {
    let worker = this.workers.get(event.workerId);
    if (worker === undefined) {
      worker = new WorkerTally(event.workerId, this.window);
      this.workers.set(event.workerId, worker);
    }
    const targets = this.scopes.registrationTargets(event.queueAssignments);
    worker.register(event.timeSeconds, event.totalCapacity, event.channelConfigurations, targets);
  }

  private onWorkerDeregistered(event: RouterWorkerDeregistered): void {
    this.workers.get(event.workerId)?.deregister(event.timeSeconds);
  }

  /** Drops the job's record after giving back whatever it still held. */
  private endJob(job: JobState, jobId: string, time: number): void {
    this.leaveQueue(job, time);
    this.releaseAssignment(job, time);
    this.jobs.delete(jobId);
  }

  private releaseAssignment(job: JobState, time: number): void {
    const assignment = job.assignment;
    if (assignment === null) return;
    this.scopes.changeCapacity(time, job, assignment, -1);
    job.assignment = null;
  }

  private leaveQueue(job: JobState, time: number): void {
    if (!job.queued) return;
    job.queued = false;
    this.scopes.changeQueueLength(job, time, job.currentQueueIndex, -1);
  }

  private newHold(offerId: string, workerId: string, queueId: string, channelId: string) {
    const worker = this.workers.get(workerId) ?? this.unregisteredWorker(workerId);
    const cost = worker.capacityCost(channelId);
    const queueIndex = this.scopes.queueIndex(queueId);
    return new CapacityHold(offerId, worker, queueIndex, cost, worker.shareOf(cost));
  }

  /** A worker offered a job without a registration event seen: tracked with zero capacity. */
  private unregisteredWorker(workerId: string): WorkerTally {
    const worker = new WorkerTally(workerId, this.window);
    this.workers.set(workerId, worker);
    return worker;
  }
}
