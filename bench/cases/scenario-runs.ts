/**
 * Single-thread cases on the scenarios in bench/scenarios/ (and the shipped voice-50): one replication in this process
 * (`runReplication`, the library's own call), after a short warm-up run, timed in CPU seconds.
 * Each measures jobs (arrived), CPU seconds, peak RSS and the yardstick in the same process.
 */
import { fileURLToPath } from "node:url";
import { loadScenario, type Scenario } from "../../src/scenario/index.ts";
import { runReplication } from "../../src/simulate.ts";
import { measureCpu, peakRssMiB } from "../measure.ts";
import type { BenchCase, BenchSize, Measurement } from "../types.ts";
import { timeYardstick } from "../yardstick/timing.ts";

/** A scenario by its path from the repository's root. */
export async function benchScenario(path: string): Promise<Scenario> {
  return loadScenario(fileURLToPath(new URL(`../../${path}`, import.meta.url)));
}

/**
 * The scenario with its horizon multiplied by `scale` (about as many times the jobs) and no
 * warm-up, so that every job counts in `arrived`.
 */
export function scaled(scenario: Scenario, scale: number): Scenario {
  return { ...scenario, horizonSeconds: scenario.horizonSeconds * scale, warmupSeconds: 0 };
}

/**
 * Warm-up runs before the timed one: V8 takes about 100,000 perf-mm50 jobs to settle (a first
 * run of 50,000 runs at 40% of the steady rate, a second at 75%).
 */
export const WARMUP_RUNS = 2;

/** Jobs, CPU seconds and peak RSS of one replication of `scenario`, after warm-up runs. */
export function measureReplication(scenario: Scenario, warmupScale: number): Measurement {
  const loopJobsPerCpuSecond = timeYardstick();
  for (let run = 1; run <= WARMUP_RUNS; run++) {
    runReplication(scaled(scenario, warmupScale), { replication: run });
  }
  const { result, cpuSeconds, wallSeconds } = measureCpu(() =>
    runReplication(scenario, { replication: 0 }),
  );
  return {
    jobs: result.metrics.overall.arrived,
    cpuSeconds,
    wallSeconds,
    peakRssMiB: peakRssMiB(),
    loopJobsPerCpuSecond,
  };
}

interface ScenarioCaseSpec {
  readonly name: string;
  readonly description: string;
  readonly file: string;
  /** Horizon multipliers: the measured run at each size, and the warm-up run. */
  readonly scale: Readonly<Record<BenchSize, number>>;
  readonly warmupScale: number;
  readonly optIn?: boolean;
  readonly needs?: readonly string[];
}

function scenarioCase(spec: ScenarioCaseSpec): BenchCase {
  return {
    name: spec.name,
    description: spec.description,
    ...(spec.optIn === undefined ? {} : { optIn: spec.optIn }),
    ...(spec.needs === undefined ? {} : { needs: spec.needs }),
    async run(size) {
      const scenario = scaled(await benchScenario(spec.file), spec.scale[size]);
      return measureReplication(scenario, spec.warmupScale);
    },
  };
}

export const perfMm50 = scenarioCase({
  name: "perf-mm50",
  description: "M/M/50 at 90% load, longest idle, full offers: 1,000,000 jobs (quick: 50,000)",
  file: "bench/scenarios/perf-mm50.yaml",
  scale: { full: 1, quick: 0.05 },
  warmupScale: 0.05,
});

export const workers2000 = scenarioCase({
  name: "workers-2000",
  description: "2,000 workers, selectors, best worker, 90% load: 100,000 jobs (quick: 10,000)",
  file: "bench/scenarios/workers-2000.yaml",
  scale: { full: 1, quick: 0.1 },
  warmupScale: 0.05,
});

export const overload = scenarioCase({
  name: "overload",
  description: "130% load for 4 h, queue past 20,000 jobs with abandonment (quick: 30 min)",
  file: "bench/scenarios/overload.yaml",
  scale: { full: 1, quick: 0.125 },
  warmupScale: 0.05,
  needs: ["perf-mm50"],
});

export const skewedSkills = scenarioCase({
  name: "skewed-skills",
  description: "freed skill-b workers facing a backlog of skill-a jobs, 4 h (quick: 1 h)",
  file: "bench/scenarios/skewed-skills.yaml",
  scale: { full: 1, quick: 0.25 },
  // Two warm-up runs of the full 26,400 jobs, as many as perf-mm50's warm-up: with a tenth,
  // the timed run still paid the JIT for the skewed paths (12 µs a job, then 4.6-5.5 µs), so
  // the ratio compared a cold case with a settled one.
  warmupScale: 1,
  needs: ["perf-mm50"],
});

export const rss10m = scenarioCase({
  name: "rss-10m",
  description: "perf-mm50 stretched to 10,000,000 jobs: peak memory (slow: run it by name)",
  file: "bench/scenarios/perf-mm50.yaml",
  scale: { full: 10, quick: 0.5 },
  warmupScale: 0.05,
  optIn: true,
});

export const voice50 = scenarioCase({
  name: "simulate-voice-50",
  description: "scenarios/voice-50.yaml stretched to about 200,000 jobs (quick: 20,000)",
  file: "scenarios/voice-50.yaml",
  scale: { full: 200_000 / 7_200, quick: 20_000 / 7_200 },
  warmupScale: 1,
});
