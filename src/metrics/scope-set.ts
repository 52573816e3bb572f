/**
 * The scopes of one replication (overall, each queue, each arrival stream) and the per-queue
 * interval series, with the few operations the collector applies to all of a job's scopes at
 * once. Job counters go to the job's scopes only when the job counts (arrived in the window);
 * levels (queue length, capacity) always move, since they measure the system, not the job.
 */
import type { QueueDetails } from "../router/entities.ts";
import { IntervalCounter, IntervalSeries } from "./interval-series.ts";
import type { CapacityHold, JobState } from "./job-state.ts";
import { Counter, increment, ScopeAccumulator } from "./scope-accumulator.ts";
import { type MeasurementWindow, TimeWeightedLevel } from "./time-weighted-level.ts";
import type { MetricValues, ReplicationMetrics } from "./types.ts";

/** See the module header. */
export class ScopeSet {
  readonly overall: ScopeAccumulator;
  readonly queues: ScopeAccumulator[];
  readonly arrivals: ScopeAccumulator[];
  /** Per queue: capacity share (cost / worker capacity) held for jobs offered from it. */
  private readonly busyWorkers: TimeWeightedLevel[];
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
    this.overall = new ScopeAccumulator(window, false, new TimeWeightedLevel(window, false));
    const overallRegistered = this.overall.registeredCapacity;
    // An arrival stream has no workers of its own: its use is a share of all capacity.
    this.arrivals = arrivalIds.map(() => new ScopeAccumulator(window, false, overallRegistered));
    this.queues = queueIds.map(
      () => new ScopeAccumulator(window, true, new TimeWeightedLevel(window, false)),
    );
    this.busyWorkers = queueIds.map(() => new TimeWeightedLevel(window, true));
    this.series = queueIds.map((queueId, index) => {
      const queue = this.queues[index] as ScopeAccumulator;
      const busy = this.busyWorkers[index] as TimeWeightedLevel;
      return new IntervalSeries(window, queueId, queue.queueLength, busy);
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

  /** A job's first assignment after `waitSeconds` (from first enqueue). */
  recordFirstAssignment(job: JobState, waitSeconds: number): void {
    const withinThreshold = waitSeconds <= this.thresholdSeconds ? 1 : 0;
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
  }

  /** A job abandoned at `time`: "within the threshold" runs on the wait clock, like answers. */
  recordAbandon(job: JobState, time: number): void {
    const withinThreshold = time - job.waitStartSeconds <= this.thresholdSeconds ? 1 : 0;
    this.count(job, Counter.abandoned, 1);
    this.count(job, Counter.abandonWaitSeconds, time - job.arrivalSeconds);
    this.count(job, Counter.abandonedWithinThreshold, withinThreshold);
    this.countInterval(job, IntervalCounter.abandoned, 1);
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
    this.busyWorkers[hold.queueIndex]?.add(time, sign * hold.workerShare);
  }

  /** The registered-capacity levels a worker of these queues contributes to. */
  registrationTargets(queueAssignments: readonly QueueDetails[]): TimeWeightedLevel[] {
    const targets = [this.overall.registeredCapacity];
    for (const queue of queueAssignments) {
      const scope = this.queues[this.queueIndex(queue.id)];
      if (scope !== undefined) targets.push(scope.registeredCapacity);
    }
    return targets;
  }

  /** Every scope's metrics and the interval rows, with levels accounted to `endSeconds`. */
  results(endSeconds: number): Omit<ReplicationMetrics, "workers"> {
    for (const scope of [this.overall, ...this.queues, ...this.arrivals]) scope.advance(endSeconds);
    for (const level of this.busyWorkers) level.advance(endSeconds);
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
      intervals: this.series.flatMap((series) => series.rows(endSeconds)),
    };
  }
}
