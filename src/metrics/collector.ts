/**
 * The metrics of one replication, computed from what the router says alone (its observer calls
 * and, for ids and registrations, its read-only view; never from router state). The numbers are
 * kept by `MetricsBooks` (books.ts, where the counting rules are); this is the router's
 * observer in front of them. Event objects can still be fed to `observe` (event-replay.ts gives
 * their ids handles), for hand-written histories.
 *
 * Why a log (issue 12, docs/metrics-performance.md): the collector hears every router call of
 * every job from inside the router's own optimized code, where its bookkeeping (a dozen short
 * methods per call) competed with the router and the world for V8's inlining and ran between
 * the router's steps. So each call is written down (a row of numbers, call-log.ts) and the rows
 * are applied to the books in one loop when the log is full, in the order they came, before any
 * registration (which reads the view's current details) and before anything is read from the
 * books. The books see the same calls in the same order with the same arguments, so every
 * number is the same to the bit; what the view says of a job (its id, its channel) is asked at
 * the time of the call, since the router reuses a job's slot once the job has ended: the job's
 * arrival stream (from its id) and its channel go into the row as numbers.
 */
import type { RouterEvent } from "../router/events/events.ts";
import type { RouterObserver, RouterView } from "../router/events/observer.ts";
import type { WorkerSelector } from "../router/types.ts";
import { MetricsBooks, type MetricsSettings } from "./books.ts";
import { CallLog, ChannelIndex, LoggedCall } from "./call-log.ts";
import { EventReplay } from "./event-replay.ts";
import type { ReplicationMetrics } from "./types.ts";

export type { MetricsSettings } from "./books.ts";

/**
 * The log's size in calls of the longest row: 1,024 to 1,792 calls are held before they are
 * applied (fewer, longer batches measured faster).
 */
export const LOGGED_CALLS = 1024;

/**
 * See the module header. Attach it to a router (`router.observe(collector)`, with the router's
 * view), or feed it every event through `observe`; then call `finish` once.
 */
export class MetricsCollector implements RouterObserver {
  private readonly books: MetricsBooks;
  private readonly log: CallLog;
  private readonly channels = new ChannelIndex();
  private readonly view: RouterView;
  private readonly arrivalOfJob: (jobId: string) => number;
  /** The replay of event objects; null when the collector observes a router. */
  private readonly replay: EventReplay | null;

  /**
   * Observes a router through `view`, or (without a view) takes event objects in `observe`.
   * `loggedCalls` sizes the log (CallLog's capacity; 1: each call is applied at once).
   */
  constructor(settings: MetricsSettings, view?: RouterView, loggedCalls = LOGGED_CALLS) {
    this.replay = view === undefined ? new EventReplay() : null;
    this.view = view ?? (this.replay as EventReplay);
    this.books = new MetricsBooks(settings, this.view);
    this.log = new CallLog(loggedCalls, this.channels);
    this.arrivalOfJob = settings.arrivalOfJob;
  }

  /** Jobs currently remembered (in the system); returns to 0 once every job has ended. */
  get liveJobCount(): number {
    return this.applied().liveJobCount;
  }

  /** Workers seen; bounded by the scenario's workers, not by the job count. */
  get workerCount(): number {
    return this.applied().workerCount;
  }

  /**
   * Takes one router event object; events must come in simulation order. Only for a collector
   * made without a view (one that observes a router hears it through the observer calls).
   */
  observe(event: RouterEvent): void {
    if (this.replay === null) {
      throw new Error("this collector observes a router; it takes no event objects");
    }
    this.replay.feed(event, this);
  }

  /** Closes the books at the end of the run and returns the replication's metrics. */
  finish(endTimeSeconds: number): ReplicationMetrics {
    return this.applied().finish(endTimeSeconds);
  }

  /** The books with every logged call applied. */
  private applied(): MetricsBooks {
    if (!this.log.isEmpty) this.log.applyTo(this.books);
    return this.books;
  }

  /** Logs a call (see CallLog.append for `first`) and applies the log once full. */
  private logCall(call: number, time: number, slot: number, first: number): void {
    if (this.log.append(call, time, slot, first)) this.log.applyTo(this.books);
  }

  /** Logs an offer issued or accepted (see CallLog.appendOffer); applies the log once full. */
  private logOffer(
    call: number,
    time: number,
    slot: number,
    offer: number,
    worker: number,
    queue: number,
  ): void {
    const channel = this.channels.indexOf(this.view.jobChannelId(slot));
    if (this.log.appendOffer(call, time, slot, offer, worker, queue, channel)) {
      this.log.applyTo(this.books);
    }
  }

  jobReceived(time: number, slot: number): void {
    const arrivalIndex = this.arrivalOfJob(this.view.jobId(slot));
    this.logCall(LoggedCall.jobReceived, time, slot, arrivalIndex);
  }

  jobClassified(time: number, slot: number): void {
    this.logCall(LoggedCall.jobClassified, time, slot, 0);
  }

  jobClassificationFailed(time: number, slot: number): void {
    this.logCall(LoggedCall.jobClassificationFailed, time, slot, 0);
  }

  jobQueued(time: number, slot: number, queue: number): void {
    this.logCall(LoggedCall.jobQueued, time, slot, queue);
  }

  jobWaitingForActivation(time: number, slot: number): void {
    this.logCall(LoggedCall.jobWaitingForActivation, time, slot, 0);
  }

  jobUnassigned(time: number, slot: number): void {
    this.logCall(LoggedCall.jobUnassigned, time, slot, 0);
  }

  jobCompleted(time: number, slot: number, _assignment: number, worker: number): void {
    this.logCall(LoggedCall.jobCompleted, time, slot, worker);
  }

  jobClosed(time: number, slot: number): void {
    this.logCall(LoggedCall.jobClosed, time, slot, 0);
  }

  jobCancelled(time: number, slot: number, _note: string | null, dispositionCode: string): void {
    const abandoned = dispositionCode === "Abandoned" ? 1 : 0;
    this.logCall(LoggedCall.jobCancelled, time, slot, abandoned);
  }

  jobExceptionTriggered(time: number, slot: number): void {
    this.logCall(LoggedCall.jobExceptionTriggered, time, slot, 0);
  }

  jobWorkerSelectorsExpired(
    _time: number,
    _slot: number,
    _requested: readonly WorkerSelector[],
    _attached: readonly WorkerSelector[],
  ): void {
    // Nothing to count; a re-match it leads to has its own calls.
  }

  offerIssued(time: number, slot: number, offer: number, worker: number, queue: number): void {
    this.logOffer(LoggedCall.offerIssued, time, slot, offer, worker, queue);
  }

  offerAccepted(
    time: number,
    slot: number,
    offer: number,
    worker: number,
    queue: number,
    _assignment: number,
  ): void {
    this.logOffer(LoggedCall.offerAccepted, time, slot, offer, worker, queue);
  }

  offerDeclined(time: number, slot: number, offer: number): void {
    this.logCall(LoggedCall.offerDeclined, time, slot, offer);
  }

  offerExpired(time: number, slot: number, offer: number): void {
    this.logCall(LoggedCall.offerExpired, time, slot, offer);
  }

  offerRevoked(time: number, slot: number, offer: number): void {
    this.logCall(LoggedCall.offerRevoked, time, slot, offer);
  }

  /** Applied at once, after the logged calls: it reads the worker's details from the view now. */
  workerRegistered(time: number, worker: number): void {
    this.applied().workerRegistered(time, worker);
  }

  workerDeregistered(time: number, worker: number): void {
    this.applied().workerDeregistered(time, worker);
  }
}
