/**
 * Worker threads: the same four perf-mm50 replications run by the run command's own path
 * (runReplications) with --workers 1 (serially, in the main thread) and with --workers 2 (the
 * main thread and a worker thread, booted inside the timing, as a user's run boots it). Wall seconds: the
 * speed-up is what a user waits for. No warm-up for either: a command starts cold too. Each
 * runs in a plain-Node process on the compiled code (threads-child.mjs; dist/ is built first by
 * bench/run.ts when stale), so that the threads boot the compiled worker as a user's do.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { encodeExactJson } from "../../src/cli/run/exact-json.ts";
import type { BenchCase, BenchSize } from "../types.ts";
import { timeYardstick } from "../yardstick/timing.ts";
import { benchScenario, scaled } from "./scenario-runs.ts";

const REPLICATIONS = 4;
/** perf-mm50's horizon multiplier per replication: 1,000,000 jobs each (quick: 50,000). */
const SCALE: Readonly<Record<BenchSize, number>> = { full: 1, quick: 0.05 };

const CHILD = fileURLToPath(new URL("./threads-child.mjs", import.meta.url));

/** One run of `scenario`'s replications on `workers` threads, in a plain-Node process. */
function wallSecondsOf(scenarioFile: string, workers: number) {
  const output = execFileSync(process.execPath, [CHILD, scenarioFile, String(workers)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(output.trim()) as { wallSeconds: number; jobs: number };
}

export const threadsCase: BenchCase = {
  name: "threads",
  description:
    "4 perf-mm50 replications on 2 worker threads vs 1 thread: 4 × 1,000,000 jobs (quick: 4 × 50,000)",
  async run(size) {
    const base = await benchScenario("bench/scenarios/perf-mm50.yaml");
    const scenario = { ...scaled(base, SCALE[size]), replications: REPLICATIONS };
    const folder = mkdtempSync(join(tmpdir(), "ccsim-bench-threads-"));
    const scenarioFile = join(folder, "scenario.json");
    writeFileSync(scenarioFile, encodeExactJson(scenario));
    const loopJobsPerCpuSecond = timeYardstick();
    let serial: { wallSeconds: number; jobs: number };
    let parallel: { wallSeconds: number; jobs: number };
    try {
      serial = wallSecondsOf(scenarioFile, 1);
      parallel = wallSecondsOf(scenarioFile, 2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
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
