import { describe, expect, it } from "vitest";
import type { RouterWorkerOfferIssued } from "../../src/router/events/events.ts";
import type { WorkerSpec } from "../../src/router/types.ts";
import { harness, offerOf, singleQueue, unwrap, voiceWorker } from "./helpers.ts";

function offeredWorkers(events: readonly { type: string }[]): string[] {
  return events
    .filter((event): event is RouterWorkerOfferIssued => event.type === "RouterWorkerOfferIssued")
    .map((event) => event.workerId);
}

describe("omnichannel capacity", () => {
  const voiceAndChat: WorkerSpec = {
    id: "w",
    capacity: 100,
    queues: ["q"],
    availableForOffers: true,
    channels: [
      { channelId: "voice", capacityCostPerJob: 100 },
      { channelId: "chat", capacityCostPerJob: 20 },
    ],
  };

  it("capacity 100 with voice 100 and chat 20 takes five chats, not a sixth, not a voice", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceAndChat]));
    for (let i = 1; i <= 6; i++)
      unwrap(h.router.upsertJob({ id: `c${i}`, channelId: "chat", queueId: "q" }));
    unwrap(h.router.upsertJob({ id: "v1", channelId: "voice", queueId: "q" }));
    const worker = h.router.getWorker("w");
    expect(worker?.offers.map((offer) => offer.jobId)).toEqual(["c1", "c2", "c3", "c4", "c5"]);
    expect(worker?.usedCapacity).toBe(100);
    expect(worker?.loadRatio).toBe(1);
  });

  it("one open chat blocks a voice job until the chat closes", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceAndChat]));
    unwrap(h.router.upsertJob({ id: "c1", channelId: "chat", queueId: "q" }));
    unwrap(h.router.upsertJob({ id: "v1", channelId: "voice", queueId: "q" }));
    expect(h.router.getWorker("w")?.offers.map((offer) => offer.jobId)).toEqual(["c1"]);
    const { assignmentId } = unwrap(h.router.acceptJobOffer("w", offerOf(h, "w")));
    unwrap(h.router.completeJob("c1", assignmentId));
    // Wrap-up still holds the capacity (§8 l).
    expect(h.router.getWorker("w")?.offers).toEqual([]);
    unwrap(h.router.closeJob("c1", assignmentId));
    expect(h.router.getWorker("w")?.offers.map((offer) => offer.jobId)).toEqual(["v1"]);
  });

  it("maxNumberOfJobs caps a channel even with free capacity; voice 60 + 2 chats + 2 emails fit", () => {
    const worker: WorkerSpec = {
      id: "w",
      capacity: 100,
      queues: ["q"],
      availableForOffers: true,
      channels: [
        { channelId: "voice", capacityCostPerJob: 60 },
        { channelId: "chat", capacityCostPerJob: 10, maxNumberOfJobs: 2 },
        { channelId: "email", capacityCostPerJob: 10, maxNumberOfJobs: 2 },
      ],
    };
    const h = harness(singleQueue({ kind: "longestIdle" }, [worker]));
    for (let i = 1; i <= 3; i++)
      unwrap(h.router.upsertJob({ id: `c${i}`, channelId: "chat", queueId: "q" }));
    expect(h.router.getWorker("w")?.offers.map((offer) => offer.jobId)).toEqual(["c1", "c2"]);
    expect(h.router.getWorker("w")?.usedCapacity).toBe(20);
    for (let i = 1; i <= 3; i++)
      unwrap(h.router.upsertJob({ id: `e${i}`, channelId: "email", queueId: "q" }));
    unwrap(h.router.upsertJob({ id: "v1", channelId: "voice", queueId: "q" }));
    expect(h.router.getWorker("w")?.offers.map((offer) => offer.jobId)).toEqual([
      "c1",
      "c2",
      "e1",
      "e2",
      "v1",
    ]);
    expect(h.router.getWorker("w")?.usedCapacity).toBe(100);
  });
});

describe("longest idle", () => {
  it("orders the documented example D, C, A, B (load ratio, then idle since)", () => {
    const loaded = (id: string, capacity: number): WorkerSpec => ({
      id,
      capacity,
      queues: ["q", `load-${id}`],
      channels: [{ channelId: "chat", capacityCostPerJob: 1 }],
    });
    const fourWay = {
      kind: "longestIdle",
      minConcurrentOffers: 4,
      maxConcurrentOffers: 4,
    } as const;
    const h = harness({
      distributionPolicies: [
        { id: "policy", offerExpiresAfterSeconds: 3600, mode: fourWay },
        { id: "single", offerExpiresAfterSeconds: 3600, mode: { kind: "longestIdle" } },
      ],
      queues: [
        { id: "q", distributionPolicyId: "policy" },
        ...["A", "B", "C", "D"].map((id) => ({ id: `load-${id}`, distributionPolicyId: "single" })),
      ],
      workers: [loaded("A", 5), loaded("B", 4), loaded("C", 5), loaded("D", 3)],
    });
    // Registered 7, 5, 3 and 2 minutes before the job arrives at t = 420 s.
    const registrations: [string, number][] = [
      ["C", 0],
      ["A", 120],
      ["B", 240],
      ["D", 300],
    ];
    for (const [id, atSeconds] of registrations) {
      h.engine.runUntil(atSeconds);
      unwrap(h.router.registerWorker(id));
      if (id === "D") continue;
      for (let n = 1; n <= 3; n++) {
        unwrap(
          h.router.upsertJob({ id: `${id}-load-${n}`, channelId: "chat", queueId: `load-${id}` }),
        );
        unwrap(h.router.acceptJobOffer(id, offerOf(h, id)));
      }
    }
    h.engine.runUntil(420);
    const before = h.events.length;
    unwrap(h.router.upsertJob({ id: "job", channelId: "chat", queueId: "q" }));
    expect(offeredWorkers(h.events.slice(before))).toEqual(["D", "C", "A", "B"]);
  });

  it("prefers the worker whose load became 0 earliest", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("w1"), voiceWorker("w2")]));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    unwrap(h.router.upsertJob({ id: "j2", channelId: "voice", queueId: "q" }));
    const a1 = unwrap(h.router.acceptJobOffer("w1", offerOf(h, "w1"))).assignmentId;
    const a2 = unwrap(h.router.acceptJobOffer("w2", offerOf(h, "w2"))).assignmentId;
    h.engine.runUntil(10);
    unwrap(h.router.completeJob("j2", a2));
    unwrap(h.router.closeJob("j2", a2));
    h.engine.runUntil(20);
    unwrap(h.router.completeJob("j1", a1));
    unwrap(h.router.closeJob("j1", a1));
    const before = h.events.length;
    unwrap(h.router.upsertJob({ id: "j3", channelId: "voice", queueId: "q" }));
    expect(offeredWorkers(h.events.slice(before))).toEqual(["w2"]);
  });
});

describe("round robin", () => {
  it("offers to the next worker after the last one offered, in id order, wrapping around", () => {
    const workers = ["w3", "w1", "w2"].map((id) => voiceWorker(id, { capacity: 10 }));
    const h = harness(singleQueue({ kind: "roundRobin" }, workers, 3600));
    for (let i = 1; i <= 5; i++)
      unwrap(h.router.upsertJob({ id: `j${i}`, channelId: "voice", queueId: "q" }));
    expect(offeredWorkers(h.events)).toEqual(["w1", "w2", "w3", "w1", "w2"]);
  });

  it("skips workers that cannot take the job", () => {
    const workers = ["w1", "w2", "w3"].map((id) => voiceWorker(id, { capacity: 1 }));
    const h = harness(singleQueue({ kind: "roundRobin" }, workers, 3600));
    unwrap(h.router.upsertJob({ id: "j1", channelId: "voice", queueId: "q" }));
    const { assignmentId } = unwrap(h.router.acceptJobOffer("w1", offerOf(h, "w1")));
    unwrap(h.router.completeJob("j1", assignmentId));
    unwrap(h.router.closeJob("j1", assignmentId));
    unwrap(h.router.upsertJob({ id: "j2", channelId: "voice", queueId: "q" }));
    unwrap(h.router.upsertJob({ id: "j3", channelId: "voice", queueId: "q" }));
    unwrap(h.router.upsertJob({ id: "j4", channelId: "voice", queueId: "q" }));
    expect(offeredWorkers(h.events)).toEqual(["w1", "w2", "w3", "w1"]);
  });
});

describe("best worker", () => {
  function bestWorkerHarness(
    workers: [string, Record<string, string | number>][],
    bypassSelectors = false,
  ) {
    const mode = {
      kind: "bestWorker",
      minConcurrentOffers: 3,
      maxConcurrentOffers: 3,
      bypassSelectors,
    } as const;
    return harness(
      singleQueue(
        mode,
        workers.map(([id, labels]) => voiceWorker(id, { labels })),
      ),
    );
  }

  it("example 1: label matches, ties by idle time", () => {
    const h = bestWorkerHarness([
      ["C", { language: "english", department: "support" }],
      ["B", { language: "english" }],
      ["A", { language: "english", department: "sales" }],
    ]);
    const before = h.events.length;
    unwrap(
      h.router.upsertJob({
        id: "j",
        channelId: "voice",
        queueId: "q",
        labels: { language: "english", department: "sales" },
      }),
    );
    // C and B score 0.5; all registered at t = 0, so idle ties fall to id order: B before C.
    expect(offeredWorkers(h.events.slice(before))).toEqual(["A", "B", "C"]);
  });

  it("example 2: E first, then D and F by idle time (selectors bypassed)", () => {
    const h = harness(
      singleQueue(
        {
          kind: "bestWorker",
          minConcurrentOffers: 3,
          maxConcurrentOffers: 3,
          bypassSelectors: true,
        },
        [],
      ),
    );
    const labels: [string, Record<string, string>][] = [
      ["F", { department: "sales", segment: "new" }],
      ["D", { department: "billing", segment: "vip" }],
      ["E", { department: "billing" }],
    ];
    for (const [id, workerLabels] of labels) {
      h.engine.runUntil(h.engine.now + 1);
      unwrap(h.router.upsertWorker(voiceWorker(id, { labels: workerLabels })));
    }
    const before = h.events.length;
    unwrap(
      h.router.upsertJob({
        id: "j",
        channelId: "voice",
        queueId: "q",
        requestedWorkerSelectors: [
          { key: "department", labelOperator: "equal", value: "billing" },
          { key: "segment", labelOperator: "notEqual", value: "vip" },
        ],
      }),
    );
    // F registered first, so it has been idle longer than D.
    expect(offeredWorkers(h.events.slice(before))).toEqual(["E", "F", "D"]);
  });

  it("example 3: H, I, G", () => {
    const h = bestWorkerHarness([
      ["G", { language: "french", sales: 10, cost: 10 }],
      ["H", { language: "french", sales: 15, cost: 10 }],
      ["I", { language: "french", sales: 10, cost: 9 }],
    ]);
    const before = h.events.length;
    unwrap(
      h.router.upsertJob({
        id: "j",
        channelId: "voice",
        queueId: "q",
        requestedWorkerSelectors: [
          { key: "language", labelOperator: "equal", value: "french" },
          { key: "sales", labelOperator: "greaterThanOrEqual", value: 10 },
          { key: "cost", labelOperator: "lessThanOrEqual", value: 10 },
        ],
      }),
    );
    expect(offeredWorkers(h.events.slice(before))).toEqual(["H", "I", "G"]);
  });
});

describe("queue order, position and statistics", () => {
  it("serves expedited, then higher priority, then earlier enqueue, then creation", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, []));
    unwrap(h.router.upsertJob({ id: "low", channelId: "voice", queueId: "q", priority: 1 }));
    h.engine.runUntil(5);
    unwrap(h.router.upsertJob({ id: "high-late", channelId: "voice", queueId: "q", priority: 5 }));
    unwrap(h.router.upsertJob({ id: "high-later", channelId: "voice", queueId: "q", priority: 5 }));
    unwrap(
      h.router.upsertJob({
        id: "expedited",
        channelId: "voice",
        queueId: "q",
        priority: -100,
        requestedWorkerSelectors: [
          { key: "Id", labelOperator: "notEqual", value: "x", expedite: true },
        ],
      }),
    );
    const order = ["expedited", "high-late", "high-later", "low"];
    order.forEach((jobId, index) => {
      expect(unwrap(h.router.getJobPosition(jobId))).toEqual({
        jobId,
        position: index + 1,
        queueId: "q",
        queueLength: 4,
      });
    });
    h.engine.runUntil(65);
    expect(unwrap(h.router.getQueueStatistics("q"))).toEqual({
      queueId: "q",
      length: 4,
      longestJobWaitSeconds: 65,
      longestJobWaitTimeMinutes: 65 / 60,
      // In queue order: expedited, the two of priority 5, then the low one.
      queuedPriorities: [-100, 5, 5, 1],
      activeWorkers: 0,
    });
    unwrap(h.router.upsertWorker(voiceWorker("w1")));
    expect(h.router.getWorker("w1")?.offers[0]?.jobId).toBe("expedited");
  });

  it("a freed worker takes, across its queues, the job first in queue order", () => {
    const h = harness({
      distributionPolicies: [
        { id: "p", offerExpiresAfterSeconds: 60, mode: { kind: "longestIdle" } },
      ],
      queues: [
        { id: "q1", distributionPolicyId: "p" },
        { id: "q2", distributionPolicyId: "p" },
      ],
      workers: [],
    });
    unwrap(h.router.upsertJob({ id: "old", channelId: "voice", queueId: "q1" }));
    h.engine.runUntil(1);
    unwrap(h.router.upsertJob({ id: "urgent", channelId: "voice", queueId: "q2", priority: 9 }));
    unwrap(h.router.upsertWorker({ ...voiceWorker("w"), queues: ["q1", "q2"] }));
    expect(h.router.getWorker("w")?.offers.map((offer) => offer.jobId)).toEqual(["urgent"]);
  });

  it("re-matches a queued job whose selectors change, revoking its offer", () => {
    const h = harness(
      singleQueue({ kind: "longestIdle" }, [
        voiceWorker("w1", { labels: { tier: 1 } }),
        voiceWorker("w2", { labels: { tier: 2 } }),
      ]),
    );
    unwrap(h.router.upsertJob({ id: "j", channelId: "voice", queueId: "q" }));
    h.take();
    unwrap(
      h.router.upsertJob({
        id: "j",
        requestedWorkerSelectors: [{ key: "tier", labelOperator: "equal", value: 2 }],
      }),
    );
    expect(h.take()).toEqual(["WorkerOfferRevoked w1 j", "JobQueued j", "WorkerOfferIssued w2 j"]);
  });

  it("rejects a priority outside −100..100", () => {
    const h = harness(singleQueue({ kind: "longestIdle" }, []));
    const result = h.router.upsertJob({ id: "j", channelId: "voice", queueId: "q", priority: 101 });
    expect(!result.ok && result.error.code).toBe("BadRequest");
    expect(h.router.getJob("j")).toBeUndefined();
  });
});
