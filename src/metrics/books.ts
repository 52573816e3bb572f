/**
 * The books of one replication's metrics: every counter, sum, histogram and level, and the
 * per-job and per-hold state they need, kept from the router's observer calls as the collector
 * (collector.ts) passes them on, each with what the router's view said of its job at the time of
 * the call (its arrival stream, its channel). Summary metrics count jobs that arrived in
 * [warmup, horizon). Queue rule (docs/outputs.md): `arrived` and `probabilityOfDelay` count in
 * the queue a job was first queued in; while the job waits for its first assignment its queue
 * scope follows its moves (jobsMovedOut there, jobsMovedIn in the new queue); every other
 * counter counts in the scope the job has when the event happens, so its outcome counts where
 * its wait ended. Time-based metrics follow where jobs actually are, over [warmup, horizon).
 * Per-job state lives only while the job is in the system, in slot tables (job-table.ts,
 * hold-table.ts) indexed by the router's job slot; everything else is counters (per queue ×
 * arrival-stream cell, see scope-set.ts), sums, histograms and levels. Queue and worker handles
 * name the same queue and worker for the whole run (the router's and the event replay's are
 * indexes that are never reused), so their ids are asked of the view when first needed.
 */
import type { RouterView } from "../router/events/observer.ts";
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

/**
 * See the module header. Its methods are the router's observer calls, in the same order, with
 * the view's answers about the job taken at the time of the call; `finish` once at the end.
 */
export class MetricsBooks {
  private readonly window: MeasurementWindow;
  private readonly scopes: ScopeSet;
  private readonly jobs = new JobTable();
  private readonly holds = new HoldTable();
  private readonly workers: WorkerRoster;
  private readonly arrivalCount: number;
  /** Scope queue index by router queue handle (undefined until first seen). */
  private readonly scopeQueues: (number | undefined)[] = [];

  /** `view` answers for queue and worker handles (ids, registrations), asked when needed. */
  constructor(
    settings: MetricsSettings,
    private readonly view: RouterView,
  ) {
    this.window = new MeasurementWindow(
      settings.warmupSeconds,
      settings.horizonSeconds,
      settings.intervalSeconds,
    );
    this.scopes = new ScopeSet(this.window, this.jobs, this.holds, settings);
    this.workers = new WorkerRoster(
      this.window,
      this.scopes,
      this.holds,
      settings.groupOfWorker,
      view,
    );
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

  /** The scope queue index of a router queue handle (−1 for none or an unlisted queue). */
  private scopeQueue(queue: number): number {
    if (queue < 0) return -1;
    let index = this.scopeQueues[queue];
    if (index === undefined) {
      index = this.scopes.queueIndex(this.view.queueId(queue));
      while (this.scopeQueues.length < queue) this.scopeQueues.push(undefined);
      this.scopeQueues[queue] = index;
    }
    return index;
  }

  /** A job received, of arrival stream `arrivalIndex` (MetricsSettings.arrivalOfJob of its id). */
  jobReceived(time: number, slot: number, arrivalIndex: number): void {
    this.jobs.add(
      slot,
      time,
      this.window.contains(time),
      this.window.intervalOf(time),
      arrivalIndex >= 0 && arrivalIndex < this.arrivalCount ? arrivalIndex : -1,
    );
    this.scopes.enter(slot);
    this.scopes.count(slot, Counter.arrived, 1);
  }

  jobQueued(time: number, slot: number, queue: number): void {
    const jobs = this.jobs;
    if (!jobs.has(slot)) return;
    const queueIndex = this.scopeQueue(queue);
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

  /** An offer issued to `worker` from `queue` for a job of channel `channelId`. */
  offerIssued(
    time: number,
    slot: number,
    offer: number,
    worker: number,
    queue: number,
    channelId: string,
  ): void {
    const jobs = this.jobs;
    if (!jobs.has(slot)) return;
    if (jobs.offeredOnArrival[slot] === 0 && time === jobs.firstEnqueueSeconds[slot]) {
      // A worker was free when the job arrived: no delay in Erlang C's sense, whatever the
      // ring time. Counted in the first queue, where the job's `arrived` counts.
      jobs.offeredOnArrival[slot] = 1;
      const firstQueue = jobs.firstQueueIndex[slot] as number;
      this.scopes.countIn(slot, firstQueue, Counter.offeredOnArrival, 1);
    }
    const hold = this.newHold(offer, worker, queue, channelId);
    this.holds.next[hold] = jobs.newestOffer[slot] as number;
    jobs.newestOffer[slot] = hold;
    this.scopes.changeCapacity(time, slot, hold, 1);
    this.scopes.count(slot, Counter.offersIssued, 1);
    if (jobs.counted[slot] === 1) this.workerOf(hold).count(WorkerCounter.offersReceived);
  }

  private newHold(offer: number, worker: number, queue: number, channelId: string): number {
    return this.workers.hold(offer, worker, this.scopeQueue(queue), channelId);
  }

  /** An offer accepted (`channelId` as for `offerIssued`, needed if it was not seen issued). */
  offerAccepted(
    time: number,
    slot: number,
    offer: number,
    worker: number,
    queue: number,
    channelId: string,
  ): void {
    const jobs = this.jobs;
    if (!jobs.has(slot)) return;
    let hold = this.takeOffer(slot, offer);
    if (hold === NO_HOLD) {
      // Not seen issued (collector attached late): it holds capacity from now on.
      hold = this.newHold(offer, worker, queue, channelId);
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
      this.scopes.recordFirstAssignment(slot, time, this.holds.queueIndex[hold] as number);
    }
  }

  offerDeclined(time: number, slot: number, offer: number): void {
    this.onOfferEnded(time, slot, offer, Counter.offersDeclined, WorkerCounter.offersDeclined);
  }

  offerExpired(time: number, slot: number, offer: number): void {
    this.onOfferEnded(time, slot, offer, Counter.offersExpired, WorkerCounter.offersExpired);
  }

  offerRevoked(time: number, slot: number, offer: number): void {
    this.onOfferEnded(time, slot, offer, Counter.offersRevoked, WorkerCounter.offersRevoked);
  }

  private onOfferEnded(
    time: number,
    slot: number,
    offer: number,
    scopeCounter: number,
    workerCounter: number,
  ): void {
    if (!this.jobs.has(slot)) return;
    // None when the offer was already released at the job's cancellation.
    const hold = this.takeOffer(slot, offer);
    if (hold === NO_HOLD) return;
    this.endOffer(time, slot, hold, scopeCounter, workerCounter);
  }

  /** Unlinks and returns the job's open offer with this handle, or NO_HOLD. */
  private takeOffer(slot: number, offer: number): number {
    const jobs = this.jobs;
    const holds = this.holds;
    jobs.newestOffer[slot] = holds.unlink(jobs.newestOffer[slot] as number, offer);
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

  jobCompleted(time: number, slot: number, worker: number): void {
    const jobs = this.jobs;
    if (!jobs.has(slot)) return;
    this.scopes.count(slot, Counter.completed, 1);
    const handleSeconds = time - (jobs.assignedAtSeconds[slot] as number);
    // NaN only when the assignment was never seen (collector attached mid-run).
    if (!Number.isNaN(handleSeconds))
      this.scopes.addSeconds(slot, Counter.handleTimeSeconds, handleSeconds);
    if (jobs.counted[slot] === 1) {
      const assignment = jobs.assignmentHold[slot] as number;
      const tally = assignment === NO_HOLD ? this.workers.tally(worker) : this.workerOf(assignment);
      tally.count(WorkerCounter.jobsHandled);
    }
  }

  jobClosed(time: number, slot: number): void {
    if (!this.jobs.has(slot)) return;
    this.scopes.count(slot, Counter.closed, 1);
    this.endJob(slot, time);
  }

  jobUnassigned(time: number, slot: number): void {
    if (!this.jobs.has(slot)) return;
    this.releaseAssignment(slot, time);
    this.scopes.count(slot, Counter.unassignments, 1);
  }

  /** A job cancelled; `abandoned` when its disposition code was "Abandoned". */
  jobCancelled(time: number, slot: number, abandoned: boolean): void {
    const jobs = this.jobs;
    if (!jobs.has(slot)) return;
    this.scopes.count(slot, Counter.cancelled, 1);
    if (jobs.assigned[slot] === 0) this.scopes.count(slot, Counter.endedUnanswered, 1);
    if (abandoned) this.scopes.recordAbandon(slot, time);
    // The router revokes the job's open offers after the cancel event; count them here, since
    // the job's record is gone when those events arrive. Newest first, as they always were.
    let hold = jobs.newestOffer[slot] as number;
    jobs.newestOffer[slot] = NO_HOLD;
    while (hold !== NO_HOLD) {
      const older = this.holds.next[hold] as number;
      this.endOffer(time, slot, hold, Counter.offersRevoked, WorkerCounter.offersRevoked);
      hold = older;
    }
    this.endJob(slot, time);
  }

  jobClassificationFailed(time: number, slot: number): void {
    const jobs = this.jobs;
    if (!jobs.has(slot)) return;
    this.scopes.count(slot, Counter.classificationFailed, 1);
    if (jobs.assigned[slot] === 0) this.scopes.count(slot, Counter.endedUnanswered, 1);
    // No operator acts on the job in a simulation: it leaves the books here.
    this.endJob(slot, time);
  }

  jobClassified(slot: number): void {
    // A classification of a job queued before is a reclassification; the move follows as Queued.
    if (this.jobs.has(slot) && !Number.isNaN(this.jobs.firstEnqueueSeconds[slot] as number)) {
      this.scopes.count(slot, Counter.jobsReclassified, 1);
    }
  }

  jobExceptionTriggered(slot: number): void {
    if (this.jobs.has(slot)) this.scopes.count(slot, Counter.exceptionsTriggered, 1);
  }

  jobWaitingForActivation(time: number, slot: number): void {
    if (this.jobs.has(slot)) this.leaveQueue(slot, time);
  }

  workerRegistered(time: number, worker: number): void {
    this.workers.register(worker, time);
  }

  workerDeregistered(time: number, worker: number): void {
    this.workers.deregister(worker, time);
  }

  /**
   * Drops the job's record after giving back whatever it still held. Open offers stay in the
   * hold table (never linked again) only if the router ended a job with offers open without
   * revoking them first, which it does not do.
   */
  private endJob(slot: number, time: number): void {
    this.leaveQueue(slot, time);
    this.releaseAssignment(slot, time);
    this.jobs.delete(slot);
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
