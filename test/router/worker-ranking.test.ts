/**
 * Best-worker rankings kept in score buckets (src/router/distribution/worker-ranking.ts): read
 * by rank (`at`, through a cursor) they give the same workers as the whole order
 * (`inOrder`), in any reading order, while workers come and go; and the router's invariants
 * (fresh scores descending, ties in idleness order) hold after every step.
 */
import { describe, expect, it } from "vitest";
import { checkInvariants } from "../../src/router/invariants.ts";
import { type Harness, harness, offerOf, singleQueue, unwrap, voiceWorker } from "./helpers.ts";

const STAFF = 40;

/** Every ranking read rank by rank, forwards and backwards, equals its whole order. */
function expectRanksAgree(h: Harness): void {
  for (const queue of h.router.core.queues) {
    for (const book of queue.rankingsByChannel.values()) {
      for (const ranking of book.rankings.values()) {
        const whole = ranking.inOrder().map((worker) => worker.id);
        expect(whole).toHaveLength(ranking.length);
        const forwards = whole.map((_, rank) => ranking.at(rank).id);
        const backwards = whole.map((_, rank) => ranking.at(whole.length - 1 - rank).id).reverse();
        expect(forwards).toEqual(whole);
        expect(backwards).toEqual(whole);
      }
    }
  }
}

describe("best-worker rankings in score buckets", () => {
  it("read by rank as in their whole order while workers are taken and freed", () => {
    // Seven skill levels: buckets with ties, buckets that empty and come back.
    const workers = Array.from({ length: STAFF }, (_, i) =>
      voiceWorker(`agent-${String(i).padStart(2, "0")}`, { labels: { skillLevel: i % 7 } }),
    );
    const h = harness(
      singleQueue(
        {
          kind: "bestWorker",
          scoringRule: { kind: "expression", expression: "worker.skillLevel" },
        },
        workers,
      ),
    );
    const held: { id: string; assignmentId: string }[] = [];
    let rankingsSeen = 0;
    for (let i = 0; i < 120; i++) {
      h.engine.runUntil(h.engine.now + 1);
      const id = `job-${i}`;
      unwrap(h.router.upsertJob({ id, channelId: "voice", queueId: "q" }));
      const offer = h.events.findLast((event) => event.type === "RouterWorkerOfferIssued");
      if (offer !== undefined && "workerId" in offer && "jobId" in offer && offer.jobId === id) {
        const { assignmentId } = unwrap(
          h.router.acceptJobOffer(offer.workerId, offerOf(h, offer.workerId)),
        );
        held.push({ id, assignmentId });
      }
      // Free the oldest job every third step, so workers leave and rejoin the rankings.
      if (i % 3 === 2 || held.length >= STAFF - 2) {
        const done = held.shift();
        if (done !== undefined) {
          unwrap(h.router.completeJob(done.id, done.assignmentId));
          unwrap(h.router.closeJob(done.id, done.assignmentId));
        }
      }
      expect(checkInvariants(h.router)).toEqual([]);
      expectRanksAgree(h);
      rankingsSeen = h.router.core.queues[0]?.rankingsByChannel.get("voice")?.rankings.size ?? 0;
    }
    // The test is void unless a ranking was built and used.
    expect(rankingsSeen).toBe(1);
  });
});
