/**
 * Changing the router's resources after construction (configuration/reconfigure.ts): what a
 * change reaches (queues on a policy, exception actions naming a classification policy, jobs
 * that enter a queue afterwards) and what it must leave alone (a queue's distribution while it
 * is busy, the rules waiting jobs are timed by), with the router's invariants holding after
 * each step.
 */
import { describe, expect, it } from "vitest";
import { checkInvariants } from "../../src/router/index.ts";
import type { RouterConfig } from "../../src/router/types.ts";
import { harness, unwrap } from "./helpers.ts";

/** A queue selector attachment choosing the queue labelled with `tier`. */
function toTier(tier: number) {
  return {
    kind: "static" as const,
    selector: { key: "tier", labelOperator: "equal" as const, value: tier },
  };
}

function config(): RouterConfig {
  return {
    distributionPolicies: [
      { id: "idle", offerExpiresAfterSeconds: 30, mode: { kind: "longestIdle" } },
      { id: "turns", offerExpiresAfterSeconds: 30, mode: { kind: "roundRobin" } },
    ],
    queues: [
      { id: "front", distributionPolicyId: "idle", exceptionPolicyId: "give-up" },
      { id: "first", distributionPolicyId: "idle", labels: { tier: 1 } },
      { id: "second", distributionPolicyId: "idle", labels: { tier: 2 } },
    ],
    classificationPolicies: [{ id: "route", queueSelectorAttachments: [toTier(1)] }],
    exceptionPolicies: [
      {
        id: "give-up",
        exceptionRules: [
          {
            id: "slow",
            trigger: { kind: "waitTime", thresholdSeconds: 60 },
            actions: [{ kind: "cancel", dispositionCode: "Slow" }],
          },
        ],
      },
      {
        id: "move-on",
        exceptionRules: [
          {
            id: "slow",
            trigger: { kind: "waitTime", thresholdSeconds: 10 },
            actions: [{ kind: "reclassify", classificationPolicyId: "route" }],
          },
        ],
      },
    ],
    exceptionRulesPerPolicy: 4,
    retainEndedJobs: true,
  };
}

function jobIn(queueId: string, id: string) {
  return { id, channelId: "voice", queueId };
}

describe("changing resources the router holds", () => {
  it("a changed exception policy times the jobs waiting under it from their queue entry", () => {
    const { engine, router } = harness(config());
    unwrap(router.upsertJob(jobIn("front", "early")));
    engine.runUntil(8);
    unwrap(router.upsertJob(jobIn("front", "late")));
    // "slow" now gives up after 10 s, not 60: early, in the queue since 0, goes at 10; late at 18.
    unwrap(
      router.updateExceptionPolicy({
        id: "give-up",
        exceptionRules: [
          {
            id: "slow",
            trigger: { kind: "waitTime", thresholdSeconds: 10 },
            actions: [{ kind: "cancel", dispositionCode: "Quick" }],
          },
        ],
      }),
    );
    engine.runUntil(10);
    expect(router.getJob("early")).toMatchObject({ status: "cancelled", dispositionCode: "Quick" });
    expect(router.getJob("late")?.status).toBe("queued");
    engine.runUntil(18);
    expect(router.getJob("late")).toMatchObject({ status: "cancelled", dispositionCode: "Quick" });
    expect(checkInvariants(router)).toEqual([]);
  });

  it("a rule that fired keeps counting as fired under the changed policy; a threshold passed fires at once", () => {
    const { engine, router } = harness(config());
    const bump = (priority: number) => ({
      id: "bump",
      trigger: { kind: "waitTime" as const, thresholdSeconds: 10 },
      actions: [{ kind: "manualReclassify" as const, priority }],
    });
    unwrap(router.updateExceptionPolicy({ id: "give-up", exceptionRules: [bump(5)] }));
    unwrap(router.upsertJob(jobIn("front", "waiting")));
    engine.runUntil(30);
    expect(router.getJob("waiting")?.priority).toBe(5);
    unwrap(
      router.updateExceptionPolicy({
        id: "give-up",
        exceptionRules: [
          bump(9),
          {
            id: "late",
            trigger: { kind: "waitTime", thresholdSeconds: 20 },
            actions: [{ kind: "cancel", dispositionCode: "Late" }],
          },
        ],
      }),
    );
    engine.runUntil(30);
    expect(router.getJob("waiting")).toMatchObject({
      status: "cancelled",
      priority: 5,
      dispositionCode: "Late",
    });
    expect(checkInvariants(router)).toEqual([]);
  });

  it("a changed classification policy is the one exception actions reclassify with", () => {
    const { engine, router } = harness(config());
    unwrap(
      router.updateQueue({
        id: "front",
        distributionPolicyId: "idle",
        exceptionPolicyId: "move-on",
      }),
    );
    unwrap(
      router.updateClassificationPolicy({ id: "route", queueSelectorAttachments: [toTier(2)] }),
    );
    unwrap(router.upsertJob(jobIn("front", "job")));
    engine.runUntil(10);
    expect(router.getJob("job")?.queueId).toBe("second");
    expect(checkInvariants(router)).toEqual([]);
  });

  it("a queue takes another exception policy for the jobs waiting in it, and changes name and labels", () => {
    const { engine, router } = harness(config());
    unwrap(router.upsertJob(jobIn("front", "waiting")));
    unwrap(
      router.updateQueue({
        id: "front",
        name: "Front desk",
        distributionPolicyId: "idle",
        exceptionPolicyId: "move-on",
        labels: { tier: 0 },
      }),
    );
    // "move-on" reclassifies after 10 s: by "route", to the queue labelled tier 1.
    engine.runUntil(10);
    expect(router.getJob("waiting")?.queueId).toBe("first");
    unwrap(router.upsertJob(jobIn("front", "second")));
    const statistics = unwrap(router.getQueueStatistics("front"));
    expect(statistics.length).toBe(1);
    expect(checkInvariants(router)).toEqual([]);
  });

  it("a busy queue distributes anew under a changed policy; offer expiry changes for offers made afterwards", () => {
    const agent = (id: string) => ({
      id,
      capacity: 2,
      queues: ["first"],
      channels: [{ channelId: "voice", capacityCostPerJob: 1 }],
      availableForOffers: true,
    });
    const { router, take } = harness({ ...config(), workers: [agent("ann"), agent("bob")] });
    unwrap(
      router.updateDistributionPolicy({
        id: "idle",
        offerExpiresAfterSeconds: 90,
        mode: { kind: "longestIdle" },
      }),
    );
    unwrap(router.upsertJob(jobIn("first", "call")));
    const offersOf = (id: string) => router.getWorker(id)?.offers ?? [];
    expect([...offersOf("ann"), ...offersOf("bob")].map((offer) => offer.expiresAtSeconds)).toEqual(
      [90],
    );
    take();
    // Two concurrent offers: the one offer is revoked and the job offered to both.
    unwrap(
      router.updateDistributionPolicy({
        id: "idle",
        offerExpiresAfterSeconds: 90,
        mode: { kind: "longestIdle", maxConcurrentOffers: 2 },
      }),
    );
    const events = take();
    expect(events.filter((line) => line.startsWith("WorkerOfferRevoked"))).toHaveLength(1);
    expect(events.filter((line) => line.startsWith("WorkerOfferIssued"))).toHaveLength(2);
    expect(checkInvariants(router)).toEqual([]);
    // The queue moves to a round-robin policy of one offer at a time, with its jobs and workers.
    unwrap(router.updateQueue({ id: "first", distributionPolicyId: "turns" }));
    expect(offersOf("ann").length + offersOf("bob").length).toBe(1);
    unwrap(router.upsertJob(jobIn("first", "second-call")));
    expect(offersOf("ann").length + offersOf("bob").length).toBe(2);
    expect(checkInvariants(router)).toEqual([]);
  });

  it("answers NotFound for a resource it does not hold", () => {
    const { router } = harness(config());
    const missing = router.updateQueue({ id: "nowhere", distributionPolicyId: "idle" });
    expect(missing.ok ? undefined : missing.error.code).toBe("NotFound");
  });
});
