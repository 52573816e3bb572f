/**
 * The metrics of one replication, computed from the router's event stream alone (never from
 * router state). Summary metrics count jobs that arrived in [warmup, horizon). Queue rule
 * (docs/outputs.md): `arrived` and `probabilityOfDelay` count in the queue a job was first
 * queued in; while the job waits for its first assignment its queue scope follows its moves
 * (jobsMovedOut there, jobsMovedIn in the new queue); every other counter counts in the scope
 * the job has when the event happens, so its outcome counts where its wait ended. Time-based
 * metrics follow where jobs actually are, over [warmup, horizon). Per-job state lives only
 * while the job is in the system; everything else is counters, sums, histograms and levels.
 */
import type {
  RouterEvent,
  RouterJobCancelled,
  RouterJobClassificationFailed,
  RouterJobClassified,
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
import { type CapacityHold, JobState } from "./job-state.ts";
import { JobTable } from "./job-table.ts";
import { Counter, increment } from "./scope-accumulator.ts";
import { ScopeSet } from "./scope-set.ts";
import { MeasurementWindow } from "./time-weighted-level.ts";
import type { ReplicationMetrics } from "./types.ts";
import { WorkerRoster } from "./worker-roster.ts";
import { WorkerCounter } from "./worker-tally.ts";

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
  /** The scenario's worker group of a worker id (asked once per worker). */
  readonly groupOfWorker: (workerId: string) => string;
}

/** The job is not one the collector saw arrive (events of unknown jobs are ignored). */
const UNKNOWN = undefined;

/** See the module header. Feed every event to `observe`, then call `finish` once. */
export class MetricsCollector {
  private readonly window: MeasurementWindow;
  private readonly scopes: ScopeSet;
  private readonly jobs = new JobTable();
  private readonly workers: WorkerRoster;

  constructor(private readonly settings: MetricsSettings) {
    this.window = new MeasurementWindow(
      settings.warmupSeconds,
      settings.horizonSeconds,
      settings.intervalSeconds,
    );
    this.scopes = new ScopeSet(this.window, settings);
    this.workers = new WorkerRoster(this.window, this.scopes, settings.groupOfWorker);
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
      case "RouterJobClassified":
        this.onJobClassified(event);
        break;
      case "RouterJobExceptionTriggered":
        this.countJobEvent(event.jobId, Counter.exceptionsTriggered);
        break;
      default:
        // WorkerSelectorsExpired: nothing to count; a re-match it leads to has its own events.
        break;
    }
  }

  /** Closes the books at the end of the run and returns the replication's metrics. */
  finish(endTimeSeconds: number): ReplicationMetrics {
    // Each adds 1, exactly, so the order of the jobs does not matter.
    for (const job of this.jobs.values()) {
      this.scopes.count(job, Counter.inSystemAtEnd, 1);
      if (!job.assigned) this.scopes.count(job, Counter.waitingAtEnd, 1);
    }
    return {
      ...this.scopes.results(endTimeSeconds),
      workers: this.workers.rows(endTimeSeconds),
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
    else if (queueIndex !== job.currentQueueIndex && !job.assigned) {
      // A move (exception, reclassification) during the first wait: the scope follows.
      this.scopes.moveScope(job, this.scopes.queueScope(queueIndex));
    }
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
    if (!job.offeredOnArrival && event.timeSeconds === job.firstEnqueueSeconds) {
      // A worker was free when the job arrived: no delay in Erlang C's sense, whatever the
      // ring time. Counted in the first queue, where the job's `arrived` counts.
      job.offeredOnArrival = true;
      const firstQueue = this.scopes.queueScope(job.firstQueueIndex);
      this.scopes.countIn(job, firstQueue, Counter.offeredOnArrival, 1);
    }
    const hold = this.workers.hold(event.offerId, event.workerId, event.queueId, event.channelId);
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
      hold = this.workers.hold(event.offerId, event.workerId, event.queueId, event.channelId);
      this.scopes.changeCapacity(time, job, hold, 1);
    }
    job.assignment = hold;
    job.assignedAtSeconds = time;
    this.scopes.count(job, Counter.offersAccepted, 1);
    if (job.counted) hold.worker.count(WorkerCounter.offersAccepted);
    this.leaveQueue(job, time);
    if (!job.assigned) {
      job.assigned = true;
      this.scopes.recordFirstAssignment(job, time - job.waitStartSeconds, hold.queueIndex);
    }
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
    const handleSeconds = event.timeSeconds - job.assignedAtSeconds;
    // NaN only when the assignment was never seen (collector attached mid-run).
    if (!Number.isNaN(handleSeconds))
      this.scopes.count(job, Counter.handleTimeSeconds, handleSeconds);
    if (job.counted) {
      const worker = job.assignment?.worker ?? this.workers.tally(event.workerId);
      worker.count(WorkerCounter.jobsHandled);
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
    if (!job.assigned) this.scopes.count(job, Counter.endedUnanswered, 1);
    if (event.dispositionCode === "Abandoned") this.scopes.recordAbandon(job, time);
    // The router revokes the job's open offers after the cancel event; count them here, since
    // the job's record is gone when those events arrive.
    const offers = job.openOffers;
    while (offers.length > 0) {
      const hold = offers.pop() as CapacityHold;
      this.endOffer(time, job, hold, Counter.offersRevoked, WorkerCounter.offersRevoked);
    }
    this.endJob(job, event.jobId, time);
  }

  private onClassificationFailed(event: RouterJobClassificationFailed): void {
    const job = this.jobs.get(event.jobId);
    if (job === UNKNOWN) return;
    this.scopes.count(job, Counter.classificationFailed, 1);
    if (!job.assigned) this.scopes.count(job, Counter.endedUnanswered, 1);
    // No operator acts on the job in a simulation: it leaves the books here.
    this.endJob(job, event.jobId, event.timeSeconds);
  }

  private onJobClassified(event: RouterJobClassified): void {
    const job = this.jobs.get(event.jobId);
    // A classification of a job queued before is a reclassification; the move follows as Queued.
    if (job !== UNKNOWN && !Number.isNaN(job.firstEnqueueSeconds)) {
      this.scopes.count(job, Counter.jobsReclassified, 1);
    }
  }

  /** Counts one event of a known job in its scopes. */
  private countJobEvent(jobId: string, counter: number): void {
    const job = this.jobs.get(jobId);
    if (job !== UNKNOWN) this.scopes.count(job, counter, 1);
  }

  private onWaitingForActivation(event: RouterJobWaitingForActivation): void {
    const job = this.jobs.get(event.jobId);
    if (job !== UNKNOWN) this.leaveQueue(job, event.timeSeconds);
  }

  private onWorkerRegistered(event: RouterWorkerRegistered): void {
    this.workers.register(event);
  }

  private onWorkerDeregistered(event: RouterWorkerDeregistered): void {
    this.workers.deregister(event.workerId, event.timeSeconds);
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
}
