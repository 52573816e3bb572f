/**
 * Matching modes (jobs/matching-modes.ts, reference §5): `suspend` holds a job in
 * `waitingForActivation`; `scheduleAndSuspend` holds it `scheduled` until its time, then in
 * `waitingForActivation`; an update to `queueAndMatch` queues (or classifies) it; an update to
 * a holding mode takes a queued job out of its queue; cancel ends a held job and its timer.
 */
import { describe, expect, it } from "vitest";
import { checkInvariants } from "../../src/router/index.ts";
import type { RouterConfig } from "../../src/router/types.ts";
import { harness, unwrap } from "./helpers.ts";

function config(): RouterConfig {
  return {
    distributionPolicies: [
      { id: "idle", offerExpiresAfterSeconds: 60, mode: { kind: "longestIdle" } },
    ],
    queues: [{ id: "sales", distributionPolicyId: "idle" }],
    classificationPolicies: [
      {
        id: "to-sales",
        fallbackQueueId: "sales",
        prioritizationRule: { kind: "static", value: 7 },
      },
    ],
    workers: [
      {
        id: "ann",
        capacity: 1,
        queues: ["sales"],
        channels: [{ channelId: "voice", capacityCostPerJob: 1 }],
        availableForOffers: true,
      },
    ],
    retainEndedJobs: true,
  };
}

describe("matching modes", () => {
  it("suspend holds a job unmatched until an update asks to queue and match it", () => {
    const { router, take } = harness(config());
    take();
    unwrap(
      router.upsertJob({
        id: "held",
        channelId: "voice",
        queueId: "sales",
        matchingMode: { kind: "suspend" },
      }),
    );
    expect(take()).toEqual(["JobReceived held", "JobWaitingForActivation held"]);
    expect(router.getJob("held")).toMatchObject({
      status: "waitingForActivation",
      enqueuedAtSeconds: null,
      matchingMode: { kind: "suspend" },
    });
    expect(router.getWorker("ann")?.offers).toEqual([]);
    unwrap(router.upsertJob({ id: "held", matchingMode: { kind: "queueAndMatch" } }));
    expect(take()).toEqual(["JobQueued held", "WorkerOfferIssued ann held"]);
    expect(router.getJob("held")?.matchingMode).toEqual({ kind: "queueAndMatch" });
    expect(checkInvariants(router)).toEqual([]);
  });

  it("scheduleAndSuspend holds a job scheduled until its time, then waiting for activation", () => {
    const { engine, router, take } = harness(config());
    take();
    unwrap(
      router.upsertJob({
        id: "later",
        channelId: "voice",
        classificationPolicyId: "to-sales",
        matchingMode: { kind: "scheduleAndSuspend", scheduleAtSeconds: 30 },
      }),
    );
    expect(take()).toEqual(["JobReceived later"]);
    expect(router.getJob("later")).toMatchObject({ status: "scheduled", scheduledAtSeconds: null });
    engine.runUntil(29);
    expect(router.getJob("later")?.status).toBe("scheduled");
    engine.runUntil(30);
    expect(take()).toEqual(["JobWaitingForActivation later"]);
    expect(router.getJob("later")).toMatchObject({
      status: "waitingForActivation",
      scheduledAtSeconds: 30,
      matchingMode: { kind: "scheduleAndSuspend", scheduleAtSeconds: 30 },
    });
    // Activated: classified now (its policy sets the priority), queued and offered.
    engine.runUntil(45);
    unwrap(router.upsertJob({ id: "later", matchingMode: { kind: "queueAndMatch" } }));
    expect(router.getJob("later")).toMatchObject({
      status: "queued",
      queueId: "sales",
      priority: 7,
      enqueuedAtSeconds: 45,
      scheduledAtSeconds: 30,
    });
    expect(router.getWorker("ann")?.offers.map((offer) => offer.jobId)).toEqual(["later"]);
    expect(checkInvariants(router)).toEqual([]);
  });

  it("a held job with both a queue and a classification policy is classified when activated", () => {
    const { router } = harness(config());
    unwrap(
      router.upsertJob({
        id: "both",
        channelId: "voice",
        queueId: "sales",
        classificationPolicyId: "to-sales",
        matchingMode: { kind: "suspend" },
      }),
    );
    expect(router.getJob("both")).toMatchObject({ status: "waitingForActivation", priority: 1 });
    unwrap(router.upsertJob({ id: "both", matchingMode: { kind: "queueAndMatch" } }));
    expect(router.getJob("both")).toMatchObject({ status: "queued", priority: 7 });
    // Held again and activated again, it is not classified twice: its priority stands.
    unwrap(router.upsertJob({ id: "both", matchingMode: { kind: "suspend" }, priority: 2 }));
    unwrap(router.upsertJob({ id: "both", matchingMode: { kind: "queueAndMatch" } }));
    expect(router.getJob("both")).toMatchObject({ status: "queued", priority: 2 });
    expect(checkInvariants(router)).toEqual([]);
  });

  it("a queued job put on hold leaves its queue and its offers; a schedule already past holds it at once", () => {
    const { router } = harness(config());
    unwrap(router.upsertJob({ id: "call", channelId: "voice", queueId: "sales" }));
    expect(router.getWorker("ann")?.offers.length).toBe(1);
    unwrap(
      router.upsertJob({
        id: "call",
        matchingMode: { kind: "scheduleAndSuspend", scheduleAtSeconds: -5 },
      }),
    );
    expect(router.getJob("call")).toMatchObject({
      status: "waitingForActivation",
      scheduledAtSeconds: 0,
    });
    expect(router.getWorker("ann")?.offers).toEqual([]);
    expect(unwrap(router.getQueueStatistics("sales")).length).toBe(0);
    expect(checkInvariants(router)).toEqual([]);
  });

  it("cancelling a scheduled job ends it and its timer, which never reaches a later job", () => {
    const { engine, router, take } = harness(config());
    unwrap(
      router.upsertJob({
        id: "never",
        channelId: "voice",
        queueId: "sales",
        matchingMode: { kind: "scheduleAndSuspend", scheduleAtSeconds: 10 },
      }),
    );
    unwrap(router.cancelJob("never"));
    // A job after it may take its slot: the cancelled job's timer must not reach it.
    unwrap(
      router.upsertJob({
        id: "after",
        channelId: "voice",
        queueId: "sales",
        matchingMode: { kind: "scheduleAndSuspend", scheduleAtSeconds: 50 },
      }),
    );
    take();
    engine.runUntil(20);
    expect(take()).toEqual([]);
    expect(router.getJob("never")?.status).toBe("cancelled");
    expect(router.getJob("after")?.status).toBe("scheduled");
    expect(checkInvariants(router)).toEqual([]);
  });
});
