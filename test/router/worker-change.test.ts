/**
 * Changing an existing worker (configuration/worker-change.ts): offers that no longer fit its
 * queues, channels, labels or capacity are revoked and the jobs matched again; offers that
 * still fit stand; assigned jobs are never stranded; new queues and labels bring new offers;
 * the router's invariants hold after each change.
 */
import { describe, expect, it } from "vitest";
import { checkInvariants } from "../../src/router/index.ts";
import type { RouterConfig, WorkerSpec } from "../../src/router/types.ts";
import { harness, unwrap } from "./helpers.ts";

const VOICE = { channelId: "voice", capacityCostPerJob: 1 };

function config(workers: WorkerSpec[]): RouterConfig {
  return {
    distributionPolicies: [
      {
        id: "idle",
        offerExpiresAfterSeconds: 60,
        mode: { kind: "longestIdle", maxConcurrentOffers: 1 },
      },
    ],
    queues: [
      { id: "sales", distributionPolicyId: "idle" },
      { id: "support", distributionPolicyId: "idle" },
    ],
    workers,
  };
}

function agent(id: string, changes: Partial<WorkerSpec> = {}): WorkerSpec {
  return {
    id,
    capacity: 1,
    queues: ["sales"],
    channels: [VOICE],
    availableForOffers: true,
    ...changes,
  };
}

function offersOf(router: ReturnType<typeof harness>["router"], workerId: string): string[] {
  return (router.getWorker(workerId)?.offers ?? []).map((offer) => offer.jobId);
}

describe("changing a worker", () => {
  it("revokes an offer from a queue it leaves and offers it jobs of the queue it joins", () => {
    const { router, take } = harness(config([agent("ann")]));
    unwrap(router.upsertJob({ id: "deal", channelId: "voice", queueId: "sales" }));
    unwrap(router.upsertJob({ id: "fix", channelId: "voice", queueId: "support" }));
    expect(offersOf(router, "ann")).toEqual(["deal"]);
    take();
    unwrap(router.upsertWorker({ id: "ann", queues: ["support"] }));
    expect(take()).toEqual(["WorkerOfferRevoked ann deal", "WorkerOfferIssued ann fix"]);
    expect(router.getWorker("ann")?.queues).toEqual(["support"]);
    expect(router.getJob("deal")?.status).toBe("queued");
    expect(checkInvariants(router)).toEqual([]);
  });

  it("keeps an offer that still fits, and revokes one its new labels no longer satisfy", () => {
    const { router, take } = harness(
      config([agent("ann", { capacity: 2, labels: { french: true } })]),
    );
    unwrap(
      router.upsertJob({
        id: "paris",
        channelId: "voice",
        queueId: "sales",
        requestedWorkerSelectors: [{ key: "french", labelOperator: "equal", value: true }],
      }),
    );
    unwrap(router.upsertJob({ id: "london", channelId: "voice", queueId: "sales" }));
    expect(offersOf(router, "ann")).toEqual(["paris", "london"]);
    take();
    unwrap(router.upsertWorker({ id: "ann", tags: { floor: 2 } }));
    expect(take()).toEqual([]);
    unwrap(router.upsertWorker({ id: "ann", labels: { french: false } }));
    expect(take()).toEqual(["WorkerOfferRevoked ann paris"]);
    expect(offersOf(router, "ann")).toEqual(["london"]);
    expect(router.getWorker("ann")?.labels).toEqual({ french: false, Id: "ann" });
    expect(router.core.fastLane).toBe(false);
    // Labels that satisfy the job again bring its offer back.
    unwrap(router.upsertWorker({ id: "ann", labels: { french: true } }));
    expect(offersOf(router, "ann")).toEqual(["london", "paris"]);
    expect(checkInvariants(router)).toEqual([]);
  });

  it("revokes the newest offers beyond a smaller capacity, and counts load at new costs", () => {
    const { router } = harness(config([agent("ann", { capacity: 3 })]));
    for (const id of ["a", "b", "c"]) {
      unwrap(router.upsertJob({ id, channelId: "voice", queueId: "sales" }));
    }
    expect(offersOf(router, "ann")).toEqual(["a", "b", "c"]);
    unwrap(router.upsertWorker({ id: "ann", capacity: 2 }));
    expect(offersOf(router, "ann")).toEqual(["a", "b"]);
    unwrap(
      router.upsertWorker({
        id: "ann",
        channels: [{ channelId: "voice", capacityCostPerJob: 2 }],
      }),
    );
    expect(offersOf(router, "ann")).toEqual(["a"]);
    expect(router.getWorker("ann")?.loadRatio).toBe(1);
    expect(checkInvariants(router)).toEqual([]);
  });

  it("refuses a change that would strand an assigned job, and changes nothing", () => {
    const { router } = harness(config([agent("ann", { capacity: 2, channels: [VOICE] })]));
    unwrap(router.upsertJob({ id: "call", channelId: "voice", queueId: "sales" }));
    const offer = router.getWorker("ann")?.offers[0];
    unwrap(router.acceptJobOffer("ann", offer?.offerId ?? ""));
    const chatOnly = router.upsertWorker({
      id: "ann",
      channels: [{ channelId: "chat", capacityCostPerJob: 1 }],
    });
    expect(chatOnly.ok ? "" : chatOnly.error.message).toMatch(/holds job call on channel voice/);
    const tooSmall = router.upsertWorker({
      id: "ann",
      channels: [{ channelId: "voice", capacityCostPerJob: 3 }],
    });
    expect(tooSmall.ok ? "" : tooSmall.error.message).toMatch(/take 3 of its capacity/);
    expect(router.getWorker("ann")?.channels).toEqual([
      { channelId: "voice", capacityCostPerJob: 1, maxNumberOfJobs: null },
    ]);
    // Queues may change under an assigned job: it stays assigned.
    unwrap(router.upsertWorker({ id: "ann", queues: ["support"] }));
    expect(router.getJob("call")?.status).toBe("assigned");
    expect(checkInvariants(router)).toEqual([]);
  });
});
