/**
 * Runs a memory probe script in a child Node with --expose-gc (so it can collect garbage before
 * measuring the heap) and returns the JSON it prints. Memory tests measure in a fresh process so
 * that nothing else in the test run shares their heap.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * A probe that has not printed within this time is stuck: it is killed and the test fails. The
 * largest probe takes seconds unloaded; the test itself cannot time out while it waits here.
 */
const PROBE_TIMEOUT_MILLISECONDS = 300_000;

/** Runs `probeUrl` (a TypeScript file) with `jobCount` as its argument; parses its output. */
export function runGcProbe<T>(probeUrl: URL, jobCount: number): T {
  const output = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", fileURLToPath(probeUrl), String(jobCount)],
    { encoding: "utf8", timeout: PROBE_TIMEOUT_MILLISECONDS },
  );
  return JSON.parse(output) as T;
}
