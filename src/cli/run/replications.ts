/**
 * Runs a scenario's replications, serially in this thread or in parallel on worker threads
 * (piscina), with identical results either way: each replication depends only on (seed,
 * replication index), and results are returned in replication order. Progress is reported as
 * the fraction done; an abort signal stops the run between chunks (serial) or cancels the
 * outstanding tasks (parallel).
 */
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { Scenario, TraceArrivals } from "../../scenario/index.ts";
import type { ReplicationResult } from "../../simulate.ts";
import { type ReplicationTask, runReplicationTask } from "./replication-task.ts";

/** How to run the replications. */
export interface ReplicationRunOptions {
  readonly traces: ReadonlyMap<string, TraceArrivals>;
  /** Worker threads; 1 runs everything in this thread. Default: the number of cores. */
  readonly workers?: number;
  readonly checkInvariants?: boolean;
  /** Where to write replication 0's events, if anywhere. */
  readonly eventsPath?: string;
  readonly onProgress?: (fractionDone: number) => void;
  readonly signal?: AbortSignal;
}

/** The run was stopped by its abort signal; nothing was produced. */
export class RunInterrupted extends Error {
  override readonly name = "RunInterrupted";
}

/** The default number of worker threads. */
export function defaultWorkerCount(): number {
  return availableParallelism();
}

function tasksOf(scenario: Scenario, options: ReplicationRunOptions): ReplicationTask[] {
  return Array.from({ length: scenario.replications }, (_, replication) => ({
    scenario,
    traces: options.traces,
    replication,
    checkInvariants: options.checkInvariants === true,
    ...(replication === 0 && options.eventsPath !== undefined
      ? { eventsPath: options.eventsPath }
      : {}),
  }));
}

/** Runs every replication; results in replication order. */
export async function runReplications(
  scenario: Scenario,
  options: ReplicationRunOptions,
): Promise<ReplicationResult[]> {
  const workers = Math.max(
    1,
    Math.min(options.workers ?? defaultWorkerCount(), scenario.replications),
  );
  const tasks = tasksOf(scenario, options);
  return workers === 1 ? runSerially(tasks, options) : runInParallel(tasks, workers, options);
}

async function runSerially(
  tasks: ReplicationTask[],
  options: ReplicationRunOptions,
): Promise<ReplicationResult[]> {
  const results: ReplicationResult[] = [];
  let lastYield = performance.now();
  for (const task of tasks) {
    const result = await runReplicationTask(task, async (progress) => {
      options.onProgress?.((results.length + progress) / tasks.length);
      // Yield to the event loop now and then, so a Ctrl-C handler gets to run.
      if (performance.now() - lastYield > 50) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
      return options.signal?.aborted !== true;
    });
    if (result === null) throw new RunInterrupted("interrupted");
    results.push(result);
    options.onProgress?.(results.length / tasks.length);
  }
  return results;
}

async function runInParallel(
  tasks: ReplicationTask[],
  workers: number,
  options: ReplicationRunOptions,
): Promise<ReplicationResult[]> {
  const pool = new Piscina({
    filename: new URL("./replication-worker.mjs", import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 100,
  });
  let done = 0;
  try {
    return await Promise.all(
      tasks.map(async (task) => {
        const result = (await pool.run(
          task,
          options.signal === undefined ? {} : { signal: options.signal },
        )) as ReplicationResult | null;
        if (result === null) throw new RunInterrupted("interrupted");
        options.onProgress?.(++done / tasks.length);
        return result;
      }),
    );
  } catch (error) {
    if (options.signal?.aborted === true) throw new RunInterrupted("interrupted");
    throw error;
  } finally {
    await pool.destroy();
  }
}
