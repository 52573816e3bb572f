/**
 * A parallel run starts its pool's threads before this thread simulates: while this thread
 * simulates, an import (piscina's) advances only at its yields, between slices, and the first
 * slices of a cold replication are the slowest, so the worker threads started 0.4-0.9 s late
 * (docs/bench.md). The pools here are stand-ins that run their tasks in this thread once
 * `started` settles, which the test controls.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runReplicationTask } from "../../src/cli/run/replication-task.ts";
import { type ReplicationPool, runReplications } from "../../src/cli/run/replications.ts";
import { parseScenario } from "../../src/scenario/index.ts";

const FILE = "test/fixtures/staff/textbook-mmc.yaml";
/** A minute of the textbook queue: each replication ends within its first slice. */
const scenario = {
  ...parseScenario(readFileSync(FILE, "utf8"), FILE),
  horizonSeconds: 60,
  warmupSeconds: 0,
  replications: 2,
};
const traces = new Map();

/** A pool whose threads start when the test says so, and run their tasks in this thread. */
function poolStartingOnCue(): { pool: ReplicationPool; start: () => void; fail: () => void } {
  let start = () => {};
  let fail = () => {};
  const started = new Promise<void>((resolve, reject) => {
    start = resolve;
    fail = () => reject(new Error("the threads did not start"));
  });
  const pool: ReplicationPool = {
    threads: 1,
    started,
    run: async (task) => {
      await started;
      return runReplicationTask(task);
    },
    destroy: async () => {},
  };
  return { pool, start, fail };
}

/** Lets the event loop turn for `ms`: time enough for a replication of `scenario` to end. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a parallel run's start", () => {
  it("simulates nothing in this thread until the pool's threads are started", async () => {
    const { pool, start } = poolStartingOnCue();
    const done: number[] = [];
    const run = runReplications(scenario, {
      traces,
      workers: 2,
      pools: () => pool,
      onProgress: (fraction) => done.push(fraction),
    });
    await pause(200);
    expect(done).toEqual([]);
    start();
    const results = await run;
    expect(done).toEqual([0.5, 1]);
    const serial = await runReplications(scenario, { traces, workers: 1 });
    expect(JSON.stringify(results)).toBe(JSON.stringify(serial));
  });

  it("fails with the pool's error when its threads cannot start", async () => {
    const { pool, fail } = poolStartingOnCue();
    const run = runReplications(scenario, { traces, workers: 2, pools: () => pool });
    fail();
    await expect(run).rejects.toThrow("the threads did not start");
  });
});
