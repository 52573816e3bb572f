/**
 * Worker threads: the same four perf-mm50 replications run by the run command's own path
 * (runReplications) with --workers 1 (serially, in this thread) and with --workers 2 (two
 * worker threads, booted inside the timing, as a user's run boots them). Wall seconds: the
 * speed-up is what a user waits for. No warm-up for either: a command starts cold too.
 */
import { runReplications } from "../../src/cli/run/replications.ts";
import type { Scenario } from "../../src/scenario/index.ts";
import { measureCpuAsync } from "../measure.ts";
import type { BenchCase, BenchSize } from "../types.ts";
import { timeYardstick } from "../yardstick/timing.ts";
import { benchScenario, scaled } from "./scenario-runs.ts";

const REPLICATIONS = 4;
/** perf-mm50's horizon multiplier per replication: 1,000,000 jobs each (quick: 50,000). */
const SCALE: Readonly<Record<BenchSize, number>> = { full: 1, quick: 0.05 };

async function wallSecondsOf(scenario: Scenario, workers: number) {
  const { result, wallSeconds } = await measureCpuAsync(() =>
    runReplications(scenario, { traces: new Map(), workers }),
  );
  return { wallSeconds, jobs: result.reduce((sum, r) => sum + r.metrics.overall.arrived, 0) };
}

export const threadsCase: BenchCase = {
  name: "threads",
  description:
    "4 perf-mm50 replications on 2 worker threads vs 1 thread: 4 × 1,000,000 jobs (quick: 4 × 50,000)",
  async run(size) {
    const base = await benchScenario("bench/scenarios/perf-mm50.yaml");
    const scenario = { ...scaled(base, SCALE[size]), replications: REPLICATIONS };
    const loopJobsPerCpuSecond = timeYardstick();
    const serial = await wallSecondsOf(scenario, 1);
    const parallel = await wallSecondsOf(scenario, 2);
    if (serial.jobs !== parallel.jobs) {
      throw new Error(
        `1 and 2 threads simulated different jobs (${serial.jobs}, ${parallel.jobs})`,
      );
    }
    return {
      jobs: serial.jobs,
      serialWallSeconds: serial.wallSeconds,
      parallelWallSeconds: parallel.wallSeconds,
      loopJobsPerCpuSecond,
    };
  },
};
