/**
 * Event-trace tests of classification (§1.3, §2.1): queue selection through every attachment
 * kind, fallback and failure, prioritization, attached worker selectors in matching.
 */
import { describe, expect, it } from "vitest";
import { checkInvariants } from "../../../src/router/invariants.ts";
import type {
  ClassificationPolicySpec,
  QueueSpec,
  RouterConfig,
  WorkerSpec,
} from "../../../src/router/types.ts";
import { type Harness, harness, unwrap, voiceWorker } from "../helpers.ts";

const QUEUES: QueueSpec[] = [
  { id: "sales-en", distributionPolicyId: "p", labels: { Department: "sales", Language: "en" } },
  { id: "sales-fr", distributionPolicyId: "p", labels: { Department: "sales", Language: "fr" } },
  { id: "support", distributionPolicyId: "p", labels: { Department: "support", Region: "west" } },
  { id: "fallback", distributionPolicyId: "p" },
];

/** A voice worker of capacity 1 in `queues`. */
function agent(id: string, queues: string[], labels: WorkerSpec["labels"] = {}): WorkerSpec {
  return voiceWorker(id, { queues, labels });
}

function setup(
  policies: ClassificationPolicySpec[],
  workers: WorkerSpec[] = [],
  extra: Partial<RouterConfig> = {},
): Harness {
  const h = harness({
    distributionPolicies: [
      { id: "p", offerExpiresAfterSeconds: 60, mode: { kind: "longestIdle" } },
    ],
    queues: QUEUES,
    classificationPolicies: policies,
    workers,
    ...extra,
  });
  h.take();
  return h;
}

function create(
  h: Harness,
  id: string,
  labels: Record<string, string | number | boolean>,
  more = {},
) {
  return unwrap(
    h.router.upsertJob({ id, channelId: "voice", classificationPolicyId: "c", labels, ...more }),
  );
}

function expectConsistent(h: Harness): void {
  expect(checkInvariants(h.router)).toEqual([]);
}

const byLanguage: ClassificationPolicySpec = {
  id: "c",
  fallbackQueueId: "fallback",
  queueSelectorAttachments: [
    { kind: "static", selector: { key: "Department", labelOperator: "equal", value: "sales" } },
    { kind: "passThrough", key: "Language", labelOperator: "equal" },
  ],
};

describe("classification success", () => {
  it("Received (pending, no priority) → Classified → Queued → OfferIssued", () => {
    const h = setup([byLanguage], [agent("w-fr", ["sales-fr"])]);
    const result = create(h, "j1", { Language: "fr" });
    expect(result.status).toBe("queued");
    expect(h.take()).toEqual([
      "JobReceived j1",
      "JobClassified j1",
      "JobQueued j1",
      "WorkerOfferIssued w-fr j1",
    ]);
    const [received, classified, queued] = h.events.slice(-4);
    expect(received).toMatchObject({
      type: "RouterJobReceived",
      jobStatus: "pendingClassification",
      classificationPolicyId: "c",
      priority: null,
      queueId: null,
    });
    expect(classified).toMatchObject({
      type: "RouterJobClassified",
      queueId: "sales-fr",
      classificationPolicyId: "c",
      priority: 1,
      queueDetails: { id: "sales-fr", labels: { Id: "sales-fr", Language: "fr" } },
    });
    expect(queued).toMatchObject({ type: "RouterJobQueued", queueId: "sales-fr" });
    expect(h.router.getJob("j1")?.queueId).toBe("sales-fr");
    expectConsistent(h);
  });

  it("selects a queue by its implicit Id label", () => {
    const h = setup([
      {
        id: "c",
        queueSelectorAttachments: [
          { kind: "static", selector: { key: "Id", labelOperator: "equal", value: "support" } },
        ],
      },
    ]);
    create(h, "j1", {});
    expect(h.router.getJob("j1")?.queueId).toBe("support");
  });

  it("of several matching queues picks the first in configuration order", () => {
    const h = setup([
      {
        id: "c",
        queueSelectorAttachments: [
          {
            kind: "static",
            selector: { key: "Department", labelOperator: "equal", value: "sales" },
          },
        ],
      },
    ]);
    create(h, "j1", {});
    expect(h.router.getJob("j1")?.queueId).toBe("sales-en");
  });
});

describe("fallback and failure", () => {
  it("no queue matches and no queueId → the fallback queue", () => {
    const h = setup([byLanguage]);
    create(h, "j1", { Language: "de" });
    expect(h.take()).toEqual(["JobReceived j1", "JobClassified j1", "JobQueued j1"]);
    expect(h.router.getJob("j1")?.queueId).toBe("fallback");
  });

  it("no queue matches but the job has a queueId → that queue, not the fallback", () => {
    const h = setup([byLanguage]);
    create(h, "j1", { Language: "de" }, { queueId: "support" });
    expect(h.router.getJob("j1")?.queueId).toBe("support");
    const received = h.events.find((event) => event.type === "RouterJobReceived");
    expect(received?.queueId).toBe("support");
  });

  it("no queue, no queueId, no fallback → classificationFailed; a PATCH with a queueId queues it", () => {
    const policy: ClassificationPolicySpec = {
      id: "c",
      queueSelectorAttachments: byLanguage.queueSelectorAttachments ?? [],
    };
    const h = setup([policy]);
    create(h, "j1", { Language: "de" });
    expect(h.take()).toEqual(["JobReceived j1", "JobClassificationFailed j1"]);
    const failed = h.events.at(-1);
    expect(failed).toMatchObject({
      type: "RouterJobClassificationFailed",
      classificationPolicyId: "c",
      errors: [{ code: "NoQueueMatched" }],
    });
    expect(h.router.getJob("j1")?.status).toBe("classificationFailed");
    expectConsistent(h);
    unwrap(h.router.upsertJob({ id: "j1", queueId: "support" }));
    expect(h.take()).toEqual(["JobQueued j1"]);
    expect(h.router.getJob("j1")?.status).toBe("queued");
    expectConsistent(h);
  });

  it("a prioritization rule that yields no valid priority fails classification", () => {
    const h = setup([
      { ...byLanguage, prioritizationRule: { kind: "expression", expression: "job.Boost * 50" } },
    ]);
    create(h, "j1", { Language: "fr", Boost: 3 });
    expect(h.router.getJob("j1")?.status).toBe("classificationFailed");
    expect(h.events.at(-1)).toMatchObject({ errors: [{ code: "InvalidPriority" }] });
    create(h, "j2", { Language: "fr", Boost: "x" });
    expect(h.events.at(-1)).toMatchObject({ errors: [{ code: "RuleEvaluationFailed" }] });
  });
});

describe("attachment kinds", () => {
  it("conditional attaches its selectors when the PowerFx condition is true", () => {
    const h = setup([
      {
        id: "c",
        fallbackQueueId: "fallback",
        queueSelectorAttachments: [
          {
            kind: "conditional",
            condition: {
              kind: "expression",
              expression: 'job.Issue = "billing" Or job.Amount > 100',
            },
            selectors: [{ key: "Department", labelOperator: "equal", value: "support" }],
          },
        ],
      },
    ]);
    create(h, "j1", { Issue: "billing" });
    create(h, "j2", { Issue: "other", Amount: 150 });
    create(h, "j3", { Issue: "other", Amount: 50 });
    expect(["j1", "j2", "j3"].map((id) => h.router.getJob(id)?.queueId)).toEqual([
      "support",
      "support",
      "fallback",
    ]);
  });

  it("passThrough copies the job's label; a job without it gets no selector", () => {
    const h = setup([
      {
        id: "c",
        queueSelectorAttachments: [
          {
            kind: "static",
            selector: { key: "Department", labelOperator: "equal", value: "sales" },
          },
          { kind: "passThrough", key: "Language", labelOperator: "equal" },
        ],
        workerSelectorAttachments: [
          {
            kind: "passThrough",
            key: "Skill",
            labelOperator: "greaterThanOrEqual",
            expiresAfterSeconds: 30,
          },
        ],
      },
    ]);
    create(h, "j1", { Language: "fr", Skill: 3 });
    expect(h.router.getJob("j1")?.queueId).toBe("sales-fr");
    expect(h.router.getJob("j1")?.attachedWorkerSelectors).toEqual([
      {
        key: "Skill",
        labelOperator: "greaterThanOrEqual",
        value: 3,
        expiresAfterSeconds: 30,
        expedite: false,
        status: "active",
        expiresAtSeconds: 30,
      },
    ]);
    create(h, "j2", {});
    expect(h.router.getJob("j2")?.queueId).toBe("sales-en");
    expect(h.router.getJob("j2")?.attachedWorkerSelectors).toEqual([]);
  });

  it("weightedAllocation draws from the scripted random source by cumulative weight", () => {
    const draws = [0.1, 0.69, 0.7, 0.99];
    const h = setup(
      [
        {
          id: "c",
          queueSelectorAttachments: [
            {
              kind: "weightedAllocation",
              allocations: [
                {
                  weight: 0.7,
                  selectors: [{ key: "Id", labelOperator: "equal", value: "sales-en" }],
                },
                {
                  weight: 0.3,
                  selectors: [{ key: "Id", labelOperator: "equal", value: "sales-fr" }],
                },
              ],
            },
          ],
        },
      ],
      [],
      { random: { next: () => draws.shift() ?? Number.NaN } },
    );
    for (const id of ["j1", "j2", "j3", "j4"]) create(h, id, {});
    expect(["j1", "j2", "j3", "j4"].map((id) => h.router.getJob(id)?.queueId)).toEqual([
      "sales-en",
      "sales-en",
      "sales-fr",
      "sales-fr",
    ]);
    expect(draws).toEqual([]);
  });

  it("weightedAllocation without a random source is a configuration error", () => {
    expect(() =>
      setup([
        {
          id: "c",
          queueSelectorAttachments: [
            {
              kind: "weightedAllocation",
              allocations: [
                { weight: 1, selectors: [{ key: "Id", labelOperator: "equal", value: "support" }] },
              ],
            },
          ],
        },
      ]),
    ).toThrow(/random source/);
  });

  it("ruleEngine takes selectors from a static rule, a PowerFx table or a directMap", () => {
    const h = setup([
      {
        id: "c",
        queueSelectorAttachments: [{ kind: "ruleEngine", rule: { kind: "directMap" } }],
        workerSelectorAttachments: [
          {
            kind: "ruleEngine",
            rule: {
              kind: "expression",
              expression:
                '[{key: "Region", labelOperator: "equal", value: job.Region, expedite: true}]',
            },
          },
          {
            kind: "ruleEngine",
            rule: {
              kind: "static",
              value: { key: "Trained", labelOperator: "equal", value: true },
            },
          },
        ],
      },
    ]);
    create(h, "j1", { Department: "support", Region: "west" });
    const job = h.router.getJob("j1");
    expect(job?.queueId).toBe("support");
    expect(job?.attachedWorkerSelectors.map((s) => [s.key, s.value, s.expedite])).toEqual([
      ["Region", "west", true],
      ["Trained", true, false],
    ]);
  });
});

describe("prioritization and worker selectors", () => {
  it("prioritizationRule sets the priority; without one the job keeps its own", () => {
    const h = setup([
      {
        ...byLanguage,
        prioritizationRule: { kind: "expression", expression: 'If(job.Tier = "gold", 10, 1)' },
      },
    ]);
    create(h, "gold", { Language: "en", Tier: "gold" });
    create(h, "plain", { Language: "en" });
    expect(h.router.getJob("gold")?.priority).toBe(10);
    expect(h.router.getJob("plain")?.priority).toBe(1);
    expect(h.router.getJobPosition("gold")).toMatchObject({ ok: true, value: { position: 1 } });
    const own = setup([byLanguage]);
    create(own, "j", { Language: "en" }, { priority: 7 });
    expect(own.router.getJob("j")?.priority).toBe(7);
    expect(own.events.find((event) => event.type === "RouterJobClassified")).toMatchObject({
      priority: 7,
    });
  });

  it("attached worker selectors constrain matching together with the requested ones", () => {
    const h = setup(
      [
        {
          ...byLanguage,
          workerSelectorAttachments: [
            {
              kind: "static",
              selector: { key: "Certified", labelOperator: "equal", value: true, expedite: false },
            },
          ],
        },
      ],
      [
        agent("uncertified", ["sales-en"], { Certified: false, Level: 5 }),
        agent("certified-low", ["sales-en"], { Certified: true, Level: 1 }),
        agent("certified-high", ["sales-en"], { Certified: true, Level: 5 }),
      ],
    );
    create(
      h,
      "j1",
      { Language: "en" },
      {
        requestedWorkerSelectors: [{ key: "Level", labelOperator: "greaterThan", value: 3 }],
      },
    );
    expect(h.take().at(-1)).toBe("WorkerOfferIssued certified-high j1");
    expect(h.events.find((event) => event.type === "RouterJobQueued")).toMatchObject({
      attachedWorkerSelectors: [{ key: "Certified", value: true, status: "active" }],
    });
    expectConsistent(h);
  });
});
