import { describe, expect, it } from "vitest";
import { harness, offerOf, singleQueue, unwrap, voiceWorker } from "./helpers.ts";

describe("quickstart sequence", () => {
  it("received, queued, offer issued, accepted, completed, closed", () => {
    const h = harness(
      singleQueue({ kind: "longestIdle" }, [
        voiceWorker("worker-1", { labels: { "Some-Skill": 11 } }),
      ]),
    );
    expect(h.take()).toEqual(["WorkerRegistered worker-1"]);
    unwrap(
      h.router.upsertJob({
        id: "job-1",
        channelId: "voice",
        queueId: "q",
        priority: 1,
        requestedWorkerSelectors: [{ key: "Some-Skill", labelOperator: "greaterThan", value: 10 }],
      }),
    );
    expect(h.take()).toEqual([
      "JobReceived job-1",
      "JobQueued job-1",
      "WorkerOfferIssued worker-1 job-1",
    ]);
    const received = h.events[1];
    expect(received?.type === "RouterJobReceived" && received.jobStatus).toBe("queued");
    h.engine.runUntil(2);
    const accepted = unwrap(h.router.acceptJobOffer("worker-1", offerOf(h, "worker-1")));
    expect(accepted).toMatchObject({ jobId: "job-1", workerId: "worker-1" });
    expect(h.take()).toEqual(["WorkerOfferAccepted worker-1 job-1"]);
    unwrap(h.router.completeJob("job-1", accepted.assignmentId));
    unwrap(h.router.closeJob("job-1", accepted.assignmentId, { dispositionCode: "Resolved" }));
    expect(h.take()).toEqual(["JobCompleted worker-1 job-1", "JobClosed worker-1 job-1"]);
    expect(h.events.at(-1)).toMatchObject({ type: "RouterJobClosed", dispositionCode: "Resolved" });
    // A closed job is forgotten: GET finds nothing and the id is free again.
    expect(h.router.getJob("job-1")).toBeUndefined();
    expect(h.router.getWorker("worker-1")?.usedCapacity).toBe(0);
  });

  it("offers a job to nobody whose labels fail the selector", () => {
    const h = harness(
      singleQueue({ kind: "longestIdle" }, [voiceWorker("w1", { labels: { skill: 5 } })]),
    );
    h.take();
    unwrap(
      h.router.upsertJob({
        id: "j1",
        channelId: "voice",
        queueId: "q",
        requestedWorkerSelectors: [{ key: "skill", labelOperator: "greaterThan", value: 10 }],
      }),
    );
    expect(h.take()).toEqual(["JobReceived j1", "JobQueued j1"]);
  });
});

describe("decline", () => {
  it("offers the job to the next worker, and never again to the decliner until it re-registers", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1"), voiceWorker("w2")]));
    h.take();
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    expect(h.take().at(-1)).toBe("WorkerOfferIssued w1 j1");
    unwrap(h.router.declineJobOffer("w1", offerOf(h, "w1")));
    expect(h.take()).toEqual(["WorkerOfferDeclined w1 j1", "WorkerOfferIssued w2 j1"]);
    unwrap(h.router.declineJobOffer("w2", offerOf(h, "w2")));
    expect(h.take()).toEqual(["WorkerOfferDeclined w2 j1"]);
    h.engine.runUntil(1000);
    expect(h.take()).toEqual([]);
    unwrap(h.router.deregisterWorker("w1"));
    unwrap(h.router.registerWorker("w1"));
    expect(h.take()).toEqual([
      "WorkerDeregistered w1",
      "WorkerRegistered w1",
      "WorkerOfferIssued w1 j1",
    ]);
  });

  it("with retryOfferAt re-offers to the decliner at that time", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1")]));
    h.take();
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    h.take();
    h.engine.runUntil(5);
    unwrap(h.router.declineJobOffer("w1", offerOf(h, "w1"), { retryOfferAtSeconds: 30 }));
    expect(h.take()).toEqual(["WorkerOfferDeclined w1 j1"]);
    h.engine.runUntil(29.999);
    expect(h.take()).toEqual([]);
    h.engine.runUntil(30);
    expect(h.take()).toEqual(["WorkerOfferIssued w1 j1"]);
    expect(h.events.at(-1)?.timeSeconds).toBe(30);
  });

  it("with retryOfferAt leaves other workers eligible meanwhile", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1"), voiceWorker("w2")]));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    h.take();
    unwrap(h.router.declineJobOffer("w1", offerOf(h, "w1"), { retryOfferAtSeconds: 30 }));
    expect(h.take()).toEqual(["WorkerOfferDeclined w1 j1", "WorkerOfferIssued w2 j1"]);
  });

  it("of a gone offer is NotFound", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1")]));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    const offerId = offerOf(h, "w1");
    unwrap(h.router.acceptJobOffer("w1", offerId));
    const result = h.router.declineJobOffer("w1", offerId);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toEqual({
      code: "NotFound",
      message: `Offer not found. OfferId: ${offerId}, WorkerId: w1`,
    });
    expect(h.router.declineJobOffer("w1", "offer-999").ok).toBe(false);
  });
});

describe("concurrent offers", () => {
  const mode = { kind: "longestIdle", minConcurrentOffers: 1, maxConcurrentOffers: 3 } as const;

  it("accept revokes the sibling offers, after the accept", () => {
    const h = harness(singleQueue(mode, [voiceWorker("w1"), voiceWorker("w2"), voiceWorker("w3")]));
    h.take();
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    expect(h.take().slice(2)).toEqual([
      "WorkerOfferIssued w1 j1",
      "WorkerOfferIssued w2 j1",
      "WorkerOfferIssued w3 j1",
    ]);
    const w1Offer = offerOf(h, "w1");
    unwrap(h.router.acceptJobOffer("w2", offerOf(h, "w2")));
    expect(h.take()).toEqual([
      "WorkerOfferAccepted w2 j1",
      "WorkerOfferRevoked w1 j1",
      "WorkerOfferRevoked w3 j1",
    ]);
    const second = h.router.acceptJobOffer("w1", w1Offer);
    expect(!second.ok && second.error.code).toBe("Conflict");
    expect(h.router.getWorker("w1")?.usedCapacity).toBe(0);
  });

  it("a second accept of the same offer is a conflict", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1")]));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    const offerId = offerOf(h, "w1");
    unwrap(h.router.acceptJobOffer("w1", offerId));
    const second = h.router.acceptJobOffer("w1", offerId);
    expect(!second.ok && second.error.code).toBe("Conflict");
  });

  it("tops a job up only when it falls below minConcurrentOffers", () => {
    const twoToThree = {
      kind: "longestIdle",
      minConcurrentOffers: 2,
      maxConcurrentOffers: 3,
    } as const;
    const workers = ["w1", "w2", "w3", "w4"].map((id) => voiceWorker(id));
    const h = harness(singleQueue(twoToThree, workers));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    h.take();
    unwrap(h.router.declineJobOffer("w1", offerOf(h, "w1")));
    // Two offers remain: not below the minimum, so w4 gets nothing yet.
    expect(h.take()).toEqual(["WorkerOfferDeclined w1 j1"]);
    unwrap(h.router.declineJobOffer("w2", offerOf(h, "w2")));
    // One left (< 2): topped up to 3 with the eligible w4 only.
    expect(h.take()).toEqual(["WorkerOfferDeclined w2 j1", "WorkerOfferIssued w4 j1"]);
  });
});

describe("offer expiry", () => {
  it("expires the offer, deregisters the worker, then revokes its other offers", () => {
    const worker = voiceWorker("w1", { capacity: 2 });
    const h = harness(singleQueue({ kind: "longestIdle" }, [worker], 60));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    unwrap(h.router.upsertJob({ id: "j2", channelId: "voice", queueId: "q" }));
    h.take();
    h.engine.runUntil(60);
    expect(h.take()).toEqual([
      "WorkerOfferExpired w1 j1",
      "WorkerDeregistered w1",
      "WorkerOfferRevoked w1 j2",
    ]);
    expect(h.router.getWorker("w1")?.state).toBe("inactive");
    expect(h.router.getWorker("w1")?.usedCapacity).toBe(0);
    unwrap(h.router.registerWorker("w1"));
    expect(h.take()).toEqual([
      "WorkerRegistered w1",
      "WorkerOfferIssued w1 j1",
      "WorkerOfferIssued w1 j2",
    ]);
  });

  it("accepting or declining an expired offer is NotFound", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1")], 10));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    const offerId = offerOf(h, "w1");
    h.engine.runUntil(10);
    const accept = h.router.acceptJobOffer("w1", offerId);
    expect(!accept.ok && accept.error.code).toBe("NotFound");
    const decline = h.router.declineJobOffer("w1", offerId);
    expect(!decline.ok && decline.error.code).toBe("NotFound");
    expect(h.router.getJob("j1")?.status).toBe("queued");
  });

  it("an accepted offer never expires", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1")], 10));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    unwrap(h.router.acceptJobOffer("w1", offerOf(h, "w1")));
    h.take();
    h.engine.runUntil(100);
    expect(h.take()).toEqual([]);
    expect(h.router.getWorker("w1")?.state).toBe("active");
  });
});

describe("unassign", () => {
  it("re-queues up to three times, keeping enqueuedAt, then rejects", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1")]));
    h.engine.runUntil(7);
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    h.take();
    let assignmentId = unwrap(h.router.acceptJobOffer("w1", offerOf(h, "w1"))).assignmentId;
    for (let count = 1; count <= 3; count++) {
      h.engine.runUntil(7 + count * 10);
      h.take();
      const result = unwrap(h.router.unassignJob("j1", assignmentId));
      expect(result).toEqual({ jobId: "j1", unassignmentCount: count });
      expect(h.take()).toEqual(["JobUnassigned w1 j1", "JobQueued j1", "WorkerOfferIssued w1 j1"]);
      expect(h.router.getJob("j1")?.enqueuedAtSeconds).toBe(7);
      assignmentId = unwrap(h.router.acceptJobOffer("w1", offerOf(h, "w1"))).assignmentId;
    }
    const fourth = h.router.unassignJob("j1", assignmentId);
    expect(!fourth.ok && fourth.error.code).toBe("BadRequest");
    expect(h.router.getJob("j1")?.status).toBe("assigned");
    expect(h.router.getJob("j1")?.unassignmentCount).toBe(3);
    unwrap(h.router.completeJob("j1", assignmentId));
  });

  it("with suspendMatching leaves the job waiting for activation", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1")]));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    const { assignmentId } = unwrap(h.router.acceptJobOffer("w1", offerOf(h, "w1")));
    h.take();
    unwrap(h.router.unassignJob("j1", assignmentId, { suspendMatching: true }));
    expect(h.take()).toEqual(["JobUnassigned w1 j1", "JobWaitingForActivation j1"]);
    expect(h.router.getJob("j1")?.status).toBe("waitingForActivation");
    unwrap(h.router.cancelJob("j1"));
  });

  it("with a wrong assignment id is NotFound", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1")]));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    unwrap(h.router.acceptJobOffer("w1", offerOf(h, "w1")));
    const result = h.router.unassignJob("j1", "assignment-404");
    expect(!result.ok && result.error.code).toBe("NotFound");
  });
});

describe("draining", () => {
  it("a worker deregistering while assigned drains, takes nothing new, and goes inactive at close", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1", { capacity: 2 })]));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    const { assignmentId } = unwrap(h.router.acceptJobOffer("w1", offerOf(h, "w1")));
    h.take();
    unwrap(h.router.deregisterWorker("w1"));
    expect(h.router.getWorker("w1")?.state).toBe("draining");
    unwrap(h.router.upsertJob({ id: "j2", channelId: "voice", queueId: "q" }));
    unwrap(h.router.completeJob("j1", assignmentId));
    unwrap(h.router.closeJob("j1", assignmentId));
    expect(h.take()).toEqual([
      "WorkerDeregistered w1",
      "JobReceived j2",
      "JobQueued j2",
      "JobCompleted w1 j1",
      "JobClosed w1 j1",
    ]);
    expect(h.router.getWorker("w1")?.state).toBe("inactive");
  });
});

describe("cancel and close rules", () => {
  it("cancel revokes open offers after JobCancelled and frees the worker for the next job", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1")]));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    unwrap(h.router.upsertJob({ id: "j2", channelId: "voice", queueId: "q" }));
    h.take();
    unwrap(h.router.cancelJob("j1", { dispositionCode: "Abandoned" }));
    expect(h.take()).toEqual([
      "JobCancelled j1",
      "WorkerOfferRevoked w1 j1",
      "WorkerOfferIssued w1 j2",
    ]);
    expect(h.events.at(-3)).toMatchObject({
      type: "RouterJobCancelled",
      dispositionCode: "Abandoned",
    });
    expect(h.router.getJob("j1")).toBeUndefined();
  });

  it("rejects cancelling an assigned job and closing a job that is not completed", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1")]));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    const { assignmentId } = unwrap(h.router.acceptJobOffer("w1", offerOf(h, "w1")));
    const cancel = h.router.cancelJob("j1");
    expect(!cancel.ok && cancel.error.code).toBe("BadRequest");
    const close = h.router.closeJob("j1", assignmentId);
    expect(!close.ok && close.error.code).toBe("BadRequest");
    expect(h.router.cancelJob("nope").ok).toBe(false);
  });

  it("a close with closeAtSeconds releases capacity at that time", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1")]));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    unwrap(h.router.upsertJob({ id: "j2", channelId: "voice", queueId: "q" }));
    const { assignmentId } = unwrap(h.router.acceptJobOffer("w1", offerOf(h, "w1")));
    unwrap(h.router.completeJob("j1", assignmentId));
    unwrap(h.router.closeJob("j1", assignmentId, { closeAtSeconds: 40 }));
    h.take();
    h.engine.runUntil(39);
    expect(h.take()).toEqual([]);
    h.engine.runUntil(40);
    expect(h.take()).toEqual(["JobClosed w1 j1", "WorkerOfferIssued w1 j2"]);
  });
});

describe("re-entrancy", () => {
  it("refuses an operation from inside a listener", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1")]));
    h.router.subscribe((event) => {
      if (event.type === "RouterWorkerOfferIssued") h.router.acceptJobOffer("w1", event.offerId);
    });
    expect(() => h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" })).toThrow(
      /inside a router event listener/,
    );
  });
});
