/**
 * `--events`: perf-mm50 with its events.jsonl written, through the run command's own path
 * (runReplications in this thread with an events file, as `ccsim run --events --workers 1`
 * does), into a temporary folder that is removed afterwards. CPU seconds, after a warm-up.
 * Each run writes a new file, as the command does (a temporary name of its own): rewriting the
 * warm-up's file would time freeing its pages, and ext4 writes a truncated-then-rewritten file
 * back to disk when it is closed.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runReplications } from "../../src/cli/run/replications.ts";
import type { Scenario } from "../../src/scenario/index.ts";
import { measureCpuAsync } from "../measure.ts";
import type { BenchCase, BenchSize } from "../types.ts";
import { timeYardstick } from "../yardstick/timing.ts";
import { benchScenario, scaled, WARMUP_RUNS } from "./scenario-runs.ts";

/** perf-mm50's horizon multiplier: about 300,000 jobs (quick: 20,000). */
const SCALE: Readonly<Record<BenchSize, number>> = { full: 0.3, quick: 0.02 };

async function runWithEvents(scenario: Scenario, eventsPath: string) {
  const results = await runReplications(scenario, { traces: new Map(), workers: 1, eventsPath });
  return results.reduce((sum, result) => sum + result.metrics.overall.arrived, 0);
}

export const eventsCase: BenchCase = {
  name: "events",
  description: "perf-mm50 writing events.jsonl to a temporary file: 300,000 jobs (quick: 20,000)",
  async run(size) {
    const scenario = await benchScenario("bench/scenarios/perf-mm50.yaml");
    const folder = mkdtempSync(join(tmpdir(), "ccsim-bench-events-"));
    try {
      const eventsPath = join(folder, "events.jsonl");
      const loopJobsPerCpuSecond = timeYardstick();
      for (let run = 1; run <= WARMUP_RUNS; run++) {
        const warmupPath = join(folder, `warm-up-${run}.jsonl`);
        await runWithEvents(scaled(scenario, 0.03), warmupPath); // let the JIT settle
        rmSync(warmupPath);
      }
      const { result: jobs, cpuSeconds } = await measureCpuAsync(() =>
        runWithEvents(scaled(scenario, SCALE[size]), eventsPath),
      );
      const eventsMiB = statSync(eventsPath).size / 2 ** 20;
      return { jobs, cpuSeconds, eventsMiB, loopJobsPerCpuSecond };
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
