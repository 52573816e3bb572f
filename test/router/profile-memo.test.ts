/**
 * Per-job work that depends only on a job's selector lists and labels is done once per arrival
 * stream, not once per job (issue 12): jobs created from one client selector array share one
 * frozen list, so their waiting group and their best-worker score profile are found by the
 * list's identity. Counted, never timed.
 */
import { describe, expect, it } from "vitest";
import type { WorkerSelectorSpec } from "../../src/router/types.ts";
import { harness, serveJobsOneByOne, singleQueue, voiceWorker } from "./helpers.ts";

const STREAMS: readonly WorkerSelectorSpec[][] = [
  [{ key: "english", labelOperator: "equal", value: true }],
  [
    { key: "english", labelOperator: "equal", value: true },
    { key: "skillLevel", labelOperator: "greaterThanOrEqual", value: 6 },
  ],
];
const JOBS = 400;

describe("profiles of jobs from one arrival stream", () => {
  it("are built once per stream for waiting groups and best-worker rankings", () => {
    const workers = Array.from({ length: 20 }, (_, i) =>
      voiceWorker(`agent-${i}`, { labels: { english: true, skillLevel: 4 + (i % 3) * 2 } }),
    );
    const h = harness(singleQueue({ kind: "bestWorker" }, workers));
    // The fast lane puts a job offered at once in no waiting group (fast-lane.ts); this counts
    // the groups of the general path, which every job here would otherwise enter and empty.
    h.router.core.fastLane = false;
    // Each job is served to the end before the next, so that its group empties every time.
    serveJobsOneByOne(h, JOBS, (i) => STREAMS[i % 2] as WorkerSelectorSpec[]);
    const queue = h.router.core.queues[0];
    if (queue === undefined) throw new Error("no queue");
    // One group per profile, although every job emptied its group.
    expect(queue.waitingByChannel.get("voice")?.groupsBuilt).toBe(2);
    // One profile key per stream, not one per job.
    expect(queue.rankingsByChannel.get("voice")?.profileMisses).toBe(2);
    expect(h.router.core.work.workersScored).toBeLessThanOrEqual(2 * workers.length);
  });
});
