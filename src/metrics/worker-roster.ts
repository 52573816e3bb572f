/**
 * The workers seen in one replication, by the router's worker handle, in order of first
 * appearance, and the capacity holds their offers create. A worker is remembered for the whole
 * run (the count is bounded by the scenario's workers); one offered a job without a registration
 * seen gets zero capacity. Ids and registration details come from the router's read-only view,
 * once per worker or registration.
 */
import { objectArray } from "../collections/object-array.ts";
import type { RouterView } from "../router/events/observer.ts";
import type { HoldTable } from "./hold-table.ts";
import type { ScopeSet } from "./scope-set.ts";
import type { MeasurementWindow } from "./time-weighted-level.ts";
import type { WorkerRow } from "./types.ts";
import { WorkerTable, WorkerTally } from "./worker-tally.ts";

/** See the module header. */
export class WorkerRoster {
  /** Tallies by worker handle (holes for workers not seen). */
  private readonly byHandle: (WorkerTally | undefined)[] = [];
  /** Tallies in order of first appearance, the order of the rows. */
  private readonly seen: WorkerTally[] = objectArray();
  /** Every seen worker's counters and levels, a row each (see `WorkerTable`). */
  private readonly table = new WorkerTable();

  constructor(
    private readonly window: MeasurementWindow,
    private readonly scopes: ScopeSet,
    private readonly holds: HoldTable,
    /** The scenario's worker group of a worker id. */
    private readonly groupOfWorker: (workerId: string) => string,
    private readonly view: RouterView,
  ) {}

  /** Number of workers seen. */
  get size(): number {
    return this.seen.length;
  }

  /** The worker with this handle, created (unregistered, zero capacity) if not seen yet. */
  tally(worker: number): WorkerTally {
    let tally = this.byHandle[worker];
    if (tally === undefined) {
      const workerId = this.view.workerId(worker);
      tally = new WorkerTally(workerId, this.groupOfWorker(workerId), this.window, this.table);
      while (this.byHandle.length < worker) this.byHandle.push(undefined);
      this.byHandle[worker] = tally;
      this.seen.push(tally);
    }
    return tally;
  }

  /** A (re-)registration: capacity, channel costs and queues as the router gives them. */
  register(worker: number, timeSeconds: number): void {
    const details = this.view.worker(worker);
    const { capacity, staffing } = this.scopes.registrationTargets(details.queueAssignments);
    this.tally(worker).register(
      timeSeconds,
      details.capacity,
      details.channelConfigurations,
      capacity,
      staffing,
    );
  }

  /** A deregistration (the worker may go on draining its open jobs). */
  deregister(worker: number, timeSeconds: number): void {
    this.byHandle[worker]?.deregister(timeSeconds);
  }

  /**
   * A new hold: the capacity an offer of this channel from the scope queue `queueIndex` takes on
   * the worker.
   */
  hold(offer: number, worker: number, queueIndex: number, channelId: string): number {
    const tally = this.tally(worker);
    const cost = tally.capacityCost(channelId);
    return this.holds.add(offer, tally, queueIndex, cost);
  }

  /** Every worker's row, in order of first appearance. */
  rows(endSeconds: number): WorkerRow[] {
    return this.seen.map((worker) => worker.row(endSeconds));
  }
}
