/**
 * The workers seen in one replication, by id, in order of first appearance, and the capacity
 * holds their offers create. A worker is remembered for the whole run (the count is bounded by
 * the scenario's workers); one offered a job without a registration seen gets zero capacity.
 */
import type { RouterWorkerRegistered } from "../router/events.ts";
import type { HoldTable } from "./hold-table.ts";
import type { ScopeSet } from "./scope-set.ts";
import type { MeasurementWindow } from "./time-weighted-level.ts";
import type { WorkerRow } from "./types.ts";
import { WorkerTally } from "./worker-tally.ts";

/** See the module header. */
export class WorkerRoster {
  private readonly workers = new Map<string, WorkerTally>();

  constructor(
    private readonly window: MeasurementWindow,
    private readonly scopes: ScopeSet,
    private readonly holds: HoldTable,
    /** The scenario's worker group of a worker id. */
    private readonly groupOfWorker: (workerId: string) => string,
  ) {}

  /** Number of workers seen. */
  get size(): number {
    return this.workers.size;
  }

  /** The worker with this id, created (unregistered, zero capacity) if not seen yet. */
  tally(workerId: string): WorkerTally {
    let worker = this.workers.get(workerId);
    if (worker === undefined) {
      worker = new WorkerTally(workerId, this.groupOfWorker(workerId), this.window);
      this.workers.set(workerId, worker);
    }
    return worker;
  }

  /** A (re-)registration: capacity, channel costs and queues as the event gives them. */
  register(event: RouterWorkerRegistered): void {
    const { capacity, staffing } = this.scopes.registrationTargets(event.queueAssignments);
    this.tally(event.workerId).register(
      event.timeSeconds,
      event.totalCapacity,
      event.channelConfigurations,
      capacity,
      staffing,
    );
  }

  /** A deregistration (the worker may go on draining its open jobs). */
  deregister(workerId: string, timeSeconds: number): void {
    this.workers.get(workerId)?.deregister(timeSeconds);
  }

  /** A new hold: the capacity an offer of this channel from this queue takes on the worker. */
  hold(offerId: string, workerId: string, queueId: string, channelId: string): number {
    const worker = this.tally(workerId);
    const cost = worker.capacityCost(channelId);
    return this.holds.add(offerId, worker, this.scopes.queueIndex(queueId), cost);
  }

  /** Every worker's row, in order of first appearance. */
  rows(endSeconds: number): WorkerRow[] {
    return [...this.workers.values()].map((worker) => worker.row(endSeconds));
  }
}
