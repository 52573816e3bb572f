/**
 * Whole-simulator benchmarks on the shipped 50-agent voice scenario (one replication, in this
 * thread): jobs per second of wall time, and peak memory for runs of one and ten million jobs,
 * which must stay flat (memory does not grow with the job count). The horizon is stretched to
 * reach the job count; everything else is the scenario as shipped.
 */
import { fileURLToPath } from "node:url";
import { loadScenario, type Scenario } from "../../src/scenario/index.ts";
import { runReplication } from "../../src/simulate.ts";
import type { BenchCase } from "../types.ts";

const scenarioPath = fileURLToPath(new URL("../../scenarios/voice-50.yaml", import.meta.url));
const scenario = await loadScenario(scenarioPath);
const ARRIVALS_PER_HOUR = 900;

function stretched(jobs: number): Scenario {
  return { ...scenario, horizonSeconds: (jobs / ARRIVALS_PER_HOUR) * 3600, warmupSeconds: 0 };
}

function simulateJobs(jobs: number): { operations: number; seconds: number } {
  runReplication(stretched(20_000), { replication: 1 }); // warm-up: let the JIT settle
  const started = process.hrtime.bigint();
  const result = runReplication(stretched(jobs), { replication: 0 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { operations: result.metrics.overall.arrived, seconds };
}

export const simulateVoice50: BenchCase = {
  name: "simulate-voice-50",
  description: "scenarios/voice-50.yaml, one replication of about 200,000 jobs",
  unit: "jobs/s",
  run: () => simulateJobs(200_000),
};

export const simulateOneMillion: BenchCase = {
  name: "memory-1m-jobs",
  description: "voice-50 stretched to about 1,000,000 jobs (peak RSS must match the 10M run)",
  unit: "jobs/s",
  run: () => simulateJobs(1_000_000),
};

export const simulateTenMillion: BenchCase = {
  name: "memory-10m-jobs",
  description: "voice-50 stretched to about 10,000,000 jobs (slow: run it by name)",
  unit: "jobs/s",
  optIn: true,
  run: () => simulateJobs(10_000_000),
};
