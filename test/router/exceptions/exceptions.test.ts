/**
 * Event-trace tests of exception policies (§4, §8 f): the documented samples (queue length 10,
 * wait time 30 s, escalation by reclassify), cancel, revocation of open offers, triggers
 * cancelled by assignment and restarted by re-queue, and the loop guard.
 */
import { describe, expect, it } from "vitest";
import { MAX_CHAINED_FIRINGS } from "../../../src/router/exceptions/exceptions.ts";
import { checkInvariants } from "../../../src/router/invariants.ts";
import type {
  ClassificationPolicySpec,
  ExceptionPolicySpec,
  QueueSpec,
  WorkerSpec,
} from "../../../src/router/types.ts";
import { type Harness, harness, offerOf, unwrap, voiceWorker } from "../helpers.ts";

/** A voice worker of capacity 1 in `queues`. */
function agent(id: string, queues: string[], labels: WorkerSpec["labels"] = {}): WorkerSpec {
  return voiceWorker(id, { queues, labels });
}

function setup(
  exceptionPolicies: ExceptionPolicySpec[],
  queues: QueueSpec[],
  workers: WorkerSpec[] = [],
  classificationPolicies: ClassificationPolicySpec[] = [],
): Harness {
  const h = harness({
    distributionPolicies: [
      { id: "p", offerExpiresAfterSeconds: 600, mode: { kind: "longestIdle" } },
    ],
    queues,
    exceptionPolicies,
    classificationPolicies,
    workers,
  });
  h.take();
  return h;
}

function create(h: Harness, id: string, queueId: string, more = {}): void {
  unwrap(h.router.upsertJob({ id, channelId: "voice", queueId, ...more }));
}

function expectConsistent(h: Harness): void {
  expect(checkInvariants(h.router)).toEqual([]);
}

describe("queueLength trigger (Sample4: threshold 10)", () => {
  it("10 jobs waiting → the 11th triggers and is moved", () => {
    const h = setup(
      [
        {
          id: "overflow-policy",
          exceptionRules: [
            {
              id: "MaxQueueLength",
              trigger: { kind: "queueLength", threshold: 10 },
              actions: [{ kind: "manualReclassify", queueId: "overflow" }],
            },
          ],
        },
      ],
      [
        { id: "main", distributionPolicyId: "p", exceptionPolicyId: "overflow-policy" },
        { id: "overflow", distributionPolicyId: "p" },
      ],
    );
    for (let i = 1; i <= 10; i++) create(h, `j${i}`, "main");
    expect(h.take().filter((line) => line.startsWith("JobExceptionTriggered"))).toEqual([]);
    create(h, "j11", "main");
    expect(h.take()).toEqual([
      "JobReceived j11",
      "JobQueued j11",
      "JobExceptionTriggered j11",
      "JobQueued j11",
    ]);
    expect(h.events.at(-2)).toMatchObject({
      ruleKey: "MaxQueueLength",
      exceptionRuleId: "MaxQueueLength",
      queueId: "main",
    });
    expect(h.events.at(-1)).toMatchObject({ type: "RouterJobQueued", queueId: "overflow" });
    expect(h.router.getQueueStatistics("main")).toMatchObject({ ok: true, value: { length: 10 } });
    expectConsistent(h);
  });
});

describe("waitTime trigger (Sample4: 30 s)", () => {
  const policy: ExceptionPolicySpec = {
    id: "wait-policy",
    exceptionRules: [
      {
        id: "WaitTooLong",
        trigger: { kind: "waitTime", thresholdSeconds: 30 },
        actions: [
          {
            kind: "manualReclassify",
            queueId: "priority",
            priority: 100,
            workerSelectors: [{ key: "Escalation", labelOperator: "equal", value: true }],
          },
        ],
      },
    ],
  };
  const queues: QueueSpec[] = [
    { id: "main", distributionPolicyId: "p", exceptionPolicyId: "wait-policy" },
    { id: "priority", distributionPolicyId: "p" },
  ];

  it("moves the job at 30 s to another queue with priority 100 and an extra selector, once", () => {
    const h = setup([policy], queues, [
      agent("plain", ["priority"]),
      agent("escalation", ["priority"], { Escalation: true }),
    ]);
    create(h, "j1", "main", {
      requestedWorkerSelectors: [{ key: "Language", labelOperator: "notEqual", value: "de" }],
    });
    h.take();
    h.engine.runUntil(29.999);
    expect(h.take()).toEqual([]);
    h.engine.runUntil(30);
    expect(h.take()).toEqual([
      "JobExceptionTriggered j1",
      "JobQueued j1",
      "WorkerOfferIssued escalation j1",
    ]);
    const job = h.router.getJob("j1");
    expect(job).toMatchObject({ queueId: "priority", priority: 100 });
    expect(job?.requestedWorkerSelectors.map((selector) => selector.key)).toEqual([
      "Language",
      "Escalation",
    ]);
    expect(h.events.at(-2)).toMatchObject({ type: "RouterJobQueued", priority: 100 });
    h.engine.runUntil(1000);
    // The offer expires at 630 s; the rule does not fire again.
    expect(h.take()).toEqual(["WorkerOfferExpired escalation j1", "WorkerDeregistered escalation"]);
    expectConsistent(h);
  });

  it("revokes the open offers of the job it moves", () => {
    const h = setup([policy], queues, [agent("slow", ["main"]), agent("fast", ["priority"])]);
    create(h, "j1", "main");
    expect(h.take().at(-1)).toBe("WorkerOfferIssued slow j1");
    h.engine.runUntil(30);
    expect(h.take()).toEqual([
      "JobExceptionTriggered j1",
      "WorkerOfferRevoked slow j1",
      "JobQueued j1",
    ]);
    // `fast` lacks the Escalation label the action added.
    expect(h.router.getWorker("slow")?.usedCapacity).toBe(0);
    expectConsistent(h);
  });

  it("is cancelled by the assignment: an assigned job never gets a later trigger", () => {
    const h = setup([policy], queues, [agent("w", ["main"])]);
    create(h, "j1", "main");
    h.engine.runUntil(10);
    unwrap(h.router.acceptJobOffer("w", offerOf(h, "w")));
    h.take();
    const pendingAfterAccept = h.engine.pendingCount;
    h.engine.runUntil(500);
    expect(h.take()).toEqual([]);
    expect(pendingAfterAccept).toBe(0);
    expectConsistent(h);
  });

  it("is cancelled by a cancel, and restarts at the latest enqueue after an unassign", () => {
    const h = setup([policy], queues, [agent("w", ["main"])]);
    create(h, "gone", "main");
    unwrap(h.router.cancelJob("gone"));
    h.engine.runUntil(100);
    expect(h.take().filter((line) => line.includes("Exception"))).toEqual([]);
    create(h, "j1", "main");
    h.engine.runUntil(120);
    const assignment = unwrap(h.router.acceptJobOffer("w", offerOf(h, "w")));
    h.engine.runUntil(125);
    unwrap(h.router.unassignJob("j1", assignment.assignmentId));
    unwrap(h.router.declineJobOffer("w", offerOf(h, "w")));
    h.take();
    h.engine.runUntil(154.999);
    expect(h.take()).toEqual([]);
    h.engine.runUntil(155);
    expect(h.take()).toEqual(["JobExceptionTriggered j1", "JobQueued j1"]);
    expect(h.router.getJob("j1")?.enqueuedAtSeconds).toBe(100);
    expectConsistent(h);
  });
});

describe("reclassify (escalation example)", () => {
  it("upserts Escalated=true and classifies into the escalation queue at priority 10", () => {
    const escalation: ClassificationPolicySpec = {
      id: "escalation-policy",
      fallbackQueueId: "regular",
      queueSelectorAttachments: [
        {
          kind: "conditional",
          condition: { kind: "expression", expression: "job.Escalated = true" },
          selectors: [{ key: "Id", labelOperator: "equal", value: "escalated" }],
        },
      ],
      prioritizationRule: { kind: "expression", expression: "If(job.Escalated = true, 10, 1)" },
    };
    const h = setup(
      [
        {
          id: "escalate",
          exceptionRules: [
            {
              id: "EscalateJob",
              trigger: { kind: "waitTime", thresholdSeconds: 300 },
              actions: [
                {
                  kind: "reclassify",
                  classificationPolicyId: "escalation-policy",
                  labelsToUpsert: { Escalated: true },
                },
              ],
            },
          ],
        },
      ],
      [
        { id: "regular", distributionPolicyId: "p", exceptionPolicyId: "escalate" },
        { id: "escalated", distributionPolicyId: "p" },
      ],
      [],
      [escalation],
    );
    unwrap(
      h.router.upsertJob({
        id: "j1",
        channelId: "voice",
        classificationPolicyId: "escalation-policy",
        labels: { Language: "en" },
      }),
    );
    expect(h.take()).toEqual(["JobReceived j1", "JobClassified j1", "JobQueued j1"]);
    expect(h.router.getJob("j1")).toMatchObject({ queueId: "regular", priority: 1 });
    h.engine.runUntil(300);
    expect(h.take()).toEqual(["JobExceptionTriggered j1", "JobClassified j1", "JobQueued j1"]);
    expect(h.router.getJob("j1")).toMatchObject({
      queueId: "escalated",
      priority: 10,
      labels: { Language: "en", Escalated: true },
    });
    expect(h.events.at(-2)).toMatchObject({ type: "RouterJobClassified", priority: 10 });
    h.engine.runUntil(10_000);
    expect(h.take()).toEqual([]);
    expectConsistent(h);
  });
});

describe("cancel action", () => {
  it("cancels with the action's note and disposition code, revoking open offers", () => {
    const h = setup(
      [
        {
          id: "give-up",
          exceptionRules: [
            {
              id: "Abandon",
              trigger: { kind: "waitTime", thresholdSeconds: 60 },
              actions: [
                { kind: "cancel", note: "waited too long", dispositionCode: "Timeout" },
                { kind: "manualReclassify", priority: 50 },
              ],
            },
          ],
        },
      ],
      [{ id: "main", distributionPolicyId: "p", exceptionPolicyId: "give-up" }],
      [agent("w", ["main"])],
    );
    create(h, "j1", "main");
    h.take();
    h.engine.runUntil(60);
    expect(h.take()).toEqual([
      "JobExceptionTriggered j1",
      "JobCancelled j1",
      "WorkerOfferRevoked w j1",
    ]);
    expect(h.events.at(-2)).toMatchObject({ note: "waited too long", dispositionCode: "Timeout" });
    // The manualReclassify after the cancel did not run (no JobQueued above), and the router
    // forgets a job once it has ended.
    expect(h.router.getJob("j1")).toBeUndefined();
    expectConsistent(h);
  });
});

describe("chained triggers", () => {
  it("queueLength rules moving a job back and forth stop after MAX_CHAINED_FIRINGS", () => {
    const ping = (id: string, target: string): ExceptionPolicySpec => ({
      id,
      exceptionRules: [
        {
          id: `to-${target}`,
          trigger: { kind: "queueLength", threshold: 0 },
          actions: [{ kind: "manualReclassify", queueId: target }],
        },
      ],
    });
    const h = setup(
      [ping("a-policy", "b"), ping("b-policy", "a")],
      [
        { id: "a", distributionPolicyId: "p", exceptionPolicyId: "a-policy" },
        { id: "b", distributionPolicyId: "p", exceptionPolicyId: "b-policy" },
      ],
    );
    create(h, "j1", "a");
    const triggered = h.take().filter((line) => line === "JobExceptionTriggered j1");
    expect(triggered).toHaveLength(MAX_CHAINED_FIRINGS);
    expect(h.router.getJob("j1")?.status).toBe("queued");
    expectConsistent(h);
  });

  it("an action that keeps the job in its queue does not start a new entry", () => {
    const h = setup(
      [
        {
          id: "bump",
          exceptionRules: [
            {
              id: "Bump",
              trigger: { kind: "queueLength", threshold: 1 },
              actions: [{ kind: "manualReclassify", priority: 5 }],
            },
          ],
        },
      ],
      [{ id: "main", distributionPolicyId: "p", exceptionPolicyId: "bump" }],
    );
    create(h, "j1", "main");
    create(h, "j2", "main");
    expect(h.take()).toEqual([
      "JobReceived j1",
      "JobQueued j1",
      "JobReceived j2",
      "JobQueued j2",
      "JobExceptionTriggered j2",
      "JobQueued j2",
    ]);
    expect(h.router.getJobPosition("j2")).toMatchObject({ ok: true, value: { position: 1 } });
    expectConsistent(h);
  });
});
