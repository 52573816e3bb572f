/**
 * The scopes of one replication (overall, queues, arrival streams), the per-queue interval
 * series and the operations the collector applies to all of a job's scopes at once. Job counters
 * count only jobs that arrived in the window; levels (queue length, capacity, staffing) always
 * move. Per queue, worker time held and jobs answered over the whole run give the offered load.
 */
import type { QueueDetails } from "../router/entities.ts";
import { IntervalCounter, IntervalSeries } from "./interval-series.ts";
import type { CapacityHold, JobState } from "./job-state.ts";
import { Counter, increment, ratio, ScopeAccumulator } from "./scope-accumulator.ts";
import { MeasurementWindow, TimeWeightedLevel } from "./time-weighted-level.ts";
import type { MetricValues, ReplicationMetrics } from "./types.ts";
import { waitGridOf } from "./wait-curve.ts";

/** The levels a worker's registration feeds: capacity (overall, queues) and staffing (queues). */
export interface RegistrationTargets {
  readonly capacity: TimeWeightedLevel[];
  readonly staffing: TimeWeightedLevel[];
}

/** See the module header. */
export class ScopeSet {
  readonly overall: ScopeAccumulator;
  readonly queues: ScopeAccumulator[];
  readonly arrivals: ScopeAccumulator[];
  /** Per queue: capacity share (cost / worker capacity) held for jobs offered from it. */
  private readonly busyWorkers: TimeWeightedLevel[];
  /** Per queue: capacity share (registered / worker capacity) of the workers serving it. */
  private readonly staffedWorkers: TimeWeightedLevel[];
  /** Per queue: the busy share over the whole run, drain included (offered load). */
  private readonly heldForJobs: TimeWeightedLevel[];
  /** Per queue: jobs whose first assignment came from an offer of this queue, whole run. */
  private readonly answeredJobs: Float64Array;
  private readonly waitGridSeconds: number[];
  private readonly series: IntervalSeries[];
  private readonly queueIndexById = new Map<string, number>();

  private readonly queueIds: readonly string[];
  private readonly arrivalIds: readonly string[];
  private readonly thresholdSeconds: number;

  constructor(
    private readonly window: MeasurementWindow,
    settings: {
      readonly queueIds: readonly string[];
      readonly arrivalIds: readonly string[];
      readonly serviceLevelThresholdSeconds: number;
    },
  ) {
    const { queueIds, arrivalIds } = settings;
    this.queueIds = queueIds;
    this.arrivalIds = arrivalIds;
    this.thresholdSeconds = settings.serviceLevelThresholdSeconds;
    const grid = waitGridOf(this.thresholdSeconds);
    this.waitGridSeconds = grid;
    const registered = () => new TimeWeightedLevel(window, false);
    this.overall = new ScopeAccumulator(window, false, registered(), grid);
    const overallRegistered = this.overall.registeredCapacity;
    // An arrival stream has no workers of its own: its use is a share of all capacity.
    this.arrivals = arrivalIds.map(
      () => new ScopeAccumulator(window, false, overallRegistered, grid),
    );
    this.queues = queueIds.map(() => new ScopeAccumulator(window, true, registered(), grid));
    this.busyWorkers = queueIds.map(() => new TimeWeightedLevel(window, true));
    this.staffedWorkers = queueIds.map(() => new TimeWeightedLevel(window, true));
    const wholeRun = new MeasurementWindow(0, Number.POSITIVE_INFINITY, 0);
    this.heldForJobs = queueIds.map(() => new TimeWeightedLevel(wholeRun, false));
    this.answeredJobs = new Float64Array(queueIds.length);
    this.series = queueIds.map((queueId, index) => {
      const queue = this.queues[index] as ScopeAccumulator;
      const busy = this.busyWorkers[index] as TimeWeightedLevel;
      const staffed = this.staffedWorkers[index] as TimeWeightedLevel;
      return new IntervalSeries(window, queueId, queue.queueLength, busy, staffed);
    });
    for (const [index, queueId] of queueIds.entries()) this.queueIndexById.set(queueId, index);
  }

  /** Index of a queue id, −1 for a queue the settings did not list. */
  queueIndex(queueId: string | null): number {
    return queueId === null ? -1 : (this.queueIndexById.get(queueId) ?? -1);
  }

  /** Adds to a counter of every scope of a job that counts in the summary. */
  count(job: JobState, counter: number, amount: number): void {
    if (!job.counted) return;
    increment(this.overall.counts, counter, amount);
    if (job.arrivalScope !== null) increment(job.arrivalScope.counts, counter, amount);
    if (job.queueScope !== null) increment(job.queueScope.counts, counter, amount);
  }

  /** Adds to a counter of overall, the job's arrival stream and `queue` (a job that counts). */
  countIn(job: JobState, queue: ScopeAccumulator | null, counter: number, amount: number): void {
    if (!job.counted) return;
    increment(this.overall.counts, counter, amount);
    if (job.arrivalScope !== null) increment(job.arrivalScope.counts, counter, amount);
    if (queue !== null) increment(queue.counts, counter, amount);
  }

  /** The scope of a queue by index, null for −1 or a queue the settings did not list. */
  queueScope(queueIndex: number): ScopeAccumulator | null {
    return this.queues[queueIndex] ?? null;
  }

  /** A job moved between queues while waiting: its queue scope follows it. */
  moveScope(job: JobState, to: ScopeAccumulator | null): void {
    this.countIn(job, job.queueScope, Counter.jobsMovedOut, 1);
    this.countIn(job, to, Counter.jobsMovedIn, 1);
    job.queueScope = to;
  }

  /** Adds to a counter of the job's arrival interval in its first queue's series. */
  countInterval(job: JobState, counter: number, amount: number): void {
    this.series[job.firstQueueIndex]?.count(job.intervalIndex, counter, amount);
  }

  /** A job's first assignment after `waitSeconds` (from first enqueue), from `offerQueueIndex`. */
  recordFirstAssignment(job: JobState, waitSeconds: number, offerQueueIndex: number): void {
    const withinThreshold = waitSeconds <= this.thresholdSeconds ? 1 : 0;
    if (offerQueueIndex >= 0 && offerQueueIndex < this.answeredJobs.length)
      increment(this.answeredJobs, offerQueueIndex, 1);
    this.countInterval(job, IntervalCounter.answered, 1);
    this.countInterval(job, IntervalCounter.waitSeconds, waitSeconds);
    this.countInterval(job, IntervalCounter.answeredWithinThreshold, withinThreshold);
    if (!job.counted) return;
    this.count(job, Counter.assigned, 1);
    this.count(job, Counter.waitedJobs, waitSeconds > 0 ? 1 : 0);
    this.count(job, Counter.assignedWithinThreshold, withinThreshold);
    this.overall.waits.record(waitSeconds);
    job.arrivalScope?.waits.record(waitSeconds);
    job.queueScope?.waits.record(waitSeconds);
    this.overall.waitCurve.recordAnswered(waitSeconds);
    job.arrivalScope?.waitCurve.recordAnswered(waitSeconds);
    job.queueScope?.waitCurve.recordAnswered(waitSeconds);
  }

  /** A job abandoned at `time`: "within the threshold" runs on the wait clock, like answers. */
  recordAbandon(job: JobState, time: number): void {
    const waitSeconds = time - job.waitStartSeconds;
    const withinThreshold = waitSeconds <= this.thresholdSeconds ? 1 : 0;
    this.count(job, Counter.abandoned, 1);
    this.count(job, Counter.abandonWaitSeconds, time - job.arrivalSeconds);
    this.count(job, Counter.abandonedWithinThreshold, withinThreshold);
    this.countInterval(job, IntervalCounter.abandoned, 1);
    if (!job.counted) return;
    this.overall.waitCurve.recordAbandoned(waitSeconds);
    job.arrivalScope?.waitCurve.recordAbandoned(waitSeconds);
    job.queueScope?.waitCurve.recordAbandoned(waitSeconds);
  }

  /** One job more (+1) or less (−1) queued in `queueIndex`. */
  changeQueueLength(job: JobState, time: number, queueIndex: number, delta: number): void {
    this.overall.queueLength.add(time, delta);
    job.arrivalScope?.queueLength.add(time, delta);
    this.queues[queueIndex]?.queueLength.add(time, delta);
  }

  /** A hold taken (+1) or given back (−1); charged to the queue the offer came from. */
  changeCapacity(time: number, job: JobState, hold: CapacityHold, sign: 1 | -1): void {
    const cost = sign * hold.capacityCost;
    hold.worker.changeHeld(time, hold.capacityCost, sign);
    this.overall.capacityInUse.add(time, cost);
    job.arrivalScope?.capacityInUse.add(time, cost);
    this.queues[hold.queueIndex]?.capacityInUse.add(time, cost);
    const share = sign * hold.workerShare;
    this.busyWorkers[hold.queueIndex]?.add(time, share);
    this.heldForJobs[hold.queueIndex]?.add(time, share);
  }

  /** The registered-capacity and staffing levels a worker of these queues contributes to. */
  registrationTargets(queueAssignments: readonly QueueDetails[]): RegistrationTargets {
    const capacity = [this.overall.registeredCapacity];
    const staffing: TimeWeightedLevel[] = [];
    for (const queue of queueAssignments) {
      const index = this.queueIndex(queue.id);
      const scope = this.queues[index];
      if (scope === undefined) continue;
      capacity.push(scope.registeredCapacity);
      staffing.push(this.staffedWorkers[index] as TimeWeightedLevel);
    }
    return { capacity, staffing };
  }

  /** Every scope's metrics and the interval rows, with levels accounted to `endSeconds`. */
  results(endSeconds: number): Omit<ReplicationMetrics, "workers"> {
    for (const scope of [this.overall, ...this.queues, ...this.arrivals]) scope.advance(endSeconds);
    for (const level of [...this.busyWorkers, ...this.staffedWorkers, ...this.heldForJobs])
      level.advance(endSeconds);
    const { warmupSeconds, horizonSeconds } = this.window;
    const measuredSeconds = Math.max(0, Math.min(endSeconds, horizonSeconds) - warmupSeconds);
    const valuesOf = (ids: readonly string[], scopes: readonly ScopeAccumulator[]) =>
      Object.fromEntries(
        ids.map((id, index) => [
          id,
          (scopes[index] as ScopeAccumulator).metricValues(measuredSeconds),
        ]),
      ) as Record<string, MetricValues>;
    return {
      overall: this.overall.metricValues(measuredSeconds),
      queues: valuesOf(this.queueIds, this.queues),
      arrivals: valuesOf(this.arrivalIds, this.arrivals),
      intervals: this.series.flatMap((series, index) =>
        series.rows(endSeconds, this.serviceSecondsPerJob(index)),
      ),
      waitGridSeconds: this.waitGridSeconds,
      waitCurves: [
        this.overall.waitCurveNamed("overall"),
        ...this.queueIds.map((id, index) =>
          (this.queues[index] as ScopeAccumulator).waitCurveNamed(`queue:${id}`),
        ),
        ...this.arrivalIds.map((id, index) =>
          (this.arrivals[index] as ScopeAccumulator).waitCurveNamed(`arrival:${id}`),
        ),
      ],
    };
  }

  /** Worker-seconds (as shares of a worker) per job answered from queue `index`, whole run. */
  private serviceSecondsPerJob(index: number): number {
    const held = this.heldForJobs[index] as TimeWeightedLevel;
    return ratio(held.integral, this.answeredJobs[index] as number);
  }
}
