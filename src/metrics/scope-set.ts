/**
 * The scopes of one replication (overall, queues, arrival streams), the per-queue interval
 * series and the operations the collector applies to all of a job's scopes at once. Job counters
 * count only jobs that arrived in the window, once per event in the job's queue × arrival-stream
 * cell, and the cells are added to the scopes at the end; sums of seconds, waits and levels
 * (queue length, capacity, staffing) go to each scope as they happen. Per queue, worker time
 * held and jobs answered over the whole run give the offered load.
 */
import type { QueueDetails } from "../router/entities.ts";
import type { HoldTable } from "./hold-table.ts";
import { IntervalCounter, IntervalSeries } from "./interval-series.ts";
import type { JobTable } from "./job-table.ts";
import {
  CELL_COUNTERS,
  COUNTER_COUNT,
  Counter,
  increment,
  ratio,
  ScopeAccumulator,
} from "./scope-accumulator.ts";
import { ScopeLevels } from "./scope-levels.ts";
import { ScopeWaits } from "./scope-waits.ts";
import { MeasurementWindow, TimeWeightedLevel } from "./time-weighted-level.ts";
import type { MetricValues, ReplicationMetrics } from "./types.ts";
import { waitGridOf } from "./wait-curve.ts";
import type { WorkerTally } from "./worker-tally.ts";

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
  /**
   * Per queue: capacity share (cost / worker capacity) held for jobs offered from it; per
   * interval (busy workers) and, as the integral, over the whole run, drain included (offered
   * load). One level serves both: they change at the same times by the same shares.
   */
  private readonly busyWorkers: TimeWeightedLevel[];
  /** Per queue: capacity share (registered / worker capacity) of the workers serving it. */
  private readonly staffedWorkers: TimeWeightedLevel[];
  /** Per queue: jobs whose first assignment came from an offer of this queue, whole run. */
  private readonly answeredJobs: Float64Array;
  private readonly waitGridSeconds: number[];
  private readonly series: IntervalSeries[];
  private readonly queueIndexById = new Map<string, number>();
  private lastQueueId: string | null = null;
  private lastQueueIndex = -1;
  /**
   * Job counters per cell (queue scope × arrival stream, each with a "none" row or column
   * first): an event adds to its job's cell once; `results` adds the cells to the scopes.
   */
  private readonly cellCounts: Float64Array;
  private readonly queueLengths: ScopeLevels;
  private readonly capacityInUse: ScopeLevels;
  private readonly waits: ScopeWaits;

  private readonly queueIds: readonly string[];
  private readonly arrivalIds: readonly string[];
  private readonly thresholdSeconds: number;

  constructor(
    private readonly window: MeasurementWindow,
    private readonly jobs: JobTable,
    private readonly holds: HoldTable,
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
    const wholeRun = new MeasurementWindow(0, Number.POSITIVE_INFINITY, 0);
    this.busyWorkers = queueIds.map(() => new TimeWeightedLevel(wholeRun, true, window));
    this.staffedWorkers = queueIds.map(() => new TimeWeightedLevel(window, true));
    this.answeredJobs = new Float64Array(queueIds.length);
    const cellCount = (queueIds.length + 1) * (arrivalIds.length + 1);
    this.cellCounts = new Float64Array(cellCount * COUNTER_COUNT);
    this.series = queueIds.map((queueId, index) => {
      const queue = this.queues[index] as ScopeAccumulator;
      const busy = this.busyWorkers[index] as TimeWeightedLevel;
      const staffed = this.staffedWorkers[index] as TimeWeightedLevel;
      return new IntervalSeries(window, queueId, queue.queueLength, busy, staffed);
    });
    for (const [index, queueId] of queueIds.entries()) this.queueIndexById.set(queueId, index);
    const levels = (kind: (scope: ScopeAccumulator) => TimeWeightedLevel) =>
      new ScopeLevels(kind(this.overall), this.queues.map(kind), this.arrivals.map(kind));
    this.queueLengths = levels((scope) => scope.queueLength);
    this.capacityInUse = levels((scope) => scope.capacityInUse);
    this.waits = new ScopeWaits(this.overall, this.queues, this.arrivals);
  }

  /** Index of a queue id, −1 for a queue the settings did not list. */
  queueIndex(queueId: string | null): number {
    if (queueId === null) return -1;
    // The router passes the same string for a queue in every event: most lookups end here.
    if (queueId === this.lastQueueId) return this.lastQueueIndex;
    const index = this.queueIndexById.get(queueId) ?? -1;
    this.lastQueueId = queueId;
    this.lastQueueIndex = index;
    return index;
  }

  /** A job received: it counts in its arrival stream's cell without a queue scope until queued. */
  enter(slot: number): void {
    this.setScopeQueue(slot, -1);
  }

  /** Adds to a counter (a count, not a sum of seconds) of every scope of a job that counts. */
  count(slot: number, counter: number, amount: number): void {
    const countsAt = this.jobs.countsAt[slot] as number;
    if (countsAt >= 0) increment(this.cellCounts, countsAt + counter, amount);
  }

  /** Adds to a counter of overall, the job's arrival stream and queue `queueIndex` (−1: none). */
  countIn(slot: number, queueIndex: number, counter: number, amount: number): void {
    const jobs = this.jobs;
    if (jobs.counted[slot] === 0) return;
    const scopeQueue = queueIndex >= 0 && queueIndex < this.queues.length ? queueIndex : -1;
    const cell = this.cellOf(scopeQueue, jobs.arrivalIndex[slot] as number);
    increment(this.cellCounts, cell * COUNTER_COUNT + counter, amount);
  }

  /**
   * Adds seconds to a sum of every scope of a job that counts. Sums are added scope by scope
   * in event order, not per cell and combined, so their rounding is that of one running sum.
   */
  addSeconds(slot: number, counter: number, seconds: number): void {
    const jobs = this.jobs;
    if (jobs.counted[slot] === 0) return;
    increment(this.overall.counts, counter, seconds);
    const arrival = this.arrivals[jobs.arrivalIndex[slot] as number];
    if (arrival !== undefined) increment(arrival.counts, counter, seconds);
    const queue = this.queues[jobs.scopeQueueIndex[slot] as number];
    if (queue !== undefined) increment(queue.counts, counter, seconds);
  }

  /** The job's first queue: its `arrived` counts there too (it counted overall on arrival). */
  firstQueued(slot: number, queueIndex: number): void {
    const jobs = this.jobs;
    jobs.firstQueueIndex[slot] = queueIndex;
    const scope = this.queues[queueIndex];
    if (scope === undefined) return;
    this.setScopeQueue(slot, queueIndex);
    if (jobs.counted[slot] === 1) increment(scope.counts, Counter.arrived, 1);
    this.countInterval(slot, IntervalCounter.arrivals, 1);
  }

  /** A job moved to queue `toQueueIndex` while waiting: its queue scope follows it. */
  moveScope(slot: number, toQueueIndex: number): void {
    const jobs = this.jobs;
    this.countIn(slot, jobs.scopeQueueIndex[slot] as number, Counter.jobsMovedOut, 1);
    this.countIn(slot, toQueueIndex, Counter.jobsMovedIn, 1);
    this.setScopeQueue(
      slot,
      toQueueIndex >= 0 && toQueueIndex < this.queues.length ? toQueueIndex : -1,
    );
  }

  /** The job's queue scope (−1: none) and so its cell. */
  private setScopeQueue(slot: number, queueIndex: number): void {
    const jobs = this.jobs;
    jobs.scopeQueueIndex[slot] = queueIndex;
    jobs.countsAt[slot] =
      jobs.counted[slot] === 1
        ? this.cellOf(queueIndex, jobs.arrivalIndex[slot] as number) * COUNTER_COUNT
        : -1;
  }

  /** Adds to a counter of the job's arrival interval in its first queue's series. */
  countInterval(slot: number, counter: number, amount: number): void {
    const jobs = this.jobs;
    this.series[jobs.firstQueueIndex[slot] as number]?.count(
      jobs.intervalIndex[slot] as number,
      counter,
      amount,
    );
  }

  /** A job's first assignment at `time` (its wait runs from first enqueue), from `offerQueueIndex`. */
  recordFirstAssignment(slot: number, time: number, offerQueueIndex: number): void {
    const jobs = this.jobs;
    const waitSeconds = time - waitStartOf(jobs, slot);
    const withinThreshold = waitSeconds <= this.thresholdSeconds ? 1 : 0;
    if (offerQueueIndex >= 0 && offerQueueIndex < this.answeredJobs.length)
      increment(this.answeredJobs, offerQueueIndex, 1);
    this.series[jobs.firstQueueIndex[slot] as number]?.answered(
      jobs.intervalIndex[slot] as number,
      waitSeconds,
      withinThreshold,
    );
    const base = jobs.countsAt[slot] as number;
    if (base < 0) return;
    const counts = this.cellCounts;
    increment(counts, base + Counter.assigned, 1);
    increment(counts, base + Counter.waitedJobs, waitSeconds > 0 ? 1 : 0);
    increment(counts, base + Counter.assignedWithinThreshold, withinThreshold);
    const queueIndex = jobs.scopeQueueIndex[slot] as number;
    this.waits.answered(waitSeconds, queueIndex, jobs.arrivalIndex[slot] as number);
  }

  /** A job abandoned at `time`: "within the threshold" runs on the wait clock, like answers. */
  recordAbandon(slot: number, time: number): void {
    const jobs = this.jobs;
    const waitSeconds = time - waitStartOf(jobs, slot);
    const withinThreshold = waitSeconds <= this.thresholdSeconds ? 1 : 0;
    this.count(slot, Counter.abandoned, 1);
    this.addSeconds(slot, Counter.abandonWaitSeconds, time - (jobs.arrivalSeconds[slot] as number));
    this.count(slot, Counter.abandonedWithinThreshold, withinThreshold);
    this.countInterval(slot, IntervalCounter.abandoned, 1);
    if (jobs.counted[slot] === 0) return;
    const queueIndex = jobs.scopeQueueIndex[slot] as number;
    this.waits.abandoned(waitSeconds, queueIndex, jobs.arrivalIndex[slot] as number);
  }

  /** One job more (+1) or less (−1) queued in `queueIndex`. */
  changeQueueLength(slot: number, time: number, queueIndex: number, delta: number): void {
    this.queueLengths.add(time, queueIndex, this.jobs.arrivalIndex[slot] as number, delta);
  }

  /** A hold taken (+1) or given back (−1); charged to the queue the offer came from. */
  changeCapacity(time: number, slot: number, hold: number, sign: 1 | -1): void {
    const holds = this.holds;
    const capacityCost = holds.capacityCost[hold] as number;
    const queueIndex = holds.queueIndex[hold] as number;
    const cost = sign * capacityCost;
    (holds.worker[hold] as WorkerTally).changeHeld(time, capacityCost, sign);
    this.capacityInUse.add(time, queueIndex, this.jobs.arrivalIndex[slot] as number, cost);
    const share = sign * (holds.workerShare[hold] as number);
    this.busyWorkers[queueIndex]?.add(time, share);
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
    this.addCellCounts();
    for (const scope of [this.overall, ...this.queues, ...this.arrivals]) scope.advance(endSeconds);
    for (const level of [...this.busyWorkers, ...this.staffedWorkers]) level.advance(endSeconds);
    this.queueLengths.settle();
    this.capacityInUse.settle();
    this.waits.settle();
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

  /**
   * Adds every cell's counts to the scopes it belongs to: overall, its queue (the row of
   * jobs without a queue scope belongs to none), its arrival stream (likewise). Counts are
   * integers, so the order of the additions does not change the totals. Call once.
   */
  private addCellCounts(): void {
    const columns = this.arrivals.length + 1;
    const cells = this.cellCounts;
    for (let row = 0; row <= this.queues.length; row++) {
      for (let column = 0; column < columns; column++) {
        const base = (row * columns + column) * COUNTER_COUNT;
        const queue = this.queues[row - 1];
        const arrival = this.arrivals[column - 1];
        for (const counter of CELL_COUNTERS) {
          const amount = cells[base + counter] as number;
          if (amount === 0) continue;
          increment(this.overall.counts, counter, amount);
          if (queue !== undefined) increment(queue.counts, counter, amount);
          if (arrival !== undefined) increment(arrival.counts, counter, amount);
        }
      }
    }
  }

  /** The cell of a queue scope (−1: none) and an arrival stream (−1: none). */
  private cellOf(scopeQueueIndex: number, arrivalIndex: number): number {
    return (scopeQueueIndex + 1) * (this.arrivals.length + 1) + arrivalIndex + 1;
  }

  /** Worker-seconds (as shares of a worker) per job answered from queue `index`, whole run. */
  private serviceSecondsPerJob(index: number): number {
    const held = this.busyWorkers[index] as TimeWeightedLevel;
    return ratio(held.integral, this.answeredJobs[index] as number);
  }
}

/**
 * Start of a job's wait clock: first enqueue, or arrival for a job never queued (as
 * JobTable.waitStartSeconds, here without a call that would box the time it returns).
 */
function waitStartOf(jobs: JobTable, slot: number): number {
  const firstEnqueue = jobs.firstEnqueueSeconds[slot] as number;
  // NaN (never queued) is the one value not equal to itself.
  // biome-ignore lint/suspicious/noSelfCompare: a NaN test without a call
  return firstEnqueue === firstEnqueue ? firstEnqueue : (jobs.arrivalSeconds[slot] as number);
}
