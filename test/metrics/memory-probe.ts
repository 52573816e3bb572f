/**
 * Child-process probe for the memory test (run with --expose-gc): runs the synthetic load for
 * the job count given as the first argument while the collector is still alive, collects
 * garbage and prints the heap in use and the collector's live job count as JSON.
 */
import { runSyntheticLoad } from "./synthetic-load.ts";

const jobCount = Number(process.argv[2]);
const result = runSyntheticLoad(jobCount);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
gc?.();
const heapUsedBytes = process.memoryUsage().heapUsed;
process.stdout.write(
  `${JSON.stringify({ heapUsedBytes, liveJobCount: result.collector.liveJobCount, arrived: result.metrics.overall.arrived })}\n`,
);
