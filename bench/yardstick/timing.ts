/**
 * Times the yardstick loop (mm-loop.ts) on perf-mm50's model in this process: the figure every
 * ccsim case is divided by, measured just before the case so both see the same machine load.
 */
import { measureCpu } from "../measure.ts";
import { PERF_MM50, runMmcLoop } from "./mm-loop.ts";

const WARMUP_JOBS = 200_000;
const TIMED_JOBS = 1_000_000;
const TIMINGS = 3;

/** The loop's jobs per CPU second: the median of three timed runs after a warm-up. */
export function timeYardstick(): number {
  runMmcLoop({ ...PERF_MM50, jobs: WARMUP_JOBS, seed: 1 }); // let the JIT settle
  const rates: number[] = [];
  for (let timing = 0; timing < TIMINGS; timing++) {
    const { result, cpuSeconds } = measureCpu(() =>
      runMmcLoop({ ...PERF_MM50, jobs: TIMED_JOBS, seed: 2 + timing }),
    );
    rates.push(result.served / cpuSeconds);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(TIMINGS / 2)] as number;
}
