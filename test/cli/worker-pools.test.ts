/**
 * A command's worker threads: runs made under one set of pools share one pool per thread count
 * (threads boot once per command, not once per run) and give the same results as serial runs;
 * once the command's signal aborts, the pools are gone and a run is interrupted, not restarted.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import {
  type ReplicationPool,
  RunInterrupted,
  runReplications,
} from "../../src/cli/run/replications.ts";
import { openWorkerPools } from "../../src/cli/session/worker-pools.ts";
import { parseScenario } from "../../src/scenario/index.ts";

const FILE = "test/fixtures/staff/textbook-mmc.yaml";
/** Half an hour of the textbook queue, three replications: a second or two per run. */
const scenario = {
  ...parseScenario(readFileSync(FILE, "utf8"), FILE),
  horizonSeconds: 1800,
  warmupSeconds: 0,
  replications: 3,
};
const traces = new Map();
const abort = new AbortController();
const pools = openWorkerPools(abort.signal);
afterAll(() => pools.close());

/** Generous: two threads boot tsx on a loaded machine. */
const TIMEOUT_MS = 120_000;

describe("worker pools shared by a command's runs", () => {
  it(
    "run two scenarios on the same pool, with the serial results",
    async () => {
      const handed: ReplicationPool[] = [];
      const recording = (threads: number) => {
        const pool = pools.poolOf(threads);
        handed.push(pool);
        return pool;
      };
      const options = { traces, workers: 2, signal: abort.signal, pools: recording };
      const fewer = { ...scenario, workers: scenario.workers.map((g) => ({ ...g, count: 12 })) };
      const first = await runReplications(scenario, options);
      const second = await runReplications(fewer, options);
      expect(handed).toHaveLength(2);
      expect(handed[1]).toBe(handed[0]);
      // Two threads simulate: this one and one worker thread.
      expect(handed[0]?.threads).toBe(1);
      const serial = async (one: typeof scenario) =>
        JSON.stringify(await runReplications(one, { traces, workers: 1 }));
      expect(JSON.stringify(first)).toBe(await serial(scenario));
      expect(JSON.stringify(second)).toBe(await serial(fewer));
    },
    TIMEOUT_MS,
  );

  it(
    "are destroyed on abort, and a later run is interrupted instead of booting new threads",
    async () => {
      const pool = pools.poolOf(2);
      abort.abort();
      // The same destruction the abort started: it settles, and the pool takes no more work.
      await pool.destroy();
      expect(() => pools.poolOf(2)).toThrow(RunInterrupted);
      await expect(
        runReplications(scenario, {
          traces,
          workers: 2,
          signal: abort.signal,
          pools: pools.poolOf,
        }),
      ).rejects.toBeInstanceOf(RunInterrupted);
    },
    TIMEOUT_MS,
  );
});
