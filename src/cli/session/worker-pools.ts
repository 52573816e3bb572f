/**
 * A command's worker threads: one pool per thread count, booted at the command's first parallel
 * run and kept for the next ones (staff's counts and days, sweep's points, compare's variants,
 * check's scenarios), so threads boot once per command. Destroyed when the command's work ends,
 * and at once on its abort signal (Ctrl-C), before piscina would replace the cancelled threads.
 */
import {
  createReplicationPool,
  type ReplicationPool,
  RunInterrupted,
} from "../run/replications.ts";

/** The pools of one command, tied to its abort signal. */
export class WorkerPools {
  private readonly pools = new Map<number, ReplicationPool>();
  private closed = false;

  constructor(private readonly signal: AbortSignal) {
    // Registered before any task is run with this signal, so it runs before piscina's own.
    signal.addEventListener("abort", () => void this.close(), { once: true });
  }

  /** The pool of `threads` threads, booted on first use. */
  readonly poolOf = (threads: number): ReplicationPool => {
    if (this.closed || this.signal.aborted) throw new RunInterrupted("interrupted");
    let pool = this.pools.get(threads);
    if (pool === undefined) {
      pool = createReplicationPool(threads);
      this.pools.set(threads, pool);
    }
    return pool;
  };

  /** Destroys every pool; no pool is booted after. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.pools.values()].map((pool) => pool.destroy()));
  }
}

const POOLS_BY_SIGNAL = new WeakMap<AbortSignal, WorkerPools>();

/** Opens the pools of the command whose work `signal` aborts (see interruptible). */
export function openWorkerPools(signal: AbortSignal): WorkerPools {
  const pools = new WorkerPools(signal);
  POOLS_BY_SIGNAL.set(signal, pools);
  return pools;
}

/** The pools opened for `signal`, if any: where simulateScenario takes its threads. */
export function workerPoolsOf(signal: AbortSignal): WorkerPools | undefined {
  return POOLS_BY_SIGNAL.get(signal);
}
