/**
 * Runs a memory probe script in a child Node with --expose-gc (so it can collect garbage before
 * measuring the heap) and returns the JSON it prints. Memory tests measure in a fresh process so
 * that nothing else in the test run shares their heap.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Runs `probeUrl` (a TypeScript file) with `jobCount` as its argument; parses its output. */
export function runGcProbe<T>(probeUrl: URL, jobCount: number): T {
  const output = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", fileURLToPath(probeUrl), String(jobCount)],
    { encoding: "utf8" },
  );
  return JSON.parse(output) as T;
}
