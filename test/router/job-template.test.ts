/**
 * Job templates (src/router/jobs/job-template.ts) are exact: creating a job from a template is
 * upsertJob with the template's spec and the id. Two routers with the same configuration are
 * driven through the same random operations, one creating its jobs from templates and the other
 * by upsertJob with the equivalent specs; they must answer alike (the template's slot against
 * the upserted job's), make the same observer calls in the same order, emit the same events,
 * answer every query the same and keep the router's invariants. Templates cover queues and
 * classification policies (one that can fail), labels, tags, selectors with and without expiry,
 * priorities and invalid specs (an unknown queue or policy, a bad priority, an empty channel,
 * a bad selector or label, no channel, neither queue nor policy); creations include duplicates
 * of an existing id (an update) and the empty id, and are interleaved with updates by
 * upsertJob, offers, completions, closes, unassignments, cancellations, registrations and time.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine.ts";
import { checkInvariants } from "../../src/router/invariants.ts";
import type { JobTemplate, JobTemplateSpec } from "../../src/router/jobs/job-template.ts";
import { Router } from "../../src/router/router.ts";
import type {
  JobSpec,
  RouterConfig,
  WorkerSelectorSpec,
  WorkerSpec,
} from "../../src/router/types.ts";
import { assertProperty } from "../support/property.ts";
import {
  type Operation as DifferentialOperation,
  operationArbitrary,
  RecordingObserver,
} from "./differential.ts";

const QUEUE_IDS = ["q1", "q2"];

const CONFIG: RouterConfig = {
  distributionPolicies: [
    {
      id: "p",
      offerExpiresAfterSeconds: 30,
      mode: { kind: "longestIdle", minConcurrentOffers: 1, maxConcurrentOffers: 2 },
    },
  ],
  queues: [
    { id: "q1", distributionPolicyId: "p", labels: { tier: 1 } },
    { id: "q2", distributionPolicyId: "p", labels: { tier: 2 } },
  ],
  classificationPolicies: [
    {
      // Queue by the job's tier label (no fallback: a job without a known tier fails), priority
      // from a rule, and a selector attached to every job.
      id: "byTier",
      queueSelectorAttachments: [{ kind: "passThrough", key: "tier", labelOperator: "equal" }],
      prioritizationRule: { kind: "static", value: 7 },
      workerSelectorAttachments: [
        {
          kind: "static",
          selector: { key: "skill", labelOperator: "greaterThanOrEqual", value: 1 },
        },
      ],
    },
    { id: "fallbackOnly", fallbackQueueId: "q2" },
  ],
};

const WORKERS: WorkerSpec[] = [0, 1, 2].map((index) => ({
  id: `w${index}`,
  capacity: index === 2 ? 2 : 1,
  queues: index === 1 ? ["q1", "q2"] : ["q1"],
  channels: [
    { channelId: "voice", capacityCostPerJob: 1 },
    ...(index === 2 ? [{ channelId: "chat", capacityCostPerJob: 1 }] : []),
  ],
  labels: { skill: index, lang: index === 1 ? "fr" : "en" },
  availableForOffers: true,
}));

/** A selector spec: valid, with or without expiry, or (`valid` false) now and then not. */
function selectorArbitrary(valid: boolean): fc.Arbitrary<WorkerSelectorSpec> {
  return fc.record(
    {
      key: valid ? fc.constantFrom("skill", "skill", "lang") : fc.constantFrom("skill", ""),
      labelOperator: fc.constantFrom("equal", "greaterThanOrEqual", "notEqual" as const),
      value: fc.constantFrom(0, 1, 2, "fr"),
      expiresAfterSeconds: valid ? fc.constantFrom(10, 40) : fc.constantFrom(10, 0),
      expedite: fc.boolean(),
    },
    { requiredKeys: ["key", "labelOperator", "value"] },
  );
}

/** Specs of jobs that can be created: a queue, a policy (one of which can fail) or both. */
const validSpecArbitrary: fc.Arbitrary<JobTemplateSpec> = fc
  .record(
    {
      channelId: fc.constantFrom("voice", "voice", "chat"),
      channelReference: fc.constantFrom("call-1"),
      queueId: fc.constantFrom("q1", "q1", "q2"),
      classificationPolicyId: fc.constantFrom("byTier", "fallbackOnly"),
      priority: fc.constantFrom(1, 5, -3),
      labels: fc.constantFrom({}, {}, { tier: 1 }, { tier: 2, lang: "fr" }, { tier: 3 }),
      tags: fc.constantFrom({}, { source: "web" }),
      requestedWorkerSelectors: fc.array(selectorArbitrary(true), { maxLength: 2 }),
    },
    { requiredKeys: ["channelId"] },
  )
  .filter((spec) => spec.queueId !== undefined || spec.classificationPolicyId !== undefined);

/** Specs with every kind of mistake upsertJob refuses, each field now and then. */
const anySpecArbitrary: fc.Arbitrary<JobTemplateSpec> = fc.record(
  {
    channelId: fc.constantFrom("voice", "voice", "chat", ""),
    queueId: fc.constantFrom("q1", "q2", "nowhere"),
    classificationPolicyId: fc.constantFrom("byTier", "fallbackOnly", "nowhere"),
    priority: fc.constantFrom(1, 1, 1, 101, 1.5),
    labels: fc.constantFrom({}, { tier: 1 }, { tier: 1 }, { tier: Number.NaN }),
    tags: fc.constantFrom({}, {}, { source: Number.POSITIVE_INFINITY }),
    requestedWorkerSelectors: fc.array(selectorArbitrary(false), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

const templateSpecArbitrary = fc.oneof(
  { arbitrary: validSpecArbitrary, weight: 5 },
  { arbitrary: anySpecArbitrary, weight: 1 },
);

const OPERATION_KINDS = [
  "create",
  "create",
  "create",
  "create",
  "update",
  "accept",
  "accept",
  "decline",
  "complete",
  "close",
  "close",
  "unassign",
  "cancel",
  "register",
  "deregister",
  "advance",
  "advance",
] as const;

const anOperation = operationArbitrary(OPERATION_KINDS);

type Operation = DifferentialOperation<(typeof OPERATION_KINDS)[number]>;

/** One router, what it said, and how it creates a job of template `index` with `id`. */
interface Side {
  readonly engine: Engine;
  readonly router: Router;
  readonly observer: RecordingObserver;
  readonly events: string[];
  readonly create: (index: number, id: string) => string;
}

function newSide(): Omit<Side, "create"> {
  const engine = new Engine();
  const router = new Router(engine, CONFIG);
  const observer = new RecordingObserver();
  router.observe(observer);
  const events: string[] = [];
  router.subscribe((event) => events.push(JSON.stringify(event)));
  for (const worker of WORKERS) expect(router.upsertWorker(worker).ok).toBe(true);
  return { engine, router, observer, events };
}

/** Creates from templates; the client's specs are changed after preparation (a copy is kept). */
function templateSide(specs: readonly JobTemplateSpec[]): Side {
  const side = newSide();
  const templates: JobTemplate[] = specs.map((spec) => {
    const client = structuredClone(spec) as unknown as {
      labels?: Record<string, unknown>;
      requestedWorkerSelectors?: Record<string, unknown>[];
    };
    const template = side.router.prepareJobTemplate(client as unknown as JobTemplateSpec);
    if (client.labels !== undefined) client.labels.tier = 2;
    client.requestedWorkerSelectors?.push({ key: "skill", labelOperator: "equal", value: 9 });
    if (client.requestedWorkerSelectors?.[0] !== undefined) {
      client.requestedWorkerSelectors[0].expiresAfterSeconds = 1;
    }
    return template;
  });
  const create = (index: number, id: string): string => {
    const created = side.router.createJobFrom(templates[index] as JobTemplate, id);
    if (typeof created !== "number") return JSON.stringify(created);
    const status = side.router.core.liveJobAt(created)?.status ?? "forgotten";
    return JSON.stringify({ ok: true, slot: created, status });
  };
  return { ...side, create };
}

/** Creates by upsertJob with the template's spec and the id. */
function upsertSide(specs: readonly JobTemplateSpec[]): Side {
  const side = newSide();
  const create = (index: number, id: string): string => {
    const spec: JobSpec = { ...(specs[index] as JobTemplateSpec), id };
    const result = side.router.upsertJob(spec);
    if (!result.ok) return JSON.stringify(result);
    expect(result.value.jobId).toBe(id);
    const slot = side.router.core.findJob(id)?.index ?? "forgotten";
    return JSON.stringify({ ok: true, slot, status: result.value.status });
  };
  return { ...side, create };
}

/** Applies one operation; its targets are picked from the router's state, by position. */
function apply(target: Side, operation: Operation, ids: string[], templateCount: number): string {
  const { router, engine } = target;
  const core = router.core;
  const { kind, a, b } = operation;
  const pick = <T>(items: readonly T[]): T | undefined => items[a % Math.max(items.length, 1)];
  const assigned = () =>
    [...core.jobs].filter((job) => job.status === "assigned" || job.status === "completed");
  const answer = (result: { ok: boolean }) => JSON.stringify(result);
  switch (kind) {
    case "create": {
      // Mostly a new id; now and then an id in use (an update) or the empty id.
      const id = b % 8 === 0 ? (pick(ids) ?? "") : b % 8 === 1 ? "" : `j${ids.length}`;
      return target.create(b % templateCount, id);
    }
    case "update": {
      const job = pick([...core.jobs]);
      if (job === undefined) return "none";
      const patches: Omit<JobSpec, "id">[] = [
        { priority: 3 },
        { queueId: "q2" },
        { labels: { tier: 1 } },
        { requestedWorkerSelectors: [{ key: "skill", labelOperator: "equal", value: 2 }] },
      ];
      return answer(router.upsertJob({ ...patches[b % patches.length], id: job.id }));
    }
    case "accept":
    case "decline": {
      const offer = pick(core.openOffers());
      if (offer === undefined) return "none";
      if (kind === "accept") return answer(router.acceptJobOffer(offer.worker.id, offer.offerId));
      const options = b % 2 === 0 ? { retryOfferAtSeconds: engine.now + (b % 20) } : {};
      return answer(router.declineJobOffer(offer.worker.id, offer.offerId, options));
    }
    case "complete":
    case "close":
    case "unassign": {
      const job = pick(assigned());
      const assignmentId = job?.assignment?.assignmentId;
      if (job === undefined || assignmentId === undefined) return "none";
      if (kind === "complete") return answer(router.completeJob(job.id, assignmentId));
      if (kind === "close") return answer(router.closeJob(job.id, assignmentId));
      return answer(router.unassignJob(job.id, assignmentId, { suspendMatching: b % 5 === 0 }));
    }
    case "cancel": {
      const job = pick([...core.jobs]);
      return job === undefined ? "none" : answer(router.cancelJob(job.id));
    }
    case "register":
    case "deregister": {
      const worker = pick(core.workers);
      if (worker === undefined) return "none";
      const result =
        kind === "register" ? router.registerWorker(worker.id) : router.deregisterWorker(worker.id);
      return answer(result);
    }
    case "advance":
      engine.runUntil(engine.now + (a % 45));
      return "advanced";
    default:
      throw new Error(`unknown operation ${kind satisfies never}`);
  }
}

/** Everything the router's queries answer, for every id created and every worker and queue. */
function views(target: Side, ids: readonly string[]): string {
  const { router } = target;
  const answers: unknown[] = [router.countJobsInSystem()];
  for (const id of ids) answers.push(router.getJob(id) ?? null, router.getJobPosition(id));
  for (const worker of router.core.workers) answers.push(router.getWorker(worker.id) ?? null);
  for (const queueId of QUEUE_IDS) answers.push(router.getQueueStatistics(queueId));
  return JSON.stringify(answers);
}

describe("job templates", () => {
  it("say and answer exactly what upsertJob with the equivalent spec does", () => {
    assertProperty(
      fc.property(
        fc.array(templateSpecArbitrary, { minLength: 1, maxLength: 4 }),
        fc.array(anOperation, { minLength: 1, maxLength: 100, size: "max" }),
        (specs, operations) => {
          const fromTemplates = templateSide(specs);
          const byUpsert = upsertSide(specs);
          const ids: string[] = [];
          for (const operation of operations) {
            const templateAnswer = apply(fromTemplates, operation, ids, specs.length);
            const upsertAnswer = apply(byUpsert, operation, ids, specs.length);
            const step = JSON.stringify(operation);
            expect(templateAnswer, step).toBe(upsertAnswer);
            // The same rule as `apply`'s: a new id unless b picked an id in use or the empty one.
            if (operation.kind === "create" && operation.b % 8 > 1) ids.push(`j${ids.length}`);
            expect(fromTemplates.observer.calls, step).toEqual(byUpsert.observer.calls);
            expect(fromTemplates.events, step).toEqual(byUpsert.events);
            expect(views(fromTemplates, ids), step).toBe(views(byUpsert, ids));
            expect(checkInvariants(fromTemplates.router), step).toEqual([]);
          }
        },
      ),
      { numRuns: 300, timeLimitSeconds: 60 },
    );
  });

  it("refuses each invalid spec as upsertJob does, in its order, for new and existing ids", () => {
    // The random specs above meet some refusals rarely; here is each one, and some in pairs
    // (the first in upsertJob's order must win).
    const specs: JobTemplateSpec[] = [
      { channelId: "voice", queueId: "nowhere" },
      { channelId: "voice", classificationPolicyId: "nowhere" },
      { channelId: "voice", queueId: "nowhere", classificationPolicyId: "nowhere" },
      { channelId: "voice" },
      { queueId: "q1" },
      {},
      { channelId: "", queueId: "nowhere" },
      { channelId: "voice", queueId: "q1", priority: 0.5, labels: { tier: Number.NaN } },
      { channelId: "voice", queueId: "q1", labels: { tier: Number.NaN }, tags: { a: Number.NaN } },
      {
        channelId: "voice",
        queueId: "q1",
        requestedWorkerSelectors: [
          { key: "skill", labelOperator: "equal", value: 1 },
          { key: "", labelOperator: "equal", value: 1 },
        ],
      },
      { channelId: "voice", queueId: "q1", classificationPolicyId: "fallbackOnly" },
    ];
    const fromTemplates = templateSide(specs);
    const byUpsert = upsertSide(specs);
    for (const target of [fromTemplates, byUpsert]) {
      expect(target.router.upsertJob({ id: "old", channelId: "voice", queueId: "q1" }).ok).toBe(
        true,
      );
    }
    for (const [index] of specs.entries()) {
      for (const id of ["new", "old", ""]) {
        const step = `spec ${index}, id "${id}"`;
        expect(fromTemplates.create(index, id), step).toBe(byUpsert.create(index, id));
        expect(fromTemplates.events, step).toEqual(byUpsert.events);
      }
    }
    expect(views(fromTemplates, ["new", "old"])).toBe(views(byUpsert, ["new", "old"]));
  });

  it("creates most jobs in these runs (the comparison above is not only of refusals)", () => {
    const side = templateSide([{ channelId: "voice", queueId: "q1", labels: { tier: 1 } }]);
    const template = side.router.prepareJobTemplate({ channelId: "voice", queueId: "q1" });
    expect(side.router.createJobFrom(template, "a")).toBe(0);
    expect(side.router.createJobFrom(template, "b")).toBe(1);
    expect(side.router.getJob("b")?.status).toBe("queued");
  });

  it("prepares without changing anything, and refuses a template of another router", () => {
    const side = templateSide([]);
    const other = newSide();
    const callsBefore = other.observer.calls.length;
    const template = other.router.prepareJobTemplate({ channelId: "voice", queueId: "q1" });
    expect(other.observer.calls.length).toBe(callsBefore);
    expect(other.router.core.liveJobCount).toBe(0);
    expect(() => side.router.createJobFrom(template, "j0")).toThrow(/another router/);
  });
});
