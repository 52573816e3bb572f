/**
 * One replication as a self-contained task: what a worker thread runs, and what the serial path
 * runs in the main thread, so both give identical results. Advances in chunks of simulated time,
 * each cut into slices of at most EVENTS_PER_SLICE events, and reports between slices, so the
 * caller can show progress and stop cleanly even while the clock stands still.
 */
import type { Scenario, TraceArrivals } from "../../scenario/index.ts";
import { Replication, type ReplicationResult } from "../../simulate.ts";
import { EventLog } from "./event-log.ts";

/** Everything a replication needs; structured-clone-able, to cross into a worker thread. */
export interface ReplicationTask {
  readonly scenario: Scenario;
  readonly traces: ReadonlyMap<string, TraceArrivals>;
  readonly replication: number;
  readonly checkInvariants: boolean;
  /** Where to write this replication's events (as is: the caller renames it), if anywhere. */
  readonly eventsPath?: string;
}

/** Chunks per phase (horizon, drain): progress granularity and how often a stop is seen. */
const CHUNKS = 200;

/**
 * Events per slice: a chunk of simulated time can hold any number of events (a burst, or a run
 * stuck at one instant until the stall guard stops it), so the caller also gets a word every
 * EVENTS_PER_SLICE events. 5,000 events take 2 to 25 ms on one core (events.jsonl writing and
 * matching among thousands of workers are the slow ones), so Ctrl-C is seen well within a
 * second; the word itself costs about a microsecond, nothing against the slice.
 */
const EVENTS_PER_SLICE = 5_000;

/**
 * Simulated time at the end of chunk `chunk` (1-based): the horizon in CHUNKS steps, then the
 * drain in CHUNKS more. The drain gets its own step, so a long drain after a short horizon does
 * not cost drain / (horizon / CHUNKS) empty chunks (a 1 s horizon with the default 24 h drain
 * took 17 million).
 */
function chunkEndSeconds(chunk: number, horizonSeconds: number, drainSeconds: number): number {
  if (chunk < CHUNKS) return (horizonSeconds * chunk) / CHUNKS;
  if (chunk === CHUNKS) return horizonSeconds;
  if (chunk >= 2 * CHUNKS) return Number.POSITIVE_INFINITY;
  return horizonSeconds + (drainSeconds * (chunk - CHUNKS)) / CHUNKS;
}

/**
 * Runs a task. `betweenChunks` is called after each slice of a chunk with the progress (0..1); when it
 * returns a promise the run waits for it (the main thread yields there to see Ctrl-C), and when
 * it resolves to false the run stops and this returns null.
 */
export async function runReplicationTask(
  task: ReplicationTask,
  betweenChunks?: (progress: number) => boolean | Promise<boolean>,
): Promise<ReplicationResult | null> {
  const eventLog =
    task.eventsPath === undefined
      ? undefined
      : new EventLog(task.eventsPath, {
          startTime: task.scenario.startTime,
          seed: task.scenario.seed,
          replication: task.replication,
        });
  try {
    const replication = new Replication(task.scenario, {
      replication: task.replication,
      traces: task.traces,
      checkInvariants: task.checkInvariants,
      ...(eventLog === undefined ? {} : { onEvent: (event) => eventLog.write(event) }),
    });
    const { horizonSeconds, drainSeconds } = task.scenario;
    for (let chunk = 1; ; ) {
      const target = chunkEndSeconds(chunk, horizonSeconds, drainSeconds);
      const result = replication.advance(target, EVENTS_PER_SLICE);
      if (result !== null) {
        eventLog?.finish();
        return result;
      }
      if (replication.reachedLastTarget) chunk++;
      if (betweenChunks !== undefined && !(await betweenChunks(replication.progress))) {
        eventLog?.abort();
        return null;
      }
    }
  } catch (error) {
    eventLog?.abort();
    throw error;
  }
}
