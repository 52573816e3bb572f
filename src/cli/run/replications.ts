/**
 * Runs a scenario's replications, serially in this thread or in parallel on this thread and
 * worker threads (piscina), with identical results either way: each replication depends only on (seed,
 * replication index), and results are returned in replication order. Tasks are made one at a
 * time as a thread frees up (a huge --replications must not build millions of tasks up front).
 * Progress is reported as the fraction done; an abort signal stops the run between chunks
 * (serial) or cancels the outstanding tasks (parallel). A shard runs only some of the indices.
 * Threads come from the caller's pools when given (a command keeps them between runs).
 */
import { availableParallelism } from "node:os";
import { ScenarioRunError, type ScenarioRunProblem } from "../../errors.ts";
import type { Scenario, TraceArrivals } from "../../scenario/index.ts";
import type { ReplicationResult } from "../../simulate.ts";
import { type ReplicationTask, runReplicationTask } from "./replication-task.ts";
import { replicationWorkerFile } from "./replication-worker-file.ts";

/** How to run the replications. */
export interface ReplicationRunOptions {
  readonly traces: ReadonlyMap<string, TraceArrivals>;
  /**
   * Threads that simulate: this one and `workers - 1` worker threads; 1 runs everything in this
   * thread. Default: the number of cores.
   */
  readonly workers?: number;
  readonly checkInvariants?: boolean;
  /** The file to write replication 0's events to, as is (give a temporary name), if any. */
  readonly eventsPath?: string;
  readonly onProgress?: (fractionDone: number) => void;
  readonly signal?: AbortSignal;
  /**
   * The replication indices to run, ascending (a shard's); default every one of the scenario's.
   * Each runs with its true index, so its result is the same as in a run of them all.
   */
  readonly only?: readonly number[];
  /**
   * Where a parallel run takes its threads: a pool of `threads` the caller keeps (and destroys,
   * at once on abort). Without it, the run boots a pool of its own and destroys it at the end.
   */
  readonly pools?: (threads: number) => ReplicationPool;
}

/** Worker threads that run replication tasks. */
export interface ReplicationPool {
  readonly threads: number;
  /**
   * Settles once the threads are started (piscina loaded, the pool made; they then boot on
   * their own); rejects if they cannot be. Until then, a run's tasks wait in this thread.
   */
  readonly started: Promise<void>;
  /** Runs one task on a free thread; cancelled (rejected) when `signal` aborts. */
  readonly run: (task: ReplicationTask, signal?: AbortSignal) => Promise<unknown>;
  /** Stops every thread; the same promise every time. */
  readonly destroy: () => Promise<void>;
}

/**
 * A pool of `threads` worker threads running the replication worker (compiled or sources:
 * replication-worker-file.ts). Piscina is loaded here, on the first pool: a command that runs
 * in its own thread (one replication, --workers 1) never loads it (about 40 ms of CPU).
 */
export function createReplicationPool(threads: number): ReplicationPool {
  const pool = import("piscina").then(
    ({ Piscina }) =>
      new Piscina({
        filename: replicationWorkerFile(),
        minThreads: threads,
        maxThreads: threads,
        idleTimeout: 100,
      }),
  );
  let destroyed: Promise<void> | null = null;
  const started = pool.then(() => undefined);
  // A failure is the run's to report (its tasks fail with it), not an unhandled rejection here.
  started.catch(() => undefined);
  return {
    threads,
    started,
    run: async (task, signal) => (await pool).run(task, signal === undefined ? {} : { signal }),
    destroy: () => {
      destroyed ??= pool.then((booted) => booted.destroy());
      return destroyed;
    },
  };
}

/** The run was stopped by its abort signal; nothing was produced. */
export class RunInterrupted extends Error {
  override readonly name = "RunInterrupted";
}

/** The default number of worker threads. */
export function defaultWorkerCount(): number {
  return availableParallelism();
}

function taskOf(
  scenario: Scenario,
  options: ReplicationRunOptions,
  replication: number,
): ReplicationTask {
  return {
    scenario,
    traces: options.traces,
    replication,
    checkInvariants: options.checkInvariants === true,
    ...(replication === 0 && options.eventsPath !== undefined
      ? { eventsPath: options.eventsPath }
      : {}),
  };
}

/** The replications to run: how many, and the index of the one at each position. */
interface Indices {
  readonly count: number;
  readonly at: (position: number) => number;
}

/** Runs every replication (or those of `options.only`); results in replication order. */
export async function runReplications(
  scenario: Scenario,
  options: ReplicationRunOptions,
): Promise<ReplicationResult[]> {
  // Without `only`, position p is replication p: no list of millions of indices up front.
  const indices: Indices = {
    count: options.only?.length ?? scenario.replications,
    at: (position) => options.only?.[position] ?? position,
  };
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkerCount(), indices.count));
  return workers === 1
    ? runSerially(scenario, indices, options)
    : runInParallel(scenario, indices, workers, options);
}

/**
 * A check for this thread's replications, between slices: yields to the event loop when
 * `everyMs` have passed since the last yield (so a Ctrl-C handler, and the messages of worker
 * threads, get their turn), and says whether to carry on (not when `stop` says so).
 */
function yieldingCheck(everyMs: number, stop: () => boolean): () => Promise<boolean> {
  let lastYield = performance.now();
  return async () => {
    if (performance.now() - lastYield > everyMs) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
    return !stop();
  };
}

async function runSerially(
  scenario: Scenario,
  indices: Indices,
  options: ReplicationRunOptions,
): Promise<ReplicationResult[]> {
  const count = indices.count;
  const results: ReplicationResult[] = [];
  // Yield to the event loop now and then, so a Ctrl-C handler gets to run; true = carry on.
  const carryOn = yieldingCheck(50, () => options.signal?.aborted === true);
  for (let position = 0; position < count; position++) {
    const task = taskOf(scenario, options, indices.at(position));
    const result = await runReplicationTask(task, (progress) => {
      options.onProgress?.((results.length + progress) / count);
      return carryOn();
    });
    // A replication that ends within its first chunk never asks: ask between replications too.
    if (result === null || !(await carryOn())) throw new RunInterrupted("interrupted");
    results.push(result);
    options.onProgress?.(results.length / count);
  }
  return results;
}

/**
 * `workers` threads run the replications: this one and `workers - 1` worker threads, each taking
 * the next replication when its previous one is done. This thread would only wait otherwise,
 * and it needs no booting (a worker thread's boot is some 0.05-0.1 s of CPU, on the way of its
 * first replication); between slices it yields often, so that the worker threads' results are
 * taken and their next tasks sent without delay, and Ctrl-C is seen. It starts simulating only
 * once the pool has started its threads: loading piscina is this thread's work, and while it
 * simulates, an import advances one step per yield (the threads started 0.4-0.9 s late).
 */
async function runInParallel(
  scenario: Scenario,
  indices: Indices,
  workers: number,
  options: ReplicationRunOptions,
): Promise<ReplicationResult[]> {
  const own = options.pools === undefined;
  const threads = workers - 1;
  const pool = options.pools?.(threads) ?? createReplicationPool(threads);
  // On Ctrl-C, destroy the pool before piscina sees the abort: piscina would otherwise replace
  // each cancelled thread with a new one (minThreads), and wait for it to boot before exiting.
  // (A caller's pools are the caller's to destroy, which it does on the same abort.)
  const destroyPool = () => pool.destroy();
  if (own) options.signal?.addEventListener("abort", destroyPool, { once: true });
  const count = indices.count;
  const results: ReplicationResult[] = [];
  let next = 0;
  let done = 0;
  let failed = false;
  // A failed or aborted run stops this thread's replication too, at its next slice.
  const carryOn = yieldingCheck(5, () => failed || options.signal?.aborted === true);
  // One loop per thread, each taking the next replication when its previous one is done.
  const feed = (runOne: (task: ReplicationTask) => Promise<ReplicationResult>) => async () => {
    while (!failed && next < count) {
      const position = next++;
      results[position] = await runOne(taskOf(scenario, options, indices.at(position)));
      options.onProgress?.(++done / count);
    }
  };
  // A pool that cannot start fails the threads' loops, and so the run: here, only wait.
  const poolStarted = pool.started.catch(() => undefined);
  const runHere = async (task: ReplicationTask): Promise<ReplicationResult> => {
    await poolStarted;
    const result = await runReplicationTask(task, carryOn);
    if (result === null || !(await carryOn())) throw new RunInterrupted("interrupted");
    return result;
  };
  const runOnThread = async (task: ReplicationTask): Promise<ReplicationResult> => {
    const result = (await pool.run(task, options.signal)) as
      | ReplicationResult
      | { scenarioRunProblems: ScenarioRunProblem[] }
      | null;
    if (result === null) throw new RunInterrupted("interrupted");
    if ("scenarioRunProblems" in result) throw new ScenarioRunError(result.scenarioRunProblems);
    return result;
  };
  try {
    // The threads' loops first: their first tasks go out before this thread starts its own.
    const feeds = [...Array.from({ length: threads }, () => feed(runOnThread)), feed(runHere)];
    const loops = feeds.map((runLoop) =>
      runLoop().catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    );
    // A failed run ends at once when its pool dies with it; a pool that outlives the run first
    // sees the run's last tasks done, so that none of them is left behind in it.
    await (own ? Promise.all(loops) : allSettledOrThrow(loops));
    return results;
  } catch (error) {
    if (options.signal?.aborted === true) throw new RunInterrupted("interrupted");
    throw error;
  } finally {
    if (own) {
      options.signal?.removeEventListener("abort", destroyPool);
      await destroyPool();
    }
  }
}

/** Waits for every promise; then throws the first rejection, if any. */
async function allSettledOrThrow(promises: readonly Promise<unknown>[]): Promise<void> {
  const settled = await Promise.allSettled(promises);
  const rejected = settled.find((one) => one.status === "rejected");
  if (rejected !== undefined) throw rejected.reason;
}
