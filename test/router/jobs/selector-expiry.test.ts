/**
 * Event-trace tests of worker selector expiry and expedite (§1.7, §3.7, §8 a): the
 * preferred-worker pattern, expedite ordering while active, the base times of `expiresAt`.
 */
import { describe, expect, it } from "vitest";
import { checkInvariants } from "../../../src/router/invariants.ts";
import type { WorkerSelectorSpec, WorkerSpec } from "../../../src/router/types.ts";
import { type Harness, harness, offerOf, unwrap, voiceWorker } from "../helpers.ts";

function setup(workers: WorkerSpec[]): Harness {
  const h = harness({
    distributionPolicies: [
      { id: "p", offerExpiresAfterSeconds: 1000, mode: { kind: "longestIdle" } },
    ],
    queues: [{ id: "q", distributionPolicyId: "p" }],
    classificationPolicies: [
      {
        id: "c",
        queueSelectorAttachments: [
          { kind: "static", selector: { key: "Id", labelOperator: "equal", value: "q" } },
        ],
        workerSelectorAttachments: [
          { kind: "passThrough", key: "Skill", labelOperator: "equal", expiresAfterSeconds: 30 },
        ],
      },
    ],
    workers,
  });
  h.take();
  return h;
}

const preferred = (workerId: string): WorkerSelectorSpec => ({
  key: "Id",
  labelOperator: "equal",
  value: workerId,
  expedite: true,
  expiresAfterSeconds: 45,
});

function expectConsistent(h: Harness): void {
  expect(checkInvariants(h.router)).toEqual([]);
}

describe("preferred worker (Id equal W, expedite, 45 s)", () => {
  it("waits for the preferred worker, then the expiry widens the eligible workers", () => {
    // `other` has been idle longest, so it would win without the selector.
    const h = setup([voiceWorker("other"), voiceWorker("pref")]);
    unwrap(h.router.upsertJob({ id: "busy", channelId: "voice", queueId: "q" }));
    unwrap(h.router.acceptJobOffer("other", offerOf(h, "other")));
    h.engine.runUntil(5);
    h.take();
    // pref is now busy too: the preferred job must wait.
    unwrap(h.router.upsertJob({ id: "blocker", channelId: "voice", queueId: "q" }));
    unwrap(h.router.acceptJobOffer("pref", offerOf(h, "pref")));
    unwrap(
      h.router.upsertJob({
        id: "j1",
        channelId: "voice",
        queueId: "q",
        requestedWorkerSelectors: [preferred("pref")],
      }),
    );
    const busy = h.router.getJob("busy")?.assignment?.assignmentId as string;
    unwrap(h.router.completeJob("busy", busy));
    unwrap(h.router.closeJob("busy", busy));
    h.take();
    expect(h.router.getWorker("other")?.offers).toEqual([]);
    expect(h.router.getJob("j1")?.requestedWorkerSelectors[0]).toMatchObject({
      status: "active",
      expiresAtSeconds: 50,
    });
    h.engine.runUntil(49.999);
    expect(h.take()).toEqual([]);
    h.engine.runUntil(50);
    expect(h.take()).toEqual(["JobWorkerSelectorsExpired j1", "WorkerOfferIssued other j1"]);
    const expired = h.events.at(-2);
    expect(expired).toMatchObject({
      type: "RouterJobWorkerSelectorsExpired",
      queueId: "q",
      expiredRequestedWorkerSelectors: [{ key: "Id", value: "pref", status: "expired" }],
      expiredAttachedWorkerSelectors: [],
    });
    expect(h.router.getJob("j1")?.requestedWorkerSelectors[0]?.status).toBe("expired");
    expectConsistent(h);
  });

  it("the preferred worker freed before the expiry takes the job at once", () => {
    const h = setup([voiceWorker("other"), voiceWorker("pref")]);
    unwrap(h.router.upsertJob({ id: "blocker", channelId: "voice", queueId: "q" }));
    unwrap(h.router.declineJobOffer("other", offerOf(h, "other")));
    const assignment = unwrap(h.router.acceptJobOffer("pref", offerOf(h, "pref")));
    unwrap(
      h.router.upsertJob({
        id: "j1",
        channelId: "voice",
        queueId: "q",
        requestedWorkerSelectors: [preferred("pref")],
      }),
    );
    h.engine.runUntil(20);
    unwrap(h.router.completeJob("blocker", assignment.assignmentId));
    h.take();
    unwrap(h.router.closeJob("blocker", assignment.assignmentId));
    expect(h.take()).toEqual(["JobClosed pref blocker", "WorkerOfferIssued pref j1"]);
    expectConsistent(h);
  });
});

describe("expedite ordering", () => {
  it("puts the job first while its expedite selector is active, then back in its place", () => {
    const h = setup([]);
    unwrap(h.router.upsertJob({ id: "high", channelId: "voice", queueId: "q", priority: 50 }));
    unwrap(
      h.router.upsertJob({
        id: "expedited",
        channelId: "voice",
        queueId: "q",
        priority: 1,
        requestedWorkerSelectors: [
          {
            key: "Any",
            labelOperator: "notEqual",
            value: "x",
            expedite: true,
            expiresAfterSeconds: 45,
          },
        ],
      }),
    );
    const position = (jobId: string) => unwrap(h.router.getJobPosition(jobId)).position;
    expect([position("expedited"), position("high")]).toEqual([1, 2]);
    h.engine.runUntil(45);
    expect([position("high"), position("expedited")]).toEqual([1, 2]);
    expectConsistent(h);
    unwrap(h.router.upsertWorker(voiceWorker("w")));
    expect(h.take().at(-1)).toBe("WorkerOfferIssued w high");
  });

  it("a freed worker takes the expedited job before a higher-priority one", () => {
    const h = setup([]);
    unwrap(h.router.upsertJob({ id: "high", channelId: "voice", queueId: "q", priority: 50 }));
    unwrap(
      h.router.upsertJob({
        id: "expedited",
        channelId: "voice",
        queueId: "q",
        requestedWorkerSelectors: [
          { key: "Id", labelOperator: "equal", value: "w", expedite: true },
        ],
      }),
    );
    unwrap(h.router.upsertWorker(voiceWorker("w")));
    expect(h.take().at(-1)).toBe("WorkerOfferIssued w expedited");
    expectConsistent(h);
  });
});

describe("expiry base times", () => {
  it("requested selectors count from creation, attached ones from classification", () => {
    const h = setup([voiceWorker("w", { labels: { Skill: 9 } })]);
    h.engine.runUntil(10);
    unwrap(
      h.router.upsertJob({
        id: "j1",
        channelId: "voice",
        classificationPolicyId: "c",
        labels: { Skill: 3 },
        requestedWorkerSelectors: [
          { key: "Skill", labelOperator: "greaterThan", value: 1, expiresAfterSeconds: 50 },
        ],
      }),
    );
    const job = h.router.getJob("j1");
    expect(job?.requestedWorkerSelectors[0]?.expiresAtSeconds).toBe(60);
    expect(job?.attachedWorkerSelectors[0]).toMatchObject({ value: 3, expiresAtSeconds: 40 });
    h.take();
    h.engine.runUntil(40);
    expect(h.take()).toEqual(["JobWorkerSelectorsExpired j1", "WorkerOfferIssued w j1"]);
    expect(h.events.at(-2)).toMatchObject({
      expiredRequestedWorkerSelectors: [],
      expiredAttachedWorkerSelectors: [{ key: "Skill", value: 3, status: "expired" }],
    });
    h.engine.runUntil(60);
    expect(h.take()).toEqual(["JobWorkerSelectorsExpired j1"]);
    expectConsistent(h);
  });

  it("a closed or cancelled job holds no expiry timer", () => {
    const h = setup([]);
    unwrap(
      h.router.upsertJob({
        id: "j1",
        channelId: "voice",
        queueId: "q",
        requestedWorkerSelectors: [preferred("w")],
      }),
    );
    expect(h.engine.pendingCount).toBe(1);
    unwrap(h.router.cancelJob("j1"));
    expect(h.engine.pendingCount).toBe(0);
    expectConsistent(h);
  });
});

describe("expiry after a failed classification", () => {
  it("resumes when a PATCH queues the job, firing overdue selectors at once", () => {
    const h = harness({
      distributionPolicies: [
        { id: "p", offerExpiresAfterSeconds: 60, mode: { kind: "longestIdle" } },
      ],
      queues: [{ id: "q", distributionPolicyId: "p" }],
      classificationPolicies: [{ id: "nowhere" }],
      workers: [voiceWorker("w")],
    });
    unwrap(
      h.router.upsertJob({
        id: "j1",
        channelId: "voice",
        classificationPolicyId: "nowhere",
        requestedWorkerSelectors: [preferred("nobody")],
      }),
    );
    expect(h.router.getJob("j1")?.status).toBe("classificationFailed");
    expect(h.engine.pendingCount).toBe(0);
    h.engine.runUntil(100);
    h.take();
    unwrap(h.router.upsertJob({ id: "j1", queueId: "q" }));
    expect(checkInvariants(h.router)).toEqual([]);
    expect(h.take()).toEqual(["JobQueued j1"]);
    h.engine.runUntil(100);
    expect(h.take()).toEqual(["JobWorkerSelectorsExpired j1", "WorkerOfferIssued w j1"]);
    expectConsistent(h);
  });
});
