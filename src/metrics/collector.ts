/**
 * The metrics of one replication, computed from the router's event stream alone (never from
 * router state). Summary metrics count jobs that arrived in [warmup, horizon). Queue rule
 * (docs/outputs.md): `arrived` and `probabilityOfDelay` count in the queue a job was first
 * queued in; while the job waits for its first assignment its queue scope follows its moves
 * (jobsMovedOut there, jobsMovedIn in the new queue); every other counter counts in the scope
 * the job has when the event happens, so its outcome counts where its wait ended. Time-based
 * metrics follow where jobs actually are, over [warmup, horizon). Per-job state lives only
 * while the job is in the system, in slot tables (job-table.ts, hold-table.ts); everything else
 * is counters (per queue × arrival-stream cell, see scope-set.ts), sums, histograms and levels.
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
import { HoldTable, NO_HOLD } from "./hold-table.ts";
import { JobTable } from "./job-table.ts";
import { Counter } from "./scope-accumulator.ts";
import { ScopeSet } from "./scope-set.ts";
import { MeasurementWindow } from "./time-weighted-level.ts";
import type { ReplicationMetrics } from "./types.ts";
import { WorkerRoster } from "./worker-roster.ts";
import { WorkerCounter, type WorkerTally } from "./worker-tally.ts";

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

/** The slot of a job the collector did not see arrive (its events are ignored). */
const UNKNOWN = -1;

/** See the module header. Feed every event to `observe`, then call `finish` once. */
export class MetricsCollector {
  private readonly window: MeasurementWindow;
  private readonly scopes: ScopeSet;
  private readonly jobs = new JobTable();
  private readonly holds = new HoldTable();
  private readonly workers: WorkerRoster;
  private readonly arrivalCount: number;

  constructor(private readonly settings: MetricsSettings) {
    this.window = new MeasurementWindow(
      settings.warmupSeconds,
      settings.horizonSeconds,
      settings.intervalSeconds,
    );
    this.scopes = new ScopeSet(this.window, this.jobs, this.holds, settings);
    this.workers = new WorkerRoster(this.window, this.scopes, this.holds, settings.groupOfWorker);
    this.arrivalCount = settings.arrivalIds.length;
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
    const jobs = this.jobs;
    for (const slot of jobs.slots()) {
      this.scopes.count(slot, Counter.inSystemAtEnd, 1);
      if (jobs.assigned[slot] === 0) this.scopes.count(slot, Counter.waitingAtEnd, 1);
    }
    return {
      ...this.scopes.results(endTimeSeconds),
      workers: this.workers.rows(endTimeSeconds),
    };
  }

  private onJobReceived(event: RouterJobReceived): void {
    const time = event.timeSeconds;
    const arrivalIndex = this.settings.arrivalOfJob(event.jobId);
    const slot = this.jobs.add(
      event.jobId,
      time,
      this.window.contains(time),
      this.window.intervalOf(time),
      arrivalIndex >= 0 && arrivalIndex < this.arrivalCount ? arrivalIndex : -1,
    );
    this.scopes.enter(slot);
    this.scopes.count(slot, Counter.arrived, 1);
  }

  private onJobQueued(event: RouterJobQueued): void {
    const jobs = this.jobs;
    const slot = jobs.slotOf(event.jobId);
    if (slot === UNKNOWN) return;
    const time = event.timeSeconds;
    const queueIndex = this.scopes.queueIndex(event.queueId);
    if (Number.isNaN(jobs.firstEnqueueSeconds[slot] as number)) {
      jobs.firstEnqueueSeconds[slot] = time;
      this.scopes.firstQueued(slot, queueIndex);
    } else if (queueIndex !== jobs.currentQueueIndex[slot] && jobs.assigned[slot] === 0) {
      // A move (exception, reclassification) during the first wait: the scope follows.
      this.scopes.moveScope(slot, queueIndex);
    }
    this.leaveQueue(slot, time);
    jobs.queued[slot] = 1;
    jobs.currentQueueIndex[slot] = queueIndex;
    this.scopes.changeQueueLength(slot, time, queueIndex, 1);
  }

  private onOfferIssued(event: RouterWorkerOfferIssued): void {
    const jobs = this.jobs;
    const slot = jobs.slotOf(event.jobId);
    if (slot === UNKNOWN) return;
    if (jobs.offeredOnArrival[slot] === 0 && event.timeSeconds === jobs.firstEnqueueSeconds[slot]) {
      // A worker was free when the job arrived: no delay in Erlang C's sense, whatever the
      // ring time. Counted in the first queue, where the job's `arrived` counts.
      jobs.offeredOnArrival[slot] = 1;
      const firstQueue = jobs.firstQueueIndex[slot] as number;
      this.scopes.countIn(slot, firstQueue, Counter.offeredOnArrival, 1);
    }
    const hold = this.workers.hold(event.offerId, event.workerId, event.queueId, event.channelId);
    this.holds.next[hold] = jobs.newestOffer[slot] as number;
    jobs.newestOffer[slot] = hold;
    this.scopes.changeCapacity(event.timeSeconds, slot, hold, 1);
    this.scopes.count(slot, Counter.offersIssued, 1);
    if (jobs.counted[slot] === 1) this.workerOf(hold).count(WorkerCounter.offersReceived);
  }

  private onOfferAccepted(event: RouterWorkerOfferAccepted): void {
    const jobs = this.jobs;
    const slot = jobs.slotOf(event.jobId);
    if (slot === UNKNOWN) return;
    const time = event.timeSeconds;
    let hold = this.takeOffer(slot, event.offerId);
    if (hold === NO_HOLD) {
      // Not seen issued (collector attached late): it holds capacity from now on.
      hold = this.workers.hold(event.offerId, event.workerId, event.queueId, event.channelId);
      this.scopes.changeCapacity(time, slot, hold, 1);
    }
    // An assignment replaced without being given back is forgotten, as it always was.
    const replaced = jobs.assignmentHold[slot] as number;
    if (replaced !== NO_HOLD) this.holds.release(replaced);
    jobs.assignmentHold[slot] = hold;
    jobs.assignedAtSeconds[slot] = time;
    this.scopes.count(slot, Counter.offersAccepted, 1);
    if (jobs.counted[slot] === 1) this.workerOf(hold).count(WorkerCounter.offersAccepted);
    this.leaveQueue(slot, time);
    if (jobs.assigned[slot] === 0) {
      jobs.assigned[slot] = 1;
      const waitSeconds = time - jobs.waitStartSeconds(slot);
      this.scopes.recordFirstAssignment(slot, waitSeconds, this.holds.queueIndex[hold] as number);
    }
  }

  private onOfferEnded(
    event: { readonly jobId: string; readonly offerId: string; readonly timeSeconds: number },
    scopeCounter: number,
    workerCounter: number,
  ): void {
    const slot = this.jobs.slotOf(event.jobId);
    if (slot === UNKNOWN) return;
    // None when the offer was already released at the job's cancellation.
    const hold = this.takeOffer(slot, event.offerId);
    if (hold === NO_HOLD) return;
    this.endOffer(event.timeSeconds, slot, hold, scopeCounter, workerCounter);
  }

  /** Unlinks and returns the job's open offer with this id, or NO_HOLD. */
  private takeOffer(slot: number, offerId: string): number {
    const jobs = this.jobs;
    const holds = this.holds;
    jobs.newestOffer[slot] = holds.unlink(jobs.newestOffer[slot] as number, offerId);
    return holds.taken;
  }

  private endOffer(
    time: number,
    slot: number,
    hold: number,
    scopeCounter: number,
    workerCounter: number,
  ): void {
    this.scopes.changeCapacity(time, slot, hold, -1);
    this.scopes.count(slot, scopeCounter, 1);
    if (this.jobs.counted[slot] === 1) this.workerOf(hold).count(workerCounter);
    this.holds.release(hold);
  }

  private workerOf(hold: number): WorkerTally {
    return this.holds.worker[hold] as WorkerTally;
  }

  private onJobCompleted(event: RouterJobCompleted): void {
    const jobs = this.jobs;
    const slot = jobs.slotOf(event.jobId);
    if (slot === UNKNOWN) return;
    this.scopes.count(slot, Counter.completed, 1);
    const handleSeconds = event.timeSeconds - (jobs.assignedAtSeconds[slot] as number);
    // NaN only when the assignment was never seen (collector attached mid-run).
    if (!Number.isNaN(handleSeconds))
      this.scopes.addSeconds(slot, Counter.handleTimeSeconds, handleSeconds);
    if (jobs.counted[slot] === 1) {
      const assignment = jobs.assignmentHold[slot] as number;
      const worker =
        assignment === NO_HOLD ? this.workers.tally(event.workerId) : this.workerOf(assignment);
      worker.count(WorkerCounter.jobsHandled);
    }
  }

  private onJobClosed(event: RouterJobClosed): void {
    const slot = this.jobs.slotOf(event.jobId);
    if (slot === UNKNOWN) return;
    this.scopes.count(slot, Counter.closed, 1);
    this.endJob(slot, event.jobId, event.timeSeconds);
  }

  private onJobUnassigned(event: RouterJobUnassigned): void {
    const slot = this.jobs.slotOf(event.jobId);
    if (slot === UNKNOWN) return;
    this.releaseAssignment(slot, event.timeSeconds);
    this.scopes.count(slot, Counter.unassignments, 1);
  }

  private onJobCancelled(event: RouterJobCancelled): void {
    const jobs = this.jobs;
    const slot = jobs.slotOf(event.jobId);
    if (slot === UNKNOWN) return;
    const time = event.timeSeconds;
    this.scopes.count(slot, Counter.cancelled, 1);
    if (jobs.assigned[slot] === 0) this.scopes.count(slot, Counter.endedUnanswered, 1);
    if (event.dispositionCode === "Abandoned") this.scopes.recordAbandon(slot, time);
    // The router revokes the job's open offers after the cancel event; count them here, since
    // the job's record is gone when those events arrive. Newest first, as they always were.
    let hold = jobs.newestOffer[slot] as number;
    jobs.newestOffer[slot] = NO_HOLD;
    while (hold !== NO_HOLD) {
      const older = this.holds.next[hold] as number;
      this.endOffer(time, slot, hold, Counter.offersRevoked, WorkerCounter.offersRevoked);
      hold = older;
    }
    this.endJob(slot, event.jobId, time);
  }

  private onClassificationFailed(event: RouterJobClassificationFailed): void {
    const jobs = this.jobs;
    const slot = jobs.slotOf(event.jobId);
    if (slot === UNKNOWN) return;
    this.scopes.count(slot, Counter.classificationFailed, 1);
    if (jobs.assigned[slot] === 0) this.scopes.count(slot, Counter.endedUnanswered, 1);
    // No operator acts on the job in a simulation: it leaves the books here.
    this.endJob(slot, event.jobId, event.timeSeconds);
  }

  private onJobClassified(event: RouterJobClassified): void {
    const slot = this.jobs.slotOf(event.jobId);
    // A classification of a job queued before is a reclassification; the move follows as Queued.
    if (slot !== UNKNOWN && !Number.isNaN(this.jobs.firstEnqueueSeconds[slot] as number)) {
      this.scopes.count(slot, Counter.jobsReclassified, 1);
    }
  }

  /** Counts one event of a known job in its scopes. */
  private countJobEvent(jobId: string, counter: number): void {
    const slot = this.jobs.slotOf(jobId);
    if (slot !== UNKNOWN) this.scopes.count(slot, counter, 1);
  }

  private onWaitingForActivation(event: RouterJobWaitingForActivation): void {
    const slot = this.jobs.slotOf(event.jobId);
    if (slot !== UNKNOWN) this.leaveQueue(slot, event.timeSeconds);
  }

  private onWorkerRegistered(event: RouterWorkerRegistered): void {
    this.workers.register(event);
  }

  private onWorkerDeregistered(event: RouterWorkerDeregistered): void {
    this.workers.deregister(event.workerId, event.timeSeconds);
  }

  /**
   * Drops the job's record after giving back whatever it still held. Open offers stay in the
   * hold table (never linked again) only if the router ended a job with offers open without
   * revoking them first, which it does not do.
   */
  private endJob(slot: number, jobId: string, time: number): void {
    this.leaveQueue(slot, time);
    this.releaseAssignment(slot, time);
    this.jobs.delete(jobId);
  }

  private releaseAssignment(slot: number, time: number): void {
    const jobs = this.jobs;
    const assignment = jobs.assignmentHold[slot] as number;
    if (assignment === NO_HOLD) return;
    this.scopes.changeCapacity(time, slot, assignment, -1);
    jobs.assignmentHold[slot] = NO_HOLD;
    this.holds.release(assignment);
  }

  private leaveQueue(slot: number, time: number): void {
    const jobs = this.jobs;
    if (jobs.queued[slot] === 0) return;
    jobs.queued[slot] = 0;
    this.scopes.changeQueueLength(slot, time, jobs.currentQueueIndex[slot] as number, -1);
  }
}
