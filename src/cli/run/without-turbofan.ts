/**
 * Drawing charts with V8's optimizing compiler (TurboFan) switched off. Drawing is short work
 * spread over thousands of vega and vega-lite functions, each run a few times per chart: V8
 * still marks hundreds of them hot and compiles them on background threads, and that compiling
 * cost more CPU than the optimized code saved. Without it, `ccsim run scenarios/quickstart.yaml`
 * took 0.38 s of CPU instead of 0.52 s (docs/bench.md). Chart data are aggregates (intervals,
 * percentiles), not one point per job, so drawing stays short however long the run.
 *
 * V8's flags are the process's: they are switched only while drawing, when no simulation runs
 * (the commands draw after their replications, on the main thread), and switched back after.
 * Which compiler runs changes no result: the same functions compute the same values.
 */
import { setFlagsFromString } from "node:v8";

/** Draws in progress: TurboFan comes back when the last one ends. */
let drawing = 0;

/**
 * True when the user tuned V8's compilers (`node --no-opt`, NODE_OPTIONS="--maglev", …): ccsim
 * then leaves the flags as given, since it could not tell what to switch them back to.
 */
export function userTunedCompilers(execArgv: readonly string[], nodeOptions: string): boolean {
  return /--(no-)?(opt|turbofan|maglev)\b/.test([...execArgv, nodeOptions].join(" "));
}

const leaveFlags = userTunedCompilers(process.execArgv, process.env.NODE_OPTIONS ?? "");

/** `work()` with TurboFan off (unless the user tuned the compilers): its result or its error. */
export async function withoutTurbofan<T>(work: () => Promise<T>): Promise<T> {
  if (leaveFlags) return work();
  if (drawing++ === 0) setFlagsFromString("--no-turbofan");
  try {
    return await work();
  } finally {
    if (--drawing === 0) setFlagsFromString("--turbofan");
  }
}
