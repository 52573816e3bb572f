/**
 * Regression tests for router bugs found elsewhere (world and simulation tests), checked with
 * the invariants after every engine event, as `--check-invariants` does.
 */
import { describe, expect, it } from "vitest";
import { checkInvariants } from "../../src/router/invariants.ts";
import { harness, offerOf, singleQueue, unwrap, voiceWorker } from "./helpers.ts";

describe("decline retries due at one instant", () => {
  it("keep matching quiescent after each retry timer, and both jobs are offered again", () => {
    const problems: string[] = [];
    const h = harness(
      singleQueue({ kind: "longestIdle" }, [voiceWorker("w-1"), voiceWorker("w-2")]),
      () => problems.push(...checkInvariants(h.router)),
    );
    unwrap(h.router.upsertJob({ id: "job-1", channelId: "voice", queueId: "q" }));
    unwrap(h.router.upsertJob({ id: "job-2", channelId: "voice", queueId: "q" }));
    // Every worker declines every job, each with a retry at 3 s.
    h.engine.runUntil(1);
    unwrap(h.router.declineJobOffer("w-1", offerOf(h, "w-1"), { retryOfferAtSeconds: 3 }));
    unwrap(h.router.declineJobOffer("w-2", offerOf(h, "w-2"), { retryOfferAtSeconds: 3 }));
    h.engine.runUntil(2);
    unwrap(h.router.declineJobOffer("w-1", offerOf(h, "w-1"), { retryOfferAtSeconds: 3 }));
    unwrap(h.router.declineJobOffer("w-2", offerOf(h, "w-2"), { retryOfferAtSeconds: 3 }));
    expect(h.router.getWorker("w-1")?.offers).toEqual([]);
    expect(h.router.getWorker("w-2")?.offers).toEqual([]);
    h.take();
    h.engine.runUntil(3);
    expect(problems).toEqual([]);
    expect(h.take().sort()).toEqual(["WorkerOfferIssued w-1 job-1", "WorkerOfferIssued w-2 job-2"]);
  });

  it("a retryOfferAt not in the future excludes nobody", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w-1")]));
    unwrap(h.router.upsertJob({ id: "job-1", channelId: "voice", queueId: "q" }));
    h.engine.runUntil(5);
    h.take();
    unwrap(h.router.declineJobOffer("w-1", offerOf(h, "w-1"), { retryOfferAtSeconds: 5 }));
    expect(h.take()).toEqual(["WorkerOfferDeclined w-1 job-1", "WorkerOfferIssued w-1 job-1"]);
    expect(checkInvariants(h.router)).toEqual([]);
  });
});
