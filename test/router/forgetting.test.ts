/**
 * The router forgets ended jobs (closed, cancelled) so that memory does not grow with the job
 * count: ids, slots and offer outcomes go, slots are recycled, and a timer that outlives its
 * job (a decline retry) cannot reach the job that reuses its slot.
 */
import { describe, expect, it } from "vitest";
import { checkInvariants } from "../../src/router/invariants.ts";
import { harness, offerOf, singleQueue, unwrap, voiceWorker } from "./helpers.ts";

function serveOne(h: ReturnType<typeof harness>, jobId: string): void {
  unwrap(h.router.upsertJob({ id: jobId, channelId: "voice", queueId: "q" }));
  const { assignmentId } = unwrap(h.router.acceptJobOffer("w1", offerOf(h, "w1")));
  unwrap(h.router.completeJob(jobId, assignmentId));
  unwrap(h.router.closeJob(jobId, assignmentId));
}

describe("forgetting ended jobs", () => {
  it("a closed job is gone: GET, operations and its stale offer find nothing", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1")]));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    const offerId = offerOf(h, "w1");
    const { assignmentId } = unwrap(h.router.acceptJobOffer("w1", offerId));
    // While the job lives, accepting the accepted offer again is a Conflict.
    expect(h.router.acceptJobOffer("w1", offerId)).toMatchObject({ error: { code: "Conflict" } });
    unwrap(h.router.completeJob("j1", assignmentId));
    unwrap(h.router.closeJob("j1", assignmentId));
    expect(h.router.getJob("j1")).toBeUndefined();
    expect(h.router.acceptJobOffer("w1", offerId)).toMatchObject({ error: { code: "NotFound" } });
    expect(h.router.cancelJob("j1")).toMatchObject({ error: { code: "NotFound" } });
    expect(h.router.closeJob("j1", assignmentId)).toMatchObject({ error: { code: "NotFound" } });
    expect([...h.router.core.jobs]).toEqual([]);
    expect(h.router.core.rememberedOfferCount).toBe(0);
    expect(checkInvariants(h.router)).toEqual([]);
  });

  it("a cancelled job is gone and its id can be used again", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, []));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q", priority: 3 }));
    unwrap(h.router.cancelJob("j1"));
    expect(h.router.getJob("j1")).toBeUndefined();
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    expect(h.router.getJob("j1")).toMatchObject({ status: "queued", priority: 1 });
    expect(checkInvariants(h.router)).toEqual([]);
  });

  it("serving jobs one after another reuses one slot", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1")]));
    for (let n = 0; n < 1000; n++) serveOne(h, `j${n}`);
    expect(h.router.core.jobSlotCount).toBe(1);
    expect(h.router.core.liveJobCount).toBe(0);
    expect(h.router.core.rememberedOfferCount).toBe(0);
  });

  it("a job without selectors on an expedited job's slot is neither expedited nor timed", () => {
    // Creation skips the selector bookkeeping for a job without requested selectors: the
    // recycled record must come back not expedited and without an expiry timer by itself.
    const h = harness(singleQueue({ kind: "longestIdle" }, []));
    const expediting = [
      {
        key: "tier",
        labelOperator: "equal",
        value: "gold",
        expedite: true,
        expiresAfterSeconds: 60,
      },
    ] as const;
    unwrap(
      h.router.upsertJob({
        id: "old",
        channelId: "voice",
        queueId: "q",
        requestedWorkerSelectors: expediting,
      }),
    );
    const old = h.router.core.findJob("old");
    expect(old).toMatchObject({ expedited: true });
    expect(old?.selectorExpiryTimer).not.toBe(0);
    unwrap(h.router.cancelJob("old"));
    unwrap(h.router.upsertJob({ id: "first", channelId: "voice", queueId: "q" }));
    const first = h.router.core.findJob("first");
    expect(first).toBe(old);
    expect(first).toMatchObject({ expedited: false, selectorExpiryTimer: 0 });
    // A later job with the expedite selector still goes ahead of it.
    unwrap(
      h.router.upsertJob({
        id: "later",
        channelId: "voice",
        queueId: "q",
        requestedWorkerSelectors: expediting,
      }),
    );
    expect(unwrap(h.router.getJobPosition("later")).position).toBe(1);
    expect(unwrap(h.router.getJobPosition("first")).position).toBe(2);
    expect(checkInvariants(h.router)).toEqual([]);
  });

  it("queue order still follows creation when slots are recycled", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, []));
    for (const id of ["a", "b", "c"]) {
      unwrap(h.router.upsertJob({ id, channelId: "voice", queueId: "q" }));
    }
    unwrap(h.router.cancelJob("a"));
    // "d" takes a's slot 0 but was created last, so it queues behind "c" at the same instant.
    unwrap(h.router.upsertJob({ id: "d", channelId: "voice", queueId: "q" }));
    expect(h.router.core.jobSlotCount).toBe(3);
    expect(h.router.getJobPosition("d")).toMatchObject({ ok: true, value: { position: 3 } });
    expect(h.router.getJobPosition("b")).toMatchObject({ ok: true, value: { position: 1 } });
  });

  it("a decline-retry timer of a forgotten job does nothing while its slot is free", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1")]));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    unwrap(h.router.declineJobOffer("w1", offerOf(h, "w1"), { retryOfferAtSeconds: 10 }));
    unwrap(h.router.cancelJob("j1"));
    h.take();
    h.engine.runUntil(20);
    expect(h.engine.processedCount).toBe(1);
    expect(h.take()).toEqual([]);
    expect(checkInvariants(h.router)).toEqual([]);
  });

  it("a decline-retry timer of a forgotten job does nothing when its slot is reused", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1")]));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    unwrap(h.router.declineJobOffer("w1", offerOf(h, "w1"), { retryOfferAtSeconds: 10 }));
    unwrap(h.router.cancelJob("j1"));
    // j2 reuses j1's slot; w1 declines it for good.
    unwrap(h.router.upsertJob({ id: "j2", channelId: "voice", queueId: "q" }));
    expect(h.router.core.jobSlotCount).toBe(1);
    unwrap(h.router.declineJobOffer("w1", offerOf(h, "w1")));
    h.take();
    h.engine.runUntil(20);
    expect(h.take()).toEqual([]);
    expect(h.router.getJob("j2")?.status).toBe("queued");
    expect(checkInvariants(h.router)).toEqual([]);
  });

  it("recycled offer and assignment records answer only to their new sequences", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1")]));
    const core = h.router.core;
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    const firstOffer = core.offerSequenceOf(offerOf(h, "w1"));
    const firstRecord = core.findOffer(firstOffer);
    const first = unwrap(h.router.acceptOffer(0, firstOffer));
    unwrap(h.router.completeAssignment(first.job, first.assignment));
    unwrap(h.router.closeAssignment(first.job, first.assignment));
    // j2 takes j1's slot, and its offer and assignment take j1's records.
    unwrap(h.router.upsertJob({ id: "j2", channelId: "voice", queueId: "q" }));
    const secondOffer = core.offerSequenceOf(offerOf(h, "w1"));
    expect(core.findOffer(secondOffer)).toBe(firstRecord);
    expect(core.findOffer(firstOffer)).toBeUndefined();
    expect(h.router.acceptOffer(0, firstOffer)).toMatchObject({ error: { code: "NotFound" } });
    expect(h.router.declineOffer(0, firstOffer)).toMatchObject({ error: { code: "NotFound" } });
    const second = unwrap(h.router.acceptOffer(0, secondOffer));
    expect(second.job).toBe(first.job);
    expect(h.router.completeAssignment(first.job, first.assignment)).toMatchObject({
      error: { code: "NotFound" },
    });
    expect(h.router.closeAssignment(first.job, first.assignment)).toMatchObject({
      error: { code: "NotFound" },
    });
    expect(h.router.getJob("j2")).toMatchObject({ status: "assigned" });
    expect(h.router.getJob("j1")).toBeUndefined();
    expect(checkInvariants(h.router)).toEqual([]);
  });
});
