/**
 * No cliffs (issue 12): the router's work per operation, counted (never timed), does not grow
 * with a backlog. A freed worker skips the waiting jobs whose selectors it fails without
 * looking at them one by one, and a long queue's lists move a bounded number of items.
 */
import { describe, expect, it } from "vitest";
import { harness, offerOf, singleQueue, unwrap, voiceWorker } from "./helpers.ts";

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
