/**
 * One worker from the event stream: registration, capacity held, offer counts, busy time.
 * Registered capacity counts in full while registered; once it deregisters with jobs still open
 * (draining) only the capacity it still holds counts, so utilization never exceeds 1. The same
 * contribution, as a share of the worker's capacity, is its staffing in each of its queues.
 */
import type { ChannelConfiguration } from "../router/entities.ts";
import { ratio } from "./scope-accumulator.ts";
import { type MeasurementWindow, TimeWeightedLevel } from "./time-weighted-level.ts";
import type { WorkerRow } from "./types.ts";

/**
 * Index of each per-worker counter (a column of the worker's row in `WorkerTable`): the three
 * counted for every job come first, in the row's first cache line with the capacity in use.
 */
export const WorkerCounter = {
  offersReceived: 4,
  offersAccepted: 5,
  jobsHandled: 6,
  offersDeclined: 7,
  offersExpired: 8,
  offersRevoked: 9,
} as const;

// Columns of a worker's row. A level keeps what `TimeWeightedLevel` keeps for a level without
// intervals, less the maximum, which no worker row reports.
const IN_USE_LEVEL = 0;
const IN_USE_SINCE = 1;
const IN_USE_INTEGRAL = 2;
const HELD_JOBS = 3;
const BUSY_LEVEL = 10;
const BUSY_SINCE = 11;
const BUSY_INTEGRAL = 12;
/** Doubles per row: two cache lines, the first holding everything a job of cost 1 changes. */
const ROW_WIDTH = 16;

/**
 * The per-worker numbers of a replication's workers, one row each in one shared array. Kept as
 * objects (a tally, its counter array, its levels and their boxed double fields) a worker's
 * updates read and wrote half a dozen scattered cache lines per offer, and with 2,000 workers
 * those lines are cold each time; a row is one or two lines (docs/metrics-performance.md).
 */
export class WorkerTable {
  data = new Float64Array(64 * ROW_WIDTH);
  private rows = 0;

  /** A new row of zeros; returns the offset of its first column. */
  newRow(): number {
    const offset = this.rows++ * ROW_WIDTH;
    if (offset + ROW_WIDTH > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    return offset;
  }
}

const NO_TARGETS: readonly TimeWeightedLevel[] = [];

/** See the module header. Counters and the in-use and busy levels live in a `WorkerTable` row. */
export class WorkerTally {
  totalCapacity = 0;
  private channelConfigurations: readonly ChannelConfiguration[] = [];
  /** The channel last asked about and its cost: a worker's offers are mostly of one channel. */
  private lastChannelId: string | null = null;
  private lastChannelCost = 0;
  private registered = false;
  /** Offset of this worker's row in `table.data`. */
  private readonly row0: number;
  private readonly contribution: TimeWeightedLevel;
  /**
   * While every change of the busy level was also the same change of the in-use level at the
   * same time (a worker of capacity 1 taking jobs of cost 1), busy is not updated: its state
   * is in use's, copied when read or when a change first differs. Exact: a level's state
   * depends only on its changes.
   */
  private busyFollowsInUse = true;
  /** Registered-capacity levels this worker contributes to (overall and its queues). */
  private targets: readonly TimeWeightedLevel[] = NO_TARGETS;
  /** Staffed-worker levels of its queues: the contribution as a share of the worker. */
  private staffingTargets: readonly TimeWeightedLevel[] = NO_TARGETS;

  constructor(
    readonly workerId: string,
    /** The scenario's worker group. */
    readonly group: string,
    private readonly window: MeasurementWindow,
    private readonly table: WorkerTable = new WorkerTable(),
  ) {
    this.row0 = table.newRow();
    this.contribution = new TimeWeightedLevel(window, false);
  }

  /**
   * (Re-)registration: the worker's capacity now counts in full in `targets`, and as one whole
   * worker in `staffingTargets`.
   */
  register(
    timeSeconds: number,
    totalCapacity: number,
    channelConfigurations: readonly ChannelConfiguration[],
    targets: readonly TimeWeightedLevel[],
    staffingTargets: readonly TimeWeightedLevel[],
  ): void {
    // Withdraw the old contribution from the old targets first (at the old capacity's share):
    // the queues and the capacity may have changed.
    this.applyContribution(timeSeconds, 0);
    this.totalCapacity = totalCapacity;
    this.channelConfigurations = channelConfigurations;
    this.lastChannelId = null;
    this.targets = targets;
    this.staffingTargets = staffingTargets;
    this.registered = true;
    this.applyContribution(timeSeconds, totalCapacity);
  }

  /** Deregistration: from now on only the capacity still held counts as registered. */
  deregister(timeSeconds: number): void {
    this.registered = false;
    this.applyContribution(timeSeconds, this.table.data[this.row0 + IN_USE_LEVEL] as number);
  }

  /** The capacity cost of one job of this channel (0 for a channel the worker lacks). */
  capacityCost(channelId: string): number {
    if (channelId === this.lastChannelId) return this.lastChannelCost;
    let cost = 0;
    // Indexed: the event's array is frozen, and for…of over a frozen array allocates per step.
    const channels = this.channelConfigurations;
    for (let i = 0; i < channels.length; i++) {
      const channel = channels[i] as (typeof channels)[number];
      if (channel.channelId === channelId) {
        cost = channel.capacityCostPerJob;
        break;
      }
    }
    this.lastChannelId = channelId;
    this.lastChannelCost = cost;
    return cost;
  }

  /** The share of the worker one job of this cost takes (1 = the whole worker). */
  shareOf(cost: number): number {
    return this.totalCapacity > 0 ? cost / this.totalCapacity : 0;
  }

  /** Capacity taken (`sign` 1) or given back (`sign` −1) for one job. */
  changeHeld(timeSeconds: number, cost: number, sign: 1 | -1): void {
    const data = this.table.data;
    const row = this.row0;
    const delta = sign * cost;
    const heldJobs = (data[row + HELD_JOBS] as number) + sign;
    data[row + HELD_JOBS] = heldJobs;
    const busyNow = heldJobs > 0 ? 1 : 0;
    const inUseLevel = data[row + IN_USE_LEVEL] as number;
    if (this.busyFollowsInUse) {
      // Busy's level is in use's before this change; it would change by busyNow − that.
      const busyDelta = busyNow - inUseLevel;
      if (busyDelta !== delta || busyDelta === 0) {
        data[row + BUSY_LEVEL] = inUseLevel;
        data[row + BUSY_SINCE] = data[row + IN_USE_SINCE] as number;
        data[row + BUSY_INTEGRAL] = data[row + IN_USE_INTEGRAL] as number;
        this.busyFollowsInUse = false;
        if (busyDelta !== 0) this.addToLevel(BUSY_LEVEL, timeSeconds, busyDelta);
      }
    } else if (busyNow !== data[row + BUSY_LEVEL]) {
      this.addToLevel(BUSY_LEVEL, timeSeconds, busyNow - (data[row + BUSY_LEVEL] as number));
    }
    this.addToLevel(IN_USE_LEVEL, timeSeconds, delta);
    if (!this.registered) {
      this.applyContribution(timeSeconds, data[row + IN_USE_LEVEL] as number);
    }
  }

  /** Counts one event of this worker (`counter`: a `WorkerCounter`). */
  count(counter: number): void {
    const data = this.table.data;
    const column = this.row0 + counter;
    data[column] = (data[column] as number) + 1;
  }

  /** The worker's row, after every level was advanced to the end of the run. */
  row(endSeconds: number): WorkerRow {
    const data = this.table.data;
    const row = this.row0;
    if (this.busyFollowsInUse) {
      data[row + BUSY_LEVEL] = data[row + IN_USE_LEVEL] as number;
      data[row + BUSY_SINCE] = data[row + IN_USE_SINCE] as number;
      data[row + BUSY_INTEGRAL] = data[row + IN_USE_INTEGRAL] as number;
      this.busyFollowsInUse = false;
    }
    this.advanceLevel(IN_USE_LEVEL, endSeconds);
    this.contribution.advance(endSeconds);
    this.advanceLevel(BUSY_LEVEL, endSeconds);
    const at = (counter: number): number => data[row + counter] as number;
    return {
      workerId: this.workerId,
      group: this.group,
      offersReceived: at(WorkerCounter.offersReceived),
      offersAccepted: at(WorkerCounter.offersAccepted),
      offersDeclined: at(WorkerCounter.offersDeclined),
      offersExpired: at(WorkerCounter.offersExpired),
      offersRevoked: at(WorkerCounter.offersRevoked),
      jobsHandled: at(WorkerCounter.jobsHandled),
      busySeconds: data[row + BUSY_INTEGRAL] as number,
      utilization: ratio(data[row + IN_USE_INTEGRAL] as number, this.contribution.integral),
    };
  }

  /** `TimeWeightedLevel.add` on the row's level whose columns start at `level`. */
  private addToLevel(level: number, timeSeconds: number, delta: number): void {
    this.advanceLevel(level, timeSeconds);
    const data = this.table.data;
    const column = this.row0 + level;
    data[column] = (data[column] as number) + delta;
  }

  /**
   * `TimeWeightedLevel.advance` (without intervals or maximum) on the row's level whose columns
   * (level, since, integral) start at `level`: the same operations, so the same bits.
   */
  private advanceLevel(level: number, timeSeconds: number): void {
    const data = this.table.data;
    const column = this.row0 + level;
    const fromSeconds = data[column + 1] as number;
    if (timeSeconds <= fromSeconds) return;
    data[column + 1] = timeSeconds;
    const value = data[column] as number;
    if (value === 0) return;
    const window = this.window;
    const overlapSeconds =
      Math.min(timeSeconds, window.horizonSeconds) - Math.max(fromSeconds, window.warmupSeconds);
    if (overlapSeconds > 0)
      data[column + 2] = (data[column + 2] as number) + value * overlapSeconds;
  }

  private applyContribution(timeSeconds: number, nextLevel: number): void {
    const delta = nextLevel - this.contribution.level;
    if (delta === 0) return;
    this.contribution.add(timeSeconds, delta);
    const targets = this.targets;
    for (let i = 0; i < targets.length; i++)
      (targets[i] as TimeWeightedLevel).add(timeSeconds, delta);
    const shareDelta = this.shareOf(delta);
    const staffingTargets = this.staffingTargets;
    for (let i = 0; i < staffingTargets.length; i++)
      (staffingTargets[i] as TimeWeightedLevel).add(timeSeconds, shareDelta);
  }
}
