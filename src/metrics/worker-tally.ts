/**
 * One worker from the event stream: registration, capacity held, offer counts, busy time.
 * Registered capacity counts in full while registered; once it deregisters with jobs still open
 * (draining) only the capacity it still holds counts, so utilization never exceeds 1. The same
 * contribution, as a share of the worker's capacity, is its staffing in each of its queues.
 */
import type { ChannelConfiguration } from "../router/entities.ts";
import { increment, ratio } from "./scope-accumulator.ts";
import { type MeasurementWindow, TimeWeightedLevel } from "./time-weighted-level.ts";
import type { WorkerRow } from "./types.ts";

/** Index of each per-worker counter. */
export const WorkerCounter = {
  offersReceived: 0,
  offersAccepted: 1,
  offersDeclined: 2,
  offersExpired: 3,
  offersRevoked: 4,
  jobsHandled: 5,
} as const;

const NO_TARGETS: readonly TimeWeightedLevel[] = [];

/** See the module header. */
export class WorkerTally {
  readonly counts = new Float64Array(6);
  totalCapacity = 0;
  private channelConfigurations: readonly ChannelConfiguration[] = [];
  /** The channel last asked about and its cost: a worker's offers are mostly of one channel. */
  private lastChannelId: string | null = null;
  private lastChannelCost = 0;
  private registered = false;
  /** Offers and assignments currently holding capacity. */
  private heldJobs = 0;
  private readonly inUse: TimeWeightedLevel;
  private readonly contribution: TimeWeightedLevel;
  private readonly busy: TimeWeightedLevel;
  /**
   * While every change of `busy` was also the same change of `inUse` at the same time (a worker
   * of capacity 1 taking jobs of cost 1), `busy` is not updated: its state is `inUse`'s, copied
   * when read or when a change first differs. Exact: a level's state depends only on its changes.
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
    window: MeasurementWindow,
  ) {
    this.inUse = new TimeWeightedLevel(window, false);
    this.contribution = new TimeWeightedLevel(window, false);
    this.busy = new TimeWeightedLevel(window, false);
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
    this.applyContribution(timeSeconds, this.inUse.level);
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
    const inUse = this.inUse;
    const delta = sign * cost;
    this.heldJobs += sign;
    const busyNow = this.heldJobs > 0 ? 1 : 0;
    if (this.busyFollowsInUse) {
      // `busy`'s level is `inUse`'s before this change; it would change by busyNow − that.
      const busyDelta = busyNow - inUse.level;
      if (busyDelta !== delta || busyDelta === 0) {
        this.busy.copyFrom(inUse);
        this.busyFollowsInUse = false;
        if (busyDelta !== 0) this.busy.add(timeSeconds, busyDelta);
      }
    } else if (busyNow !== this.busy.level) {
      this.busy.add(timeSeconds, busyNow - this.busy.level);
    }
    inUse.add(timeSeconds, delta);
    if (!this.registered) this.applyContribution(timeSeconds, inUse.level);
  }

  /** Counts one event of this worker. */
  count(counter: number): void {
    increment(this.counts, counter, 1);
  }

  /** The worker's row, after every level was advanced to the end of the run. */
  row(endSeconds: number): WorkerRow {
    if (this.busyFollowsInUse) {
      this.busy.copyFrom(this.inUse);
      this.busyFollowsInUse = false;
    }
    this.inUse.advance(endSeconds);
    this.contribution.advance(endSeconds);
    this.busy.advance(endSeconds);
    const at = (counter: number): number => this.counts[counter] as number;
    return {
      workerId: this.workerId,
      group: this.group,
      offersReceived: at(WorkerCounter.offersReceived),
      offersAccepted: at(WorkerCounter.offersAccepted),
      offersDeclined: at(WorkerCounter.offersDeclined),
      offersExpired: at(WorkerCounter.offersExpired),
      offersRevoked: at(WorkerCounter.offersRevoked),
      jobsHandled: at(WorkerCounter.jobsHandled),
      busySeconds: this.busy.integral,
      utilization: ratio(this.inUse.integral, this.contribution.integral),
    };
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
