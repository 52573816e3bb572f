/**
 * No cliffs (issue 12): the router's work per operation, counted (never timed), does not grow
 * with a backlog or a staff. A freed worker skips the waiting jobs whose selectors it fails
 * without looking at them one by one; a long queue's lists move a bounded number of items;
 * best worker scores each worker once per job profile, not every idle worker per job.
 */
import { describe, expect, it } from "vitest";
import { MAX_RANKINGS } from "../../src/router/distribution/worker-ranking.ts";
import type { DistributionModeSpec } from "../../src/router/types.ts";
import {
  type Harness,
  harness,
  offerOf,
  serveJobsOneByOne,
  singleQueue,
  unwrap,
  voiceWorker,
} from "./helpers.ts";

const BACKLOG = 20_000;

function skewedBacklog() {
  const h = harness(singleQueue({ kind: "longestIdle" }, []));
  for (let i = 0; i < BACKLOG; i++) {
    unwrap(
      h.router.upsertJob({
        id: `billing-${i}`,
        channelId: "voice",
        queueId: "q",
        requestedWorkerSelectors: [{ key: "billing", labelOperator: "equal", value: true }],
      }),
    );
  }
  unwrap(
    h.router.upsertJob({
      id: "general",
      channelId: "voice",
      queueId: "q",
      requestedWorkerSelectors: [{ key: "general", labelOperator: "equal", value: true }],
    }),
  );
  return h;
}

describe("no cliffs", () => {
  it("a freed worker finds the one job it can take without scanning a backlog it cannot", () => {
    const h = skewedBacklog();
    const work = h.router.core.work;
    const before = work.waitingJobsInspected;
    unwrap(h.router.upsertWorker(voiceWorker("agent", { labels: { general: true } })));
    expect(offerOf(h, "agent")).toBeDefined();
    expect(h.events.at(-1)).toMatchObject({ type: "RouterWorkerOfferIssued", jobId: "general" });
    // One job looked at (the general one), not the 20,000 billing jobs ahead of it.
    expect(work.waitingJobsInspected - before).toBeLessThanOrEqual(2);
  });

  it("a long queue's lists move a bounded number of items per dequeue and cancellation", () => {
    const h = skewedBacklog();
    const queue = h.router.core.queues[0];
    if (queue === undefined) throw new Error("no queue");
    const before = queue.jobs.movedItems;
    const operations = 1000;
    for (let i = 0; i < operations; i++) {
      // Cancel from the middle and from the front, as customers hang up.
      const id = i % 2 === 0 ? `billing-${BACKLOG / 2 + i}` : `billing-${i}`;
      unwrap(h.router.cancelJob(id, { dispositionCode: "Abandoned" }));
    }
    expect(queue.jobs.length).toBe(BACKLOG + 1 - operations);
    // A flat array moves about half the queue (≈ 10,000 items) per middle removal.
    expect((queue.jobs.movedItems - before) / operations).toBeLessThan(600);
  });
});

const STAFF = 300;
const JOBS = 600;

/** STAFF workers in three skill profiles; JOBS jobs of two profiles, each served to the end. */
function bestWorkerDay(mode: DistributionModeSpec): Harness {
  const workers = Array.from({ length: STAFF }, (_, i) =>
    voiceWorker(`agent-${i}`, { labels: { english: true, skillLevel: 4 + (i % 3) * 2 } }),
  );
  const h = harness(singleQueue(mode, workers));
  serveJobsOneByOne(h, JOBS, (i) => [
    { key: "english", labelOperator: "equal", value: true },
    { key: "skillLevel", labelOperator: "greaterThanOrEqual", value: 3 + (i % 2) * 3 },
  ]);
  return h;
}

function rankingScores(h: Harness): number {
  let computed = 0;
  for (const queue of h.router.core.queues)
    for (const book of queue.rankingsByChannel.values())
      for (const ranking of book.rankings.values()) computed += ranking.scoresComputed;
  return computed;
}

describe("best worker scores", () => {
  it("are computed once per (job profile, worker), not for every idle worker per job", () => {
    const h = bestWorkerDay({ kind: "bestWorker" });
    // Scanning would score all 300 idle workers for each of the 600 jobs (180,000 scores);
    // only the first job of each of the two profiles is scanned.
    expect(h.router.core.work.workersScored).toBeLessThanOrEqual(2 * STAFF);
    expect(rankingScores(h)).toBeLessThanOrEqual(2 * STAFF);
  });

  it("are memoized for a powerFx scoring rule too (it reads only labels)", () => {
    const h = bestWorkerDay({
      kind: "bestWorker",
      scoringRule: { kind: "expression", expression: "worker.skillLevel" },
    });
    expect(h.router.core.work.workersScored).toBeLessThanOrEqual(2 * STAFF);
    expect(rankingScores(h)).toBeLessThanOrEqual(2 * STAFF);
  });

  it("are scanned for a profile seen once, and rankings beyond MAX_RANKINGS evict the oldest", () => {
    const h = harness(
      singleQueue(
        { kind: "bestWorker" },
        Array.from({ length: 20 }, (_, i) =>
          voiceWorker(`agent-${i}`, { labels: { tier: i % 4 } }),
        ),
      ),
    );
    const book = () => h.router.core.queues[0]?.rankingsByChannel.get("voice");
    const job = (id: string, tier: number) =>
      unwrap(h.router.upsertJob({ id, channelId: "voice", queueId: "q", labels: { tier } }));
    job("once", 100);
    expect(book()?.rankings.size).toBe(0);
    expect(h.router.core.work.workersScored).toBeGreaterThan(0);
    // Each profile twice: the second job of each builds its ranking.
    for (let i = 0; i <= MAX_RANKINGS; i++) {
      job(`first-${i}`, i);
      job(`second-${i}`, i);
    }
    expect(book()?.rankings.size).toBe(MAX_RANKINGS);
    // The profile of tier 0, used least recently, was evicted.
    expect(
      [...(book()?.rankings.keys() ?? [])].some((profile) => profile.includes("tiernumber:1:0;")),
    ).toBe(false);
  });
});
