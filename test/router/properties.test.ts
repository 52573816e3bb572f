/**
 * Property tests: random configurations (with classification policies, exception policies and
 * expiring, expediting selectors) and random operation sequences (including stale and invalid
 * calls), with the router's invariants checked after every step, plus the event-level
 * properties: each offer is resolved exactly once, job statuses change only along §2.1, a
 * rejected operation emits nothing, and exception rules fire only on queued jobs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine.ts";
import type { RouterEvent } from "../../src/router/events/events.ts";
import { checkInvariants, isLegalTransition } from "../../src/router/invariants.ts";
import { Router } from "../../src/router/router.ts";
import type {
  ClassificationPolicySpec,
  ExceptionActionSpec,
  ExceptionPolicySpec,
  ExceptionRuleSpec,
  JobStatus,
  QueueSelectorAttachmentSpec,
  RouterConfig,
  WorkerSelectorAttachmentSpec,
  WorkerSelectorSpec,
  WorkerSpec,
} from "../../src/router/types.ts";
import { DISTRIBUTION_MODE_KINDS } from "../../src/vocabulary/index.ts";
import { assertProperty } from "../support/property.ts";

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

const CHANNELS = ["voice", "chat"];
const QUEUES = ["q1", "q2"];

const policyArbitrary = fc
  .record({
    kind: fc.constantFrom(...DISTRIBUTION_MODE_KINDS),
    min: fc.integer({ min: 1, max: 2 }),
    extra: fc.integer({ min: 0, max: 2 }),
    bypass: fc.boolean(),
    expiry: fc.constantFrom(5, 30),
  })
  .map(({ kind, min, extra, bypass, expiry }) => ({
    offerExpiresAfterSeconds: expiry,
    mode: {
      kind,
      minConcurrentOffers: min,
      maxConcurrentOffers: min + extra,
      bypassSelectors: bypass,
    },
  }));

const workerArbitrary = fc.record({
  capacity: fc.integer({ min: 1, max: 4 }),
  voiceCost: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  chatCost: fc.integer({ min: 0, max: 2 }),
  chatMax: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
  queueMask: fc.integer({ min: 1, max: 3 }),
  skill: fc.integer({ min: 0, max: 3 }),
  registered: fc.boolean(),
});

const routingArbitrary = fc.record({
  fallback: fc.boolean(),
  queueAttachment: fc.constantFrom("none", "static", "conditional", "passThrough", "weighted"),
  prioritize: fc.boolean(),
  workerAttachment: fc.constantFrom("none", "static", "passThrough", "expedite"),
  exceptionQueueMask: fc.integer({ min: 0, max: 3 }),
  trigger: fc.constantFrom("queueLength", "waitTime"),
  threshold: fc.integer({ min: 0, max: 3 }),
  waitSeconds: fc.constantFrom(0, 5, 20),
  action: fc.constantFrom("cancel", "move", "moveHere", "reclassify", "moveThenCancel"),
  secondRule: fc.boolean(),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
});

type Routing = ValueOf<typeof routingArbitrary>;

/** A small deterministic uniform source for weighted allocations (Park–Miller). */
function scriptedRandom(seed: number): { next(): number } {
  let state = seed;
  return {
    next() {
      state = (state * 48271) % 2147483647;
      return (state - 1) / 2147483646;
    },
  };
}

function queueAttachments(routing: Routing): QueueSelectorAttachmentSpec[] {
  const byId = (id: string) => [{ key: "Id", labelOperator: "equal" as const, value: id }];
  switch (routing.queueAttachment) {
    case "none":
      return [];
    case "static":
      return [{ kind: "static", selector: { key: "Id", labelOperator: "equal", value: "q2" } }];
    case "conditional":
      return [
        {
          kind: "conditional",
          condition: { kind: "expression", expression: "job.Tier >= 1 And Not IsBlank(job.Tier)" },
          selectors: byId("q2"),
        },
      ];
    case "passThrough":
      return [{ kind: "passThrough", key: "Tier", labelOperator: "equal" }];
    default:
      return [
        {
          kind: "weightedAllocation",
          allocations: [
            { weight: 0.5, selectors: byId("q1") },
            { weight: 0.5, selectors: byId("q2") },
          ],
        },
      ];
  }
}

function workerAttachments(routing: Routing): WorkerSelectorAttachmentSpec[] {
  switch (routing.workerAttachment) {
    case "none":
      return [];
    case "static":
      return [{ kind: "static", selector: { key: "skill", labelOperator: "lessThan", value: 3 } }];
    case "passThrough":
      return [
        {
          kind: "passThrough",
          key: "Skill",
          labelOperator: "greaterThanOrEqual",
          expiresAfterSeconds: 7,
        },
      ];
    default:
      return [
        {
          kind: "static",
          selector: {
            key: "skill",
            labelOperator: "equal",
            value: 2,
            expedite: true,
            expiresAfterSeconds: 12,
          },
        },
      ];
  }
}

function exceptionActions(routing: Routing): ExceptionActionSpec[] {
  const extra: WorkerSelectorSpec[] = [
    { key: "skill", labelOperator: "greaterThanOrEqual", value: 1, expiresAfterSeconds: 9 },
  ];
  switch (routing.action) {
    case "cancel":
      return [{ kind: "cancel", note: "exception", dispositionCode: "Exception" }];
    case "move":
      return [{ kind: "manualReclassify", queueId: "q2", priority: 100, workerSelectors: extra }];
    case "moveHere":
      return [{ kind: "manualReclassify", priority: 50 }];
    case "reclassify":
      return [{ kind: "reclassify", classificationPolicyId: "c", labelsToUpsert: { Tier: 1 } }];
    default:
      return [{ kind: "manualReclassify", queueId: "q1" }, { kind: "cancel" }];
  }
}

function policiesOf(routing: Routing): {
  classificationPolicies: ClassificationPolicySpec[];
  exceptionPolicies: ExceptionPolicySpec[];
} {
  const classification: ClassificationPolicySpec = {
    id: "c",
    ...(routing.fallback ? { fallbackQueueId: "q1" } : {}),
    queueSelectorAttachments: queueAttachments(routing),
    ...(routing.prioritize
      ? {
          prioritizationRule: {
            kind: "expression",
            expression: "If(job.Tier = 1, 10, job.Tier * 3 - 2)",
          },
        }
      : {}),
    workerSelectorAttachments: workerAttachments(routing),
  } as ClassificationPolicySpec;
  const trigger =
    routing.trigger === "queueLength"
      ? { kind: "queueLength" as const, threshold: routing.threshold }
      : { kind: "waitTime" as const, thresholdSeconds: routing.waitSeconds };
  const rules: ExceptionRuleSpec[] = [
    { id: "rule-1", trigger, actions: exceptionActions(routing) },
  ];
  if (routing.secondRule) {
    rules.push({
      id: "rule-2",
      trigger: { kind: "waitTime", thresholdSeconds: routing.waitSeconds + 10 },
      actions: [{ kind: "cancel", note: "late", dispositionCode: "Late" }],
    });
  }
  return {
    classificationPolicies: [classification],
    exceptionPolicies: [{ id: "e", exceptionRules: rules }],
  };
}

const OPERATION_KINDS = [
  "create",
  "accept",
  "decline",
  "complete",
  "close",
  "unassign",
  "cancel",
  "register",
  "deregister",
  "advance",
  "staleAccept",
] as const;

const operationArbitrary = fc.record({
  kind: fc.constantFrom(...OPERATION_KINDS),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
});

function configOf(
  policies: ValueOf<typeof policyArbitrary>[],
  workers: ValueOf<typeof workerArbitrary>[],
  routing: Routing,
): { config: RouterConfig; workers: WorkerSpec[] } {
  const workerSpecs = workers.map((worker, index): WorkerSpec => {
    const channels = [];
    if (worker.voiceCost !== undefined)
      channels.push({ channelId: "voice", capacityCostPerJob: worker.voiceCost });
    channels.push(
      worker.chatMax === undefined
        ? { channelId: "chat", capacityCostPerJob: worker.chatCost }
        : {
            channelId: "chat",
            capacityCostPerJob: worker.chatCost,
            maxNumberOfJobs: worker.chatMax,
          },
    );
    return {
      id: `w${index}`,
      capacity: worker.capacity,
      queues: QUEUES.filter((_, queueIndex) => (worker.queueMask >> queueIndex) & 1),
      channels,
      labels: { skill: worker.skill, Skill: worker.skill },
      availableForOffers: worker.registered,
    };
  });
  return {
    config: {
      distributionPolicies: policies.map((policy, index) => ({ id: `p${index}`, ...policy })),
      queues: QUEUES.map((id, index) => ({
        id,
        distributionPolicyId: `p${index}`,
        labels: { Tier: index },
        ...((routing.exceptionQueueMask >> index) & 1 ? { exceptionPolicyId: "e" } : {}),
      })),
      ...policiesOf(routing),
      random: scriptedRandom(routing.seed),
    },
    workers: workerSpecs,
  };
}

/** Runs one operation; returns whether the router accepted it. */
function apply(
  router: Router,
  engine: Engine,
  operation: ValueOf<typeof operationArbitrary>,
  state: { jobCount: number; issuedOffers: { workerId: string; offerId: string }[] },
): boolean {
  const { kind, a, b, c } = operation;
  const core = router.core;
  const pick = <T>(items: readonly T[], n: number): T | undefined =>
    items[n % Math.max(items.length, 1)];
  const jobsIn = (...statuses: JobStatus[]) =>
    [...core.jobs].filter((job) => statuses.includes(job.status));
  switch (kind) {
    case "create": {
      const id = `j${state.jobCount++}`;
      const selectors: WorkerSelectorSpec[] =
        a % 3 === 0
          ? [
              {
                key: "skill",
                labelOperator: "greaterThanOrEqual",
                value: c % 4,
                ...(b % 3 === 0 ? { expiresAfterSeconds: (b % 30) + 1 } : {}),
                expedite: b % 5 === 0,
              },
            ]
          : [];
      const target =
        a % 4 === 1 ? { classificationPolicyId: "c" } : { queueId: QUEUES[a % 2] as string };
      return router.upsertJob({
        id,
        channelId: CHANNELS[b % 2] as string,
        ...target,
        priority: (c % 3) - 1,
        labels: c % 4 === 3 ? { Skill: 2 } : { Tier: c % 3, Skill: c % 4 },
        requestedWorkerSelectors: selectors,
      }).ok;
    }
    case "accept":
    case "decline": {
      const offer = pick([...core.openOffers()], a);
      if (offer === undefined) return false;
      if (kind === "accept") return router.acceptJobOffer(offer.worker.id, offer.offerId).ok;
      const options = b % 2 === 0 ? { retryOfferAtSeconds: engine.now + (c % 20) } : {};
      return router.declineJobOffer(offer.worker.id, offer.offerId, options).ok;
    }
    case "staleAccept": {
      const offer = pick(state.issuedOffers, a);
      if (offer === undefined) return false;
      return b % 2 === 0
        ? router.acceptJobOffer(offer.workerId, offer.offerId).ok
        : router.declineJobOffer(offer.workerId, offer.offerId).ok;
    }
    case "complete":
    case "unassign": {
      const job = pick(jobsIn("assigned", "completed"), a);
      const assignmentId = job?.assignment?.assignmentId;
      if (job === undefined || assignmentId === undefined) return false;
      if (kind === "complete") return router.completeJob(job.id, assignmentId).ok;
      return router.unassignJob(job.id, assignmentId, { suspendMatching: b % 4 === 0 }).ok;
    }
    case "close": {
      const job = pick(jobsIn("assigned", "completed"), a);
      const assignmentId = job?.assignment?.assignmentId;
      if (job === undefined || assignmentId === undefined) return false;
      const options = b % 2 === 0 ? { closeAtSeconds: engine.now + (c % 10) } : {};
      return router.closeJob(job.id, assignmentId, options).ok;
    }
    case "cancel": {
      const job = pick([...core.jobs], a);
      return job !== undefined && router.cancelJob(job.id, { dispositionCode: "Abandoned" }).ok;
    }
    case "register":
    case "deregister": {
      const worker = pick(core.workers, a);
      if (worker === undefined) return false;
      return (
        kind === "register" ? router.registerWorker(worker.id) : router.deregisterWorker(worker.id)
      ).ok;
    }
    case "advance":
      engine.runUntil(engine.now + (a % 40));
      return true;
    default:
      throw new Error(`unknown operation ${kind satisfies never}`);
  }
}

/** Tracks open offers from the event stream and checks each is resolved once. */
function offerTracker(problems: string[]) {
  const open = new Set<string>();
  const resolutions = new Set([
    "RouterWorkerOfferAccepted",
    "RouterWorkerOfferDeclined",
    "RouterWorkerOfferRevoked",
    "RouterWorkerOfferExpired",
  ]);
  return {
    open,
    listen(event: RouterEvent): void {
      if (event.type === "RouterWorkerOfferIssued") {
        if (open.has(event.offerId)) problems.push(`offer ${event.offerId} issued twice`);
        open.add(event.offerId);
      } else if (resolutions.has(event.type) && "offerId" in event) {
        if (!open.delete(event.offerId))
          problems.push(`offer ${event.offerId} resolved twice or never issued`);
      }
    },
  };
}

describe("router invariants under random operations", () => {
  it("hold after every step", () => {
    assertProperty(
      fc.property(
        fc.array(policyArbitrary, { minLength: 2, maxLength: 2 }),
        fc.array(workerArbitrary, { minLength: 1, maxLength: 5 }),
        fc.array(operationArbitrary, { minLength: 1, maxLength: 80, size: "medium" }),
        routingArbitrary,
        (policies, workers, operations, routing) => {
          const { config, workers: workerSpecs } = configOf(policies, workers, routing);
          const engine = new Engine();
          const router = new Router(engine, config);
          const problems: string[] = [];
          const tracker = offerTracker(problems);
          const state = {
            jobCount: 0,
            issuedOffers: [] as { workerId: string; offerId: string }[],
          };
          let eventCount = 0;
          router.subscribe((event) => {
            eventCount++;
            tracker.listen(event);
            if (event.type === "RouterJobExceptionTriggered") {
              const status = router.core.findJob(event.jobId)?.status;
              if (status !== "queued") problems.push(`exception fired on a ${status} job`);
            }
            if (event.type === "RouterWorkerOfferIssued") {
              state.issuedOffers.push({ workerId: event.workerId, offerId: event.offerId });
            }
          });
          for (const spec of workerSpecs) expect(router.upsertWorker(spec).ok).toBe(true);
          for (const operation of operations) {
            const statuses = new Map([...router.core.jobs].map((job) => [job, job.status]));
            const eventsBefore = eventCount;
            const accepted = apply(router, engine, operation, state);
            if (!accepted && operation.kind !== "advance") {
              expect(eventCount, `${operation.kind} was rejected but emitted events`).toBe(
                eventsBefore,
              );
            }
            // Jobs that ended in this step are forgotten by the router but still checked here.
            for (const job of new Set([...statuses.keys(), ...router.core.jobs])) {
              const before = statuses.get(job) ?? "created";
              if (!isLegalTransition(before, job.status)) {
                problems.push(`job ${job.id}: ${before} → ${job.status} after ${operation.kind}`);
              }
            }
            problems.push(...checkInvariants(router));
            const routerOpen = new Set([...router.core.openOffers()].map((offer) => offer.offerId));
            if (
              routerOpen.size !== tracker.open.size ||
              [...routerOpen].some((id) => !tracker.open.has(id))
            ) {
              problems.push("open offers in events and in the router differ");
            }
            expect(problems, `after ${JSON.stringify(operation)}`).toEqual([]);
          }
        },
      ),
      { numRuns: 300, seed: 20261122 },
    );
  });
});
