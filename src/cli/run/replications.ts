/**
 * Runs a scenario's replications, serially in this thread or in parallel on worker threads
 * (piscina), with identical results either way: each replication depends only on (seed,
 * replication index), and results are returned in replication order. Tasks are made one at a
 * time as a thread frees up (a huge --replications must not build millions of tasks up front).
 * Progress is reported as the fraction done; an abort signal stops the run between chunks
 * (serial) or cancels the outstanding tasks (parallel). A shard runs only some of the indices.
 */
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { ScenarioRunError, type ScenarioRunProblem } from "../../errors.ts";
import type { Scenario, TraceArrivals } from "../../scenario/index.ts";
import type { ReplicationResult } from "../../simulate.ts";
import { type ReplicationTask, runReplicationTask } from "./replication-task.ts";
import { replicationWorkerFile } from "./replication-worker-file.ts";

/** How to run the replications. */
export interface ReplicationRunOptions {
  readonly traces: ReadonlyMap<string, TraceArrivals>;
  /** Worker threads; 1 runs everything in this thread. Default: the number of cores. */
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

async function runSerially(
  scenario: Scenario,
  indices: Indices,
  options: ReplicationRunOptions,
): Promise<ReplicationResult[]> {
  const count = indices.count;
  const results: ReplicationResult[] = [];
  let lastYield = performance.now();
  // Yield to the event loop now and then, so a Ctrl-C handler gets to run; true = carry on.
  const carryOn = async (): Promise<boolean> => {
    if (performance.now() - lastYield > 50) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
    return options.signal?.aborted !== true;
  };
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

async function runInParallel(
  scenario: Scenario,
  indices: Indices,
  workers: number,
  options: ReplicationRunOptions,
): Promise<ReplicationResult[]> {
  const pool = new Piscina({
    filename: replicationWorkerFile(),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 100,
  });
  // On Ctrl-C, destroy the pool before piscina sees the abort: piscina would otherwise replace
  // each cancelled thread with a new one (minThreads), and wait for it to boot before exiting.
  let destroyed: Promise<void> | null = null;
  const destroyPool = () => {
    destroyed ??= pool.destroy();
    return destroyed;
  };
  options.signal?.addEventListener("abort", destroyPool, { once: true });
  const count = indices.count;
  const results: ReplicationResult[] = [];
  const runOptions = options.signal === undefined ? {} : { signal: options.signal };
  let next = 0;
  let done = 0;
  let failed = false;
  // One loop per thread, each taking the next replication when its previous one is done.
  const feed = async () => {
    while (!failed && next < count) {
      const position = next++;
      const task = taskOf(scenario, options, indices.at(position));
      const result = (await pool.run(task, runOptions)) as
        | ReplicationResult
        | { scenarioRunProblems: ScenarioRunProblem[] }
        | null;
      if (result === null) throw new RunInterrupted("interrupted");
      if ("scenarioRunProblems" in result) throw new ScenarioRunError(result.scenarioRunProblems);
      results[position] = result;
      options.onProgress?.(++done / count);
    }
  };
  try {
    await Promise.all(
      Array.from({ length: workers }, () =>
        feed().catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );
    return results;
  } catch (error) {
    if (options.signal?.aborted === true) throw new RunInterrupted("interrupted");
    throw error;
  } finally {
    options.signal?.removeEventListener("abort", destroyPool);
    await destroyPool();
  }
}
