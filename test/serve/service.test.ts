/**
 * The service behind `ccsim serve`, called in process: the quickstart flow in the service's
 * statuses and shapes, ended jobs kept until DELETE, the service's errors (404, 409, 400 with
 * the field, 405, 501 for what is not served yet), merge-patch of labels, and time that moves
 * only through advanceTo (an offer expires when its time comes).
 */
import { describe, expect, it } from "vitest";
import { checkInvariants } from "../../src/router/index.ts";
import type { ServiceResponse } from "../../src/serve/answers.ts";
import { JobRouterService } from "../../src/serve/service.ts";

const ORIGIN_MS = Date.parse("2026-01-01T00:00:00Z");

function service() {
  return new JobRouterService({
    config: {
      distributionPolicies: [
        { id: "longest-idle", offerExpiresAfterSeconds: 30, mode: { kind: "longestIdle" } },
      ],
      queues: [{ id: "support", name: "Support", distributionPolicyId: "longest-idle" }],
    },
    time: { originMs: ORIGIN_MS },
  });
}

function caller(target: JobRouterService) {
  return (method: string, path: string, body?: unknown): ServiceResponse => {
    const [pathOnly = "", query = "api-version=2023-11-01"] = path.split("?");
    return target.handle({ method, path: pathOnly, query: new URLSearchParams(query), body });
  };
}

const WORKER = {
  capacity: 1,
  queues: ["support"],
  channels: [{ channelId: "voice", capacityCostPerJob: 1 }],
  availableForOffers: true,
};

// biome-ignore lint/suspicious/noExplicitAny: the answers' JSON is read field by field.
function body(response: ServiceResponse): any {
  return response.body;
}

/** Worker agent-1 and job-1 on the support queue: the job's offer to the worker, as answered. */
// biome-ignore lint/suspicious/noExplicitAny: the offer's JSON is read field by field.
function offerToAgent(call: ReturnType<typeof caller>): any {
  call("PATCH", "/routing/workers/agent-1", WORKER);
  call("PATCH", "/routing/jobs/job-1", { channelId: "voice", queueId: "support" });
  return body(call("GET", "/routing/workers/agent-1")).offers[0];
}

describe("the Job Router service of ccsim serve", () => {
  it("runs the quickstart flow: worker, job, offer, accept, complete, close, delete", () => {
    const call = caller(service());
    expect(call("PATCH", "/routing/workers/agent-1", WORKER).status).toBe(201);
    const created = call("PATCH", "/routing/jobs/job-1", {
      channelId: "voice",
      queueId: "support",
      priority: 1,
    });
    expect(created.status).toBe(201);
    expect(body(created)).toMatchObject({ id: "job-1", status: "queued", queueId: "support" });
    expect(body(created).enqueuedAt).toBe("2026-01-01T00:00:00.000Z");

    const worker = body(call("GET", "/routing/workers/agent-1"));
    expect(worker.offers).toHaveLength(1);
    const offer = worker.offers[0];
    expect(offer).toMatchObject({ jobId: "job-1", capacityCost: 1 });
    expect(offer.expiresAt).toBe("2026-01-01T00:00:30.000Z");

    const accepted = call("POST", `/routing/workers/agent-1/offers/${offer.offerId}:accept`);
    expect(accepted.status).toBe(200);
    const { assignmentId } = body(accepted);
    expect(body(accepted)).toEqual({ assignmentId, jobId: "job-1", workerId: "agent-1" });
    expect(body(call("GET", "/routing/jobs/job-1")).status).toBe("assigned");

    const assignment = `/routing/jobs/job-1/assignments/${assignmentId}`;
    expect(call("POST", `${assignment}:complete`, { note: "done" })).toEqual({
      status: 200,
      body: {},
    });
    expect(call("POST", `${assignment}:close`, { dispositionCode: "Resolved" }).status).toBe(200);
    const closed = body(call("GET", "/routing/jobs/job-1"));
    expect(closed).toMatchObject({ status: "closed", dispositionCode: "Resolved" });
    expect(closed.assignments[assignmentId]).toMatchObject({ workerId: "agent-1" });
    expect(closed.assignments[assignmentId].closedAt).toBe("2026-01-01T00:00:00.000Z");
    expect(closed.notes.map((note: { message: string }) => note.message)).toEqual(["done"]);

    expect(call("DELETE", "/routing/jobs/job-1").status).toBe(204);
    expect(call("GET", "/routing/jobs/job-1").status).toBe(404);
  });

  it("refuses to delete a live job (409) and to reuse an ended job's id until it is deleted", () => {
    const call = caller(service());
    call("PATCH", "/routing/jobs/job-1", { channelId: "voice", queueId: "support" });
    const live = call("DELETE", "/routing/jobs/job-1");
    expect(live.status).toBe(409);
    expect(live.headers).toEqual({ "x-ms-error-code": "Conflict" });
    expect(call("POST", "/routing/jobs/job-1:cancel", { dispositionCode: "Gone" }).status).toBe(
      200,
    );
    expect(body(call("GET", "/routing/jobs/job-1"))).toMatchObject({
      status: "cancelled",
      dispositionCode: "Gone",
    });
    expect(call("PATCH", "/routing/jobs/job-1", { priority: 2 }).status).toBe(409);
    expect(call("DELETE", "/routing/jobs/job-1").status).toBe(204);
    expect(
      call("PATCH", "/routing/jobs/job-1", { channelId: "voice", queueId: "support" }).status,
    ).toBe(201);
    expect(call("DELETE", "/routing/jobs/nobody").status).toBe(204);
  });

  it("answers errors in the service's shape, with the field at fault", () => {
    const call = caller(service());
    const bad = call("PATCH", "/routing/jobs/job-1", { channelId: 7, queueId: "support" });
    expect(bad).toEqual({
      status: 400,
      body: {
        communicationError: {
          code: "BadRequest",
          message: "channelId must be a string",
          target: "channelId",
          details: [],
        },
      },
      headers: { "x-ms-error-code": "BadRequest" },
    });
    expect(
      call("PATCH", "/routing/jobs/job-1", { queueId: "nowhere", channelId: "voice" }).status,
    ).toBe(400);
    expect(call("GET", "/routing/workers/nobody").status).toBe(404);
    expect(call("POST", "/routing/workers/nobody/offers/offer-1:accept").status).toBe(404);
    expect(call("PUT", "/routing/jobs/job-1").status).toBe(405);
    expect(call("GET", "/routing/nothing").status).toBe(404);
    const version = call("GET", "/routing/queues?api-version=2024-01-18-preview");
    expect(version.status).toBe(400);
    expect(body(version).communicationError.message).toMatch(/api_version="2023-11-01"/);
    // Deleting what is not there is done already, as the service's recordings answer it.
    expect(call("DELETE", "/routing/queues/nowhere").status).toBe(204);
  });

  it("merges labels and tags as JSON merge-patch and matches property names in any case", () => {
    const call = caller(service());
    call("PATCH", "/routing/jobs/job-1", {
      ChannelId: "voice",
      queueid: "support",
      labels: { language: "en", tier: 1 },
    });
    const updated = call("PATCH", "/routing/jobs/job-1", {
      labels: { tier: null, vip: true },
      status: "closed", // read-only: ignored
    });
    expect(updated.status).toBe(200);
    expect(body(updated)).toMatchObject({
      status: "queued",
      channelId: "voice",
      labels: { language: "en", vip: true },
    });
    expect(body(updated).labels).not.toHaveProperty("tier");
  });

  it("serves the preloaded resources, and queue statistics and positions", () => {
    const call = caller(service());
    expect(body(call("GET", "/routing/queues/support"))).toMatchObject({
      id: "support",
      distributionPolicyId: "longest-idle",
    });
    expect(body(call("GET", "/routing/distributionPolicies")).value).toHaveLength(1);
    expect(call("GET", "/routing/exceptionPolicies/none").status).toBe(404);
    call("PATCH", "/routing/jobs/a", { channelId: "voice", queueId: "support" });
    call("PATCH", "/routing/jobs/b", { channelId: "voice", queueId: "support" });
    expect(body(call("GET", "/routing/jobs/b/position"))).toEqual({
      jobId: "b",
      position: 2,
      queueId: "support",
      queueLength: 2,
    });
    // No handle time seen yet: no estimate.
    expect(body(call("GET", "/routing/queues/support/statistics"))).toEqual({
      queueId: "support",
      length: 2,
      estimatedWaitTimeMinutes: {},
      longestJobWaitTimeMinutes: 0,
    });
  });

  it("estimates waits by priority from the queue's handle times and active workers", () => {
    const target = service();
    const call = caller(target);
    const statistics = () => body(call("GET", "/routing/queues/support/statistics"));
    // Two assignments handled in 60 s and 180 s: a mean handle time of 2 minutes.
    call("PATCH", "/routing/workers/agent-1", WORKER);
    for (const [id, seconds] of [
      ["first", 60],
      ["second", 180],
    ] as const) {
      call("PATCH", `/routing/jobs/${id}`, { channelId: "voice", queueId: "support" });
      const offer = body(call("GET", "/routing/workers/agent-1")).offers[0];
      const accepted = body(
        call("POST", `/routing/workers/agent-1/offers/${offer.offerId}:accept`),
      );
      target.advanceTo(target.nowSeconds + seconds);
      call("POST", `/routing/jobs/${id}/assignments/${accepted.assignmentId}:complete`);
      call("POST", `/routing/jobs/${id}/assignments/${accepted.assignmentId}:close`);
    }
    expect(target.waits.meanHandleSeconds("support")).toBe(120);
    // One agent busy with another job: three jobs wait, one of priority 5.
    call("PATCH", "/routing/jobs/busy", { channelId: "voice", queueId: "support" });
    const offer = body(call("GET", "/routing/workers/agent-1")).offers[0];
    call("POST", `/routing/workers/agent-1/offers/${offer.offerId}:accept`);
    call("PATCH", "/routing/jobs/a", { channelId: "voice", queueId: "support", priority: 1 });
    call("PATCH", "/routing/jobs/b", { channelId: "voice", queueId: "support", priority: 5 });
    call("PATCH", "/routing/jobs/c", { channelId: "voice", queueId: "support", priority: 1 });
    // Priority 5 waits for 1 job (2 minutes), priority 1 for all 3 (6 minutes), on one agent.
    expect(statistics().estimatedWaitTimeMinutes).toEqual({ "1": 6, "5": 2 });
    call("PATCH", "/routing/workers/agent-2", WORKER);
    call("PATCH", "/routing/workers/agent-3", WORKER);
    // Two more agents: agent-2 and agent-3 took a and b's offers but the jobs still wait; the
    // estimate divides by the three active agents.
    expect(statistics().estimatedWaitTimeMinutes).toEqual({ "1": 2, "5": 0.67 });
    // No active agent: no estimate.
    for (const agent of ["agent-1", "agent-2", "agent-3"]) {
      call("PATCH", `/routing/workers/${agent}`, { availableForOffers: false });
    }
    expect(statistics().estimatedWaitTimeMinutes).toEqual({});
  });

  it("moves time only through advanceTo: an offer expires when its time comes", () => {
    const target = service();
    const call = caller(target);
    call("PATCH", "/routing/workers/agent-1", WORKER);
    call("PATCH", "/routing/jobs/job-1", { channelId: "voice", queueId: "support" });
    expect(target.nextTimerSeconds()).toBe(30);
    target.advanceTo(29.9);
    expect(body(call("GET", "/routing/workers/agent-1")).offers).toHaveLength(1);
    target.advanceTo(30);
    // Expired: the service deregisters a worker who let an offer expire; the job waits on.
    expect(body(call("GET", "/routing/workers/agent-1"))).toMatchObject({
      offers: [],
      availableForOffers: false,
    });
    expect(body(call("GET", "/routing/jobs/job-1")).status).toBe("queued");
    expect(target.nextTimerSeconds()).toBeNull();
  });
});

describe("distribution policies and queues created over the API", () => {
  it("creates them (201) and changes them (200), their queues distributing anew", () => {
    const target = service();
    const call = caller(target);
    const policy = { offerExpiresAfterSeconds: 60, mode: { kind: "round-robin" }, name: "RR" };
    const created = call("PATCH", "/routing/distributionPolicies/rr", policy);
    expect(created.status).toBe(201);
    expect(body(created)).toEqual({
      id: "rr",
      name: "RR",
      offerExpiresAfterSeconds: 60,
      mode: {
        kind: "roundRobin",
        minConcurrentOffers: 1,
        maxConcurrentOffers: 1,
        bypassSelectors: false,
      },
      etag: expect.stringMatching(/^"/),
    });
    expect(call("PATCH", "/routing/distributionPolicies/rr", policy).status).toBe(200);
    expect(call("PATCH", "/routing/distributionPolicies/rr", { name: "RR" }).status).toBe(200);
    const changed = call("PATCH", "/routing/distributionPolicies/rr", {
      offerExpiresAfterSeconds: 5,
    });
    expect(changed.status).toBe(200);
    expect(body(changed)).toMatchObject({ name: "RR", offerExpiresAfterSeconds: 5 });
    expect(body(call("GET", "/routing/distributionPolicies/rr")).offerExpiresAfterSeconds).toBe(5);
    call("PATCH", "/routing/distributionPolicies/rr", { offerExpiresAfterSeconds: 60 });

    expect(call("PATCH", "/routing/queues/sales", { distributionPolicyId: "rr" }).status).toBe(201);
    expect(call("PATCH", "/routing/queues/sales", { distributionPolicyId: "rr" }).status).toBe(200);
    // An idle queue may move to another policy and back, and change its name and labels.
    expect(
      call("PATCH", "/routing/queues/sales", { distributionPolicyId: "longest-idle" }).status,
    ).toBe(200);
    const renamed = call("PATCH", "/routing/queues/sales", {
      distributionPolicyId: "rr",
      name: "Sales",
      labels: { region: "north" },
    });
    expect(body(renamed)).toMatchObject({
      distributionPolicyId: "rr",
      name: "Sales",
      labels: { region: "north", Id: "sales" },
    });
    expect(body(call("GET", "/routing/queues")).value.map((q: { id: string }) => q.id)).toEqual([
      "support",
      "sales",
    ]);
    // The new queue routes: a worker and a job on it meet.
    call("PATCH", "/routing/workers/agent-1", { ...WORKER, queues: ["sales"] });
    call("PATCH", "/routing/jobs/job-1", { channelId: "voice", queueId: "sales" });
    const offers = body(call("GET", "/routing/workers/agent-1")).offers;
    expect(offers.map((offer: { jobId: string }) => offer.jobId)).toEqual(["job-1"]);
    expect(offers[0].expiresAt).toBe("2026-01-01T00:01:00.000Z");

    // With a worker on it, the queue distributes anew under a changed policy: its job's offer is
    // made again; moving the queue to another policy does the same.
    const modeChange = call("PATCH", "/routing/distributionPolicies/rr", {
      mode: { kind: "longestIdle" },
    });
    expect(modeChange.status).toBe(200);
    expect(body(call("GET", "/routing/distributionPolicies/rr")).mode.kind).toBe("longestIdle");
    const remade = body(call("GET", "/routing/workers/agent-1")).offers;
    expect(remade.map((offer: { jobId: string }) => offer.jobId)).toEqual(["job-1"]);
    expect(remade[0].offerId).not.toBe(offers[0].offerId);
    const queueMove = call("PATCH", "/routing/queues/sales", {
      distributionPolicyId: "longest-idle",
    });
    expect(queueMove.status).toBe(200);
    expect(body(call("GET", "/routing/queues/sales")).distributionPolicyId).toBe("longest-idle");
    call("PATCH", "/routing/queues/sales", { distributionPolicyId: "rr" });
    const current = body(call("GET", "/routing/workers/agent-1")).offers;
    // Its offer expiry changes for offers made from then on.
    expect(
      call("PATCH", "/routing/distributionPolicies/rr", { offerExpiresAfterSeconds: 30 }).status,
    ).toBe(200);
    call("PATCH", "/routing/jobs/job-2", { channelId: "voice", queueId: "sales" });
    call("POST", `/routing/workers/agent-1/offers/${current[0].offerId}:decline`);
    const next = body(call("GET", "/routing/workers/agent-1")).offers;
    expect(next.map((offer: { jobId: string }) => offer.jobId)).toEqual(["job-2"]);
    expect(next[0].expiresAt).toBe("2026-01-01T00:00:30.000Z");
  });

  it("answers a best-worker policy with its scoring options, and takes them back unchanged", () => {
    const call = caller(service());
    const created = body(
      call("PATCH", "/routing/distributionPolicies/best", {
        offerExpiresAfterSeconds: 10,
        mode: { kind: "best-worker" },
      }),
    );
    expect(created.mode).toEqual({
      kind: "bestWorker",
      minConcurrentOffers: 1,
      maxConcurrentOffers: 1,
      bypassSelectors: false,
      scoringRuleOptions: {
        scoringParameters: ["jobLabels", "workerSelectors"],
        isBatchScoringEnabled: false,
        descendingOrder: true,
      },
    });
    const again = call("PATCH", "/routing/distributionPolicies/best", created);
    expect(again.status).toBe(200);
    expect(body(again).etag).toBe(created.etag);
    // A preloaded longest-idle policy answers no scoring options, as the service does.
    expect(body(call("GET", "/routing/distributionPolicies/longest-idle")).mode).not.toHaveProperty(
      "scoringRuleOptions",
    );
  });

  it("takes a best-worker policy's scoring rule: the best-scoring worker gets the offer", () => {
    const call = caller(service());
    const created = call("PATCH", "/routing/distributionPolicies/skilled", {
      offerExpiresAfterSeconds: 30,
      mode: {
        kind: "best-worker",
        scoringRule: { kind: "expression-rule", expression: "worker.skillLevel" },
      },
    });
    expect(created.status).toBe(201);
    expect(body(created).mode.scoringRule).toEqual({
      kind: "expression",
      language: "powerFx",
      expression: "worker.skillLevel",
    });
    call("PATCH", "/routing/queues/experts", { distributionPolicyId: "skilled" });
    for (const [id, skillLevel] of [
      ["novice", 1],
      ["expert", 9],
    ] as const) {
      call("PATCH", `/routing/workers/${id}`, {
        ...WORKER,
        queues: ["experts"],
        labels: { skillLevel },
      });
    }
    call("PATCH", "/routing/jobs/hard", { channelId: "voice", queueId: "experts" });
    expect(body(call("GET", "/routing/workers/expert")).offers).toHaveLength(1);
    expect(body(call("GET", "/routing/workers/novice")).offers).toEqual([]);
    // A rule on another mode, or one that calls out, is refused with the reason.
    const misplaced = call("PATCH", "/routing/distributionPolicies/rr", {
      offerExpiresAfterSeconds: 30,
      mode: { kind: "roundRobin", scoringRule: { kind: "static-rule", value: 1 } },
    });
    expect(body(misplaced).communicationError.message).toMatch(/bestWorker mode only/);
    const remote = call("PATCH", "/routing/distributionPolicies/remote", {
      offerExpiresAfterSeconds: 30,
      mode: { kind: "bestWorker", scoringRule: { kind: "webhook-rule", webhookUri: "https://x" } },
    });
    expect(remote.status).toBe(400);
    expect(body(remote).communicationError.target).toBe("mode.scoringRule");
  });

  it("refuses what cannot be built, with the field or the reason", () => {
    const call = caller(service());
    const cases: [string, unknown, RegExp][] = [
      [
        "/routing/distributionPolicies/p",
        { mode: { kind: "longestIdle" } },
        /offerExpiresAfterSeconds is required/,
      ],
      [
        "/routing/distributionPolicies/p",
        { offerExpiresAfterSeconds: 10, mode: { kind: "fastest" } },
        /mode.kind must be one of/,
      ],
      [
        "/routing/distributionPolicies/p",
        { offerExpiresAfterSeconds: 0, mode: { kind: "longestIdle" } },
        /must be > 0/,
      ],
      [
        "/routing/distributionPolicies/p",
        {
          offerExpiresAfterSeconds: 10,
          mode: { kind: "longestIdle", minConcurrentOffers: 3, maxConcurrentOffers: 2 },
        },
        /minConcurrentOffers/,
      ],
      ["/routing/queues/q", { name: "no policy" }, /distributionPolicyId is required/],
      [
        "/routing/queues/q",
        { distributionPolicyId: "nowhere" },
        /unknown distribution policy nowhere/,
      ],
      [
        "/routing/queues/q",
        { distributionPolicyId: "longest-idle", exceptionPolicyId: "none" },
        /unknown exception policy none/,
      ],
    ];
    for (const [path, request, message] of cases) {
      const answer = call("PATCH", path, request);
      expect(answer.status).toBe(400);
      expect(body(answer).communicationError.message).toMatch(message);
    }
    expect(call("GET", "/routing/queues/q").status).toBe(404);
    expect(call("GET", "/routing/distributionPolicies/p").status).toBe(404);
  });
});

describe("listing jobs and workers", () => {
  it("filters jobs by status, queue and channel, newest first, page by page", () => {
    const call = caller(service());
    call("PATCH", "/routing/workers/agent-1", WORKER);
    for (const id of ["a", "b", "c", "d", "e"]) {
      call("PATCH", `/routing/jobs/${id}`, { channelId: "voice", queueId: "support" });
    }
    call("POST", "/routing/jobs/e:cancel");
    const ids = (answer: ServiceResponse) =>
      body(answer).value.map((job: { id: string }) => job.id);
    expect(ids(call("GET", "/routing/jobs"))).toEqual(["e", "d", "c", "b", "a"]);
    expect(ids(call("GET", "/routing/jobs?api-version=2023-11-01&status=queued"))).toEqual([
      "d",
      "c",
      "b",
      "a",
    ]);
    expect(ids(call("GET", "/routing/jobs?api-version=2023-11-01&status=active"))).toEqual([
      "d",
      "c",
      "b",
      "a",
    ]);
    expect(ids(call("GET", "/routing/jobs?api-version=2023-11-01&status=cancelled"))).toEqual([
      "e",
    ]);
    expect(ids(call("GET", "/routing/jobs?api-version=2023-11-01&channelId=chat"))).toEqual([]);
    expect(ids(call("GET", "/routing/jobs?api-version=2023-11-01&queueId=support"))).toHaveLength(
      5,
    );

    const first = call("GET", "/routing/jobs?api-version=2023-11-01&maxpagesize=2&status=all");
    expect(ids(first)).toEqual(["e", "d"]);
    const next = body(first).nextLink as string;
    // The service's form: an opaque token carrying the filters (the client adds api-version).
    expect(next).toMatch(/^\/routing\/jobs\?continuationToken=[\w-]+$/);
    const second = call("GET", `${next}&api-version=2023-11-01`);
    expect(ids(second)).toEqual(["c", "b"]);
    const last = call("GET", `${body(second).nextLink}&api-version=2023-11-01`);
    expect(ids(last)).toEqual(["a"]);
    expect(body(last)).not.toHaveProperty("nextLink");
    const forged = call("GET", "/routing/jobs?api-version=2023-11-01&continuationToken=bm9wZQ");
    expect(forged.status).toBe(400);

    call("DELETE", "/routing/jobs/e");
    expect(ids(call("GET", "/routing/jobs"))).toEqual(["d", "c", "b", "a"]);
    expect(call("GET", "/routing/jobs?api-version=2023-11-01&status=lost").status).toBe(400);
    expect(call("GET", "/routing/jobs?api-version=2023-11-01&maxpagesize=0").status).toBe(400);
  });

  it("filters workers by state, channel, queue and room for one more job", () => {
    const call = caller(service());
    call("PATCH", "/routing/workers/busy", WORKER);
    call("PATCH", "/routing/jobs/job-1", { channelId: "voice", queueId: "support" });
    call("PATCH", "/routing/workers/idle", WORKER);
    call("PATCH", "/routing/workers/away", { ...WORKER, availableForOffers: false });
    const ids = (query: string) =>
      body(call("GET", `/routing/workers?api-version=2023-11-01${query}`)).value.map(
        (worker: { id: string }) => worker.id,
      );
    // Newest first, as the service lists them.
    expect(ids("")).toEqual(["away", "idle", "busy"]);
    expect(ids("&state=active")).toEqual(["idle", "busy"]);
    expect(ids("&state=inactive")).toEqual(["away"]);
    // busy holds the offer of job-1, which reserves its only capacity.
    expect(ids("&hasCapacity=true")).toEqual(["away", "idle"]);
    expect(ids("&hasCapacity=false&channelId=voice")).toEqual(["busy"]);
    expect(ids("&queueId=other")).toEqual([]);
    expect(call("GET", "/routing/workers?api-version=2023-11-01&hasCapacity=maybe").status).toBe(
      400,
    );
  });
});

describe("the service's events", () => {
  it("are the Event Grid lines of every router event, the same for the same requests", () => {
    const lines = () => {
      const target = service();
      const seen: string[] = [];
      target.events.listen((line) => seen.push(line));
      const call = caller(target);
      call("PATCH", "/routing/workers/agent-1", WORKER);
      call("PATCH", "/routing/jobs/job-1", { channelId: "voice", queueId: "support" });
      target.advanceTo(30);
      return seen;
    };
    const first = lines();
    expect(first.map((line) => JSON.parse(line).eventType)).toEqual([
      "Microsoft.Communication.RouterWorkerRegistered",
      "Microsoft.Communication.RouterJobReceived",
      "Microsoft.Communication.RouterJobQueued",
      "Microsoft.Communication.RouterWorkerOfferIssued",
      "Microsoft.Communication.RouterWorkerOfferExpired",
      "Microsoft.Communication.RouterWorkerDeregistered",
    ]);
    const expired = JSON.parse(first[4] as string);
    expect(expired.eventTime).toBe("2026-01-01T00:00:30.000Z");
    expect(expired.subject).toBe("worker/agent-1/job/job-1");
    expect(lines()).toEqual(first);
  });

  it("are numbered whether or not anyone listens", () => {
    const target = service();
    const call = caller(target);
    call("PATCH", "/routing/workers/agent-1", WORKER);
    const seen: string[] = [];
    target.events.listen((line) => seen.push(line));
    call("PATCH", "/routing/jobs/job-1", { channelId: "voice", queueId: "support" });
    expect(target.events.published).toBe(4);
    expect(seen).toHaveLength(3);
    const other = service();
    const all: string[] = [];
    other.events.listen((line) => all.push(line));
    const callOther = caller(other);
    callOther("PATCH", "/routing/workers/agent-1", WORKER);
    callOther("PATCH", "/routing/jobs/job-1", { channelId: "voice", queueId: "support" });
    expect(seen).toEqual(all.slice(1));
  });
});

describe("ETags and conditional writes", () => {
  it("tag every resource, change the tag when the resource changes, and refuse stale writes", () => {
    const call = (
      target: JobRouterService,
      method: string,
      path: string,
      body?: unknown,
      conditions = {},
    ) =>
      target.handle({
        method,
        path,
        query: new URLSearchParams("api-version=2023-11-01"),
        body,
        conditions,
      });
    const target = service();
    const created = call(target, "PATCH", "/routing/jobs/job-1", {
      channelId: "voice",
      queueId: "support",
    });
    const etag = body(created).etag as string;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(created.headers).toMatchObject({ etag });
    expect(body(call(target, "GET", "/routing/jobs/job-1")).etag).toBe(etag);
    expect(body(call(target, "GET", "/routing/jobs")).value[0].etag).toBe(etag);

    // The router changes the job (an offer does not; a worker's registration does not): a
    // change of priority does.
    const changed = call(
      target,
      "PATCH",
      "/routing/jobs/job-1",
      { priority: 5 },
      { ifMatch: etag },
    );
    expect(changed.status).toBe(200);
    const newer = body(changed).etag as string;
    expect(newer).not.toBe(etag);
    const stale = call(target, "PATCH", "/routing/jobs/job-1", { priority: 7 }, { ifMatch: etag });
    expect(stale.status).toBe(412);
    expect(body(stale).communicationError.code).toBe("PreconditionFailed");
    expect(body(call(target, "GET", "/routing/jobs/job-1")).priority).toBe(5);
    expect(
      call(target, "PATCH", "/routing/jobs/job-1", { priority: 7 }, { ifMatch: "*" }).status,
    ).toBe(200);
    expect(call(target, "PATCH", "/routing/jobs/job-1", {}, { ifNoneMatch: "*" }).status).toBe(412);
    expect(
      call(
        target,
        "PATCH",
        "/routing/jobs/job-2",
        { channelId: "voice", queueId: "support" },
        { ifNoneMatch: "*" },
      ).status,
    ).toBe(201);
    expect(call(target, "PATCH", "/routing/jobs/job-3", {}, { ifMatch: "*" }).status).toBe(412);
    expect(body(call(target, "GET", "/routing/queues/support")).etag).toMatch(/^"/);
  });
});

describe("reclassify", () => {
  it("classifies a queued job again with its labels as they are now", () => {
    const target = new JobRouterService({
      config: {
        distributionPolicies: [
          { id: "longest-idle", offerExpiresAfterSeconds: 30, mode: { kind: "longestIdle" } },
        ],
        queues: [
          { id: "english", distributionPolicyId: "longest-idle", labels: { language: "en" } },
          { id: "french", distributionPolicyId: "longest-idle", labels: { language: "fr" } },
        ],
        classificationPolicies: [
          {
            id: "by-language",
            queueSelectorAttachments: [
              { kind: "passThrough", key: "language", labelOperator: "equal" },
            ],
          },
        ],
      },
      time: { originMs: ORIGIN_MS },
    });
    const call = caller(target);
    call("PATCH", "/routing/jobs/job-1", {
      channelId: "voice",
      classificationPolicyId: "by-language",
      labels: { language: "fr" },
    });
    expect(body(call("GET", "/routing/jobs/job-1")).queueId).toBe("french");
    // An update classifies the job again, as the service's recordings show: a label change
    // moves it.
    call("PATCH", "/routing/jobs/job-1", { labels: { language: "en" } });
    expect(body(call("GET", "/routing/jobs/job-1")).queueId).toBe("english");
    // So does reclassifying, with the labels as they are.
    call("PATCH", "/routing/queues/english", {
      distributionPolicyId: "longest-idle",
      labels: { language: "gb" },
    });
    call("PATCH", "/routing/queues/french", {
      distributionPolicyId: "longest-idle",
      labels: { language: "en" },
    });
    expect(call("POST", "/routing/jobs/job-1:reclassify", {})).toMatchObject({
      status: 200,
      body: {},
    });
    expect(body(call("GET", "/routing/jobs/job-1"))).toMatchObject({
      queueId: "french",
      status: "queued",
    });
    expect(call("POST", "/routing/jobs/nobody:reclassify").status).toBe(404);
    call("POST", "/routing/jobs/job-1:cancel");
    expect(call("POST", "/routing/jobs/job-1:reclassify").status).toBe(400);
  });
});

describe("classification policies created over the API", () => {
  it("classify jobs into queues by their labels, in the API's field names and kinds", () => {
    const target = service();
    const call = caller(target);
    call("PATCH", "/routing/queues/english", {
      distributionPolicyId: "longest-idle",
      labels: { language: "en" },
    });
    const policy = {
      name: "By language",
      fallbackQueueId: "support",
      queueSelectorAttachments: [{ kind: "pass-through", key: "language", labelOperator: "equal" }],
      prioritizationRule: { kind: "static", value: 5 },
      workerSelectorAttachments: [
        {
          kind: "static",
          workerSelector: { key: "skill", labelOperator: "greaterThan", value: 3 },
        },
      ],
    };
    const created = call("PATCH", "/routing/classificationPolicies/by-language", policy);
    expect(created.status).toBe(201);
    expect(body(created)).toMatchObject({
      id: "by-language",
      queueSelectorAttachments: [{ kind: "passThrough", key: "language" }],
      workerSelectorAttachments: [{ kind: "static", workerSelector: { key: "skill" } }],
    });
    expect(call("PATCH", "/routing/classificationPolicies/by-language", policy).status).toBe(200);
    const misnamed = { ...policy, fallbackQueueId: "nowhere" };
    expect(call("PATCH", "/routing/classificationPolicies/by-language", misnamed).status).toBe(400);
    expect(body(call("GET", "/routing/classificationPolicies")).value).toHaveLength(1);
    expect(body(call("GET", "/routing/classificationPolicies/by-language")).fallbackQueueId).toBe(
      "support",
    );

    call("PATCH", "/routing/jobs/en", {
      channelId: "voice",
      classificationPolicyId: "by-language",
      labels: { language: "en" },
    });
    call("PATCH", "/routing/jobs/de", {
      channelId: "voice",
      classificationPolicyId: "by-language",
      labels: { language: "de" },
    });
    expect(body(call("GET", "/routing/jobs/en"))).toMatchObject({
      queueId: "english",
      priority: 5,
      attachedWorkerSelectors: [{ key: "skill", labelOperator: "greaterThan", value: 3 }],
    });
    expect(body(call("GET", "/routing/jobs/de")).queueId).toBe("support");
  });

  it("refuses a body the scenario's schema refuses, every problem with its path", () => {
    const call = caller(service());
    const answer = call("PATCH", "/routing/classificationPolicies/bad", {
      queueSelectorAttachments: [{ kind: "static", queueSelecter: {} }],
      fallbackQueueId: "nowhere",
    });
    expect(answer.status).toBe(400);
    expect(body(answer).communicationError.message).toMatch(/queueSelectorAttachments\[0\]/);
    const dangling = call("PATCH", "/routing/classificationPolicies/bad", {
      fallbackQueueId: "nowhere",
    });
    expect(dangling.status).toBe(400);
    expect(body(dangling).communicationError.message).toMatch(/nowhere/);
    expect(call("GET", "/routing/classificationPolicies/bad").status).toBe(404);
  });
});

describe("declining an offer", () => {
  it("with retryOfferAt still to come offers the job to the worker again then", () => {
    const target = service();
    const call = caller(target);
    const offer = offerToAgent(call);
    const declined = call("POST", `/routing/workers/agent-1/offers/${offer.offerId}:decline`, {
      retryOfferAt: "2026-01-01T00:00:10Z",
    });
    expect(declined).toEqual({ status: 200, body: {} });
    expect(body(call("GET", "/routing/workers/agent-1")).offers).toEqual([]);
    target.advanceTo(10);
    const again = body(call("GET", "/routing/workers/agent-1")).offers;
    expect(again.map((o: { jobId: string }) => o.jobId)).toEqual(["job-1"]);
    expect(again[0].offeredAt).toBe("2026-01-01T00:00:10.000Z");
  });

  it("with a retryOfferAt already past (as .NET sends when none is set) does not offer it again", () => {
    const target = service();
    const call = caller(target);
    const offer = offerToAgent(call);
    const declined = call("POST", `/routing/workers/agent-1/offers/${offer.offerId}:decline`, {
      retryOfferAt: "0001-01-01T00:00:00Z",
    });
    expect(declined.status).toBe(200);
    target.advanceTo(3600);
    expect(body(call("GET", "/routing/workers/agent-1")).offers).toEqual([]);
    expect(body(call("GET", "/routing/jobs/job-1")).status).toBe("queued");
    const bad = call("POST", `/routing/workers/agent-1/offers/${offer.offerId}:decline`, {
      retryOfferAt: "soon",
    });
    expect(bad.status).toBe(400);
  });
});

describe("a resource sent back as it was read", () => {
  it("is no change: a job keeps its offer, a worker and a queue answer 200", () => {
    const target = service();
    const call = caller(target);
    call("PATCH", "/routing/workers/agent-1", {
      ...WORKER,
      labels: { skill: 5 },
      tags: { a: "b" },
    });
    call("PATCH", "/routing/jobs/job-1", {
      channelId: "voice",
      queueId: "support",
      labels: { language: "en" },
      requestedWorkerSelectors: [{ key: "skill", labelOperator: "greaterThan", value: 3 }],
    });
    const offer = body(call("GET", "/routing/workers/agent-1")).offers[0];
    const job = body(call("GET", "/routing/jobs/job-1"));
    const again = call("PATCH", "/routing/jobs/job-1", job);
    expect(again.status).toBe(200);
    expect(body(again).etag).toBe(job.etag);
    // Not taken for new labels or selectors: the offer stands.
    expect(body(call("GET", "/routing/workers/agent-1")).offers).toEqual([offer]);

    const worker = body(call("GET", "/routing/workers/agent-1"));
    expect(call("PATCH", "/routing/workers/agent-1", worker).status).toBe(200);
    expect(body(call("GET", "/routing/workers/agent-1")).offers).toEqual([offer]);
    // A change that still satisfies the job keeps its offer; one that does not revokes it.
    expect(call("PATCH", "/routing/workers/agent-1", { labels: { skill: 6 } }).status).toBe(200);
    expect(body(call("GET", "/routing/workers/agent-1")).offers).toEqual([offer]);
    const lowered = call("PATCH", "/routing/workers/agent-1", { labels: { skill: 2 } });
    expect(lowered.status).toBe(200);
    expect(body(lowered)).toMatchObject({ labels: { skill: 2, Id: "agent-1" }, offers: [] });
    expect(body(call("GET", "/routing/jobs/job-1")).status).toBe("queued");

    const queue = body(call("GET", "/routing/queues/support"));
    expect(queue.labels).toEqual({ Id: "support" });
    expect(call("PATCH", "/routing/queues/support", queue).status).toBe(200);
    const policy = body(call("GET", "/routing/distributionPolicies/longest-idle"));
    expect(policy.mode).toEqual({
      kind: "longestIdle",
      minConcurrentOffers: 1,
      maxConcurrentOffers: 1,
      bypassSelectors: false,
    });
    expect(call("PATCH", "/routing/distributionPolicies/longest-idle", policy).status).toBe(200);
  });

  it("with notes of its own is no change; new notes replace the job's list", () => {
    const target = service();
    const call = caller(target);
    call("PATCH", "/routing/jobs/job-2", {
      channelId: "voice",
      queueId: "support",
      notes: [{ message: "from the IVR", addedAt: "2022-05-13T16:59:04.531199Z" }],
    });
    const job = body(call("GET", "/routing/jobs/job-2"));
    expect(job.notes).toEqual([{ message: "from the IVR", addedAt: "2022-05-13T16:59:04.531Z" }]);
    const etag = job.etag;
    expect(call("PATCH", "/routing/jobs/job-2", job).status).toBe(200);
    expect(body(call("GET", "/routing/jobs/job-2")).etag).toBe(etag);
    target.advanceTo(5);
    call("PATCH", "/routing/jobs/job-2", { notes: [{ message: "called back" }] });
    expect(body(call("GET", "/routing/jobs/job-2")).notes).toEqual([
      { message: "called back", addedAt: "2026-01-01T00:00:05.000Z" },
    ]);
    const refused = call("PATCH", "/routing/jobs/job-2", { notes: [{ addedAt: "yesterday" }] });
    expect(refused.status).toBe(400);
    expect(body(refused).communicationError.target).toBe("notes[0]");
  });
});

describe("exception policies created over the API", () => {
  it("act on the jobs of a queue created on them, in the API's field names and kinds", () => {
    const target = service();
    const call = caller(target);
    const policy = {
      name: "Give up after a minute",
      exceptionRules: [
        {
          id: "too-long",
          trigger: { kind: "wait-time", thresholdSeconds: 60 },
          actions: [{ kind: "cancel", dispositionCode: "TooLong", note: "waited a minute" }],
        },
      ],
    };
    const created = call("PATCH", "/routing/exceptionPolicies/give-up", policy);
    expect(created.status).toBe(201);
    expect(body(created).exceptionRules[0].trigger).toEqual({
      kind: "waitTime",
      thresholdSeconds: 60,
    });
    expect(call("PATCH", "/routing/exceptionPolicies/give-up", policy).status).toBe(200);
    expect(
      call("PATCH", "/routing/queues/patient", {
        distributionPolicyId: "longest-idle",
        exceptionPolicyId: "give-up",
      }).status,
    ).toBe(201);
    call("PATCH", "/routing/jobs/job-1", { channelId: "voice", queueId: "patient" });
    target.advanceTo(59);
    expect(body(call("GET", "/routing/jobs/job-1")).status).toBe("queued");
    target.advanceTo(60);
    expect(body(call("GET", "/routing/jobs/job-1"))).toMatchObject({
      status: "cancelled",
      dispositionCode: "TooLong",
    });
  });

  it("refuse a body the scenario's schema refuses, and more rules than the limit", () => {
    const call = caller(service());
    const bad = call("PATCH", "/routing/exceptionPolicies/bad", {
      exceptionRules: [{ id: "r", trigger: { kind: "queueLength" }, actions: [] }],
    });
    expect(bad.status).toBe(400);
    expect(body(bad).communicationError.message).toMatch(/exceptionRules\[0\]/);
    const rule = (index: number) => ({
      id: `r${index}`,
      trigger: { kind: "queueLength", threshold: index },
      actions: [{ kind: "cancel" }],
    });
    const many = call("PATCH", "/routing/exceptionPolicies/many", {
      exceptionRules: Array.from({ length: 65 }, (_, index) => rule(index)),
    });
    expect(many.status).toBe(400);
    expect(body(many).communicationError.message).toMatch(/at most 64 rules/);
    const dangling = call("PATCH", "/routing/exceptionPolicies/dangling", {
      exceptionRules: [
        {
          id: "move",
          trigger: { kind: "queueLength", threshold: 1 },
          actions: [{ kind: "manualReclassify", queueId: "nowhere" }],
        },
      ],
    });
    expect(dangling.status).toBe(400);
    expect(body(dangling).communicationError.message).toMatch(/nowhere/);
  });
});

describe("deleting policies", () => {
  it("refuses a policy in use with the service's codes, and deletes one no longer used", () => {
    const call = caller(service());
    call("PATCH", "/routing/distributionPolicies/spare", {
      offerExpiresAfterSeconds: 10,
      mode: { kind: "roundRobin" },
    });
    call("PATCH", "/routing/exceptionPolicies/give-up", {
      exceptionRules: [
        {
          id: "r",
          trigger: { kind: "waitTime", thresholdSeconds: 60 },
          actions: [{ kind: "cancel" }],
        },
      ],
    });
    call("PATCH", "/routing/queues/other", {
      distributionPolicyId: "spare",
      exceptionPolicyId: "give-up",
    });
    call("PATCH", "/routing/classificationPolicies/to-other", { fallbackQueueId: "other" });
    call("PATCH", "/routing/jobs/job-1", {
      channelId: "voice",
      classificationPolicyId: "to-other",
    });

    const cases: [string, string][] = [
      ["/routing/distributionPolicies/spare", "QueueExistsWithDistributionPolicy"],
      ["/routing/exceptionPolicies/give-up", "QueueExistsWithExceptionPolicy"],
      ["/routing/classificationPolicies/to-other", "ActiveJobWithClassificationPolicyExist"],
    ];
    for (const [path, detail] of cases) {
      const refused = call("DELETE", path);
      expect(refused.status).toBe(400);
      expect(body(refused).communicationError.details[0].code).toBe(detail);
      expect(call("GET", path).status).toBe(200);
    }

    call("POST", "/routing/jobs/job-1:cancel");
    expect(call("DELETE", "/routing/classificationPolicies/to-other").status).toBe(204);
    expect(call("GET", "/routing/classificationPolicies/to-other").status).toBe(404);
    expect(call("DELETE", "/routing/classificationPolicies/to-other").status).toBe(204);
    expect(call("DELETE", "/routing/distributionPolicies/nothing").status).toBe(204);
    // A policy no queue uses goes.
    call("PATCH", "/routing/distributionPolicies/unused", {
      offerExpiresAfterSeconds: 10,
      mode: { kind: "longestIdle" },
    });
    expect(call("DELETE", "/routing/distributionPolicies/unused").status).toBe(204);
    expect(call("PATCH", "/routing/queues/orphan", { distributionPolicyId: "unused" }).status).toBe(
      400,
    );
  });
});

describe("deleting a worker", () => {
  it("revokes its offers, forgets its id, and refuses while it holds an assigned job", () => {
    const target = service();
    const call = caller(target);
    const offer = offerToAgent(call);
    const accepted = body(call("POST", `/routing/workers/agent-1/offers/${offer.offerId}:accept`));
    const refused = call("DELETE", "/routing/workers/agent-1");
    expect(refused.status).toBe(409);
    expect(body(refused).communicationError.message).toMatch(/job-1/);
    const assignment = `/routing/jobs/job-1/assignments/${accepted.assignmentId}`;
    call("POST", `${assignment}:complete`);
    call("POST", `${assignment}:close`);

    call("PATCH", "/routing/jobs/job-2", { channelId: "voice", queueId: "support" });
    expect(body(call("GET", "/routing/workers/agent-1")).offers).toHaveLength(1);
    expect(call("DELETE", "/routing/workers/agent-1").status).toBe(204);
    expect(call("GET", "/routing/workers/agent-1").status).toBe(404);
    expect(body(call("GET", "/routing/workers")).value).toEqual([]);
    // Its offer was revoked: the job waits for someone else, and a new worker of that id is new.
    expect(body(call("GET", "/routing/jobs/job-2")).status).toBe("queued");
    expect(call("PATCH", "/routing/workers/agent-1", WORKER).status).toBe(201);
    expect(body(call("GET", "/routing/workers/agent-1")).offers[0].jobId).toBe("job-2");
    expect(call("DELETE", "/routing/workers/nobody").status).toBe(204);
    // The deleted worker's record stays behind its index, consistent with the router's state.
    expect(checkInvariants(target.router)).toEqual([]);
  });
});

describe("deleting a queue", () => {
  it("refuses while anything holds on to it, naming each, then forgets it for good", () => {
    const target = service();
    const call = caller(target);
    call("PATCH", "/routing/queues/english", {
      distributionPolicyId: "longest-idle",
      labels: { language: "en" },
    });
    call("PATCH", "/routing/classificationPolicies/by-language", {
      fallbackQueueId: "english",
      queueSelectorAttachments: [{ kind: "passThrough", key: "language", labelOperator: "equal" }],
    });
    call("PATCH", "/routing/workers/agent-1", { ...WORKER, queues: ["english"] });
    call("PATCH", "/routing/jobs/job-1", { channelId: "voice", queueId: "english" });
    const refused = call("DELETE", "/routing/queues/english");
    expect(refused.status).toBe(409);
    const message = body(refused).communicationError.message as string;
    expect(message).toMatch(/job job-1 is active in it/);
    expect(message).toMatch(/worker agent-1 serves it/);
    // A classification policy falling back to it does not hold it (as the service's recordings
    // show): the policy then has no fallback.
    expect(message).not.toMatch(/by-language/);

    call("POST", "/routing/jobs/job-1:cancel");
    call("DELETE", "/routing/jobs/job-1");
    call("DELETE", "/routing/workers/agent-1");
    expect(call("DELETE", "/routing/queues/english").status).toBe(204);
    call("PATCH", "/routing/jobs/lost", {
      channelId: "voice",
      classificationPolicyId: "by-language",
      labels: { language: "de" },
    });
    expect(body(call("GET", "/routing/jobs/lost")).status).toBe("classificationFailed");
    call("POST", "/routing/jobs/lost:cancel");
    expect(call("GET", "/routing/queues/english").status).toBe(404);
    expect(body(call("GET", "/routing/queues")).value.map((q: { id: string }) => q.id)).toEqual([
      "support",
    ]);
    // Classification no longer chooses it, and nothing can name it.
    call("PATCH", "/routing/classificationPolicies/by-language-2", {
      fallbackQueueId: "support",
      queueSelectorAttachments: [{ kind: "passThrough", key: "language", labelOperator: "equal" }],
    });
    call("PATCH", "/routing/jobs/job-2", {
      channelId: "voice",
      classificationPolicyId: "by-language-2",
      labels: { language: "en" },
    });
    expect(body(call("GET", "/routing/jobs/job-2")).queueId).toBe("support");
    expect(
      call("PATCH", "/routing/jobs/job-3", { channelId: "voice", queueId: "english" }).status,
    ).toBe(400);
    expect(
      call("PATCH", "/routing/queues/english", { distributionPolicyId: "longest-idle" }).status,
    ).toBe(201);
    expect(checkInvariants(target.router)).toEqual([]);
  });
});

describe("fields the recordings taught", () => {
  it("keeps a job's disposition code, shows expiry only on attached selectors, reads a policy's selectors sent back", () => {
    const call = caller(service());
    const created = body(
      call("PATCH", "/routing/jobs/coded", {
        channelId: "voice",
        queueId: "support",
        dispositionCode: "code1",
        requestedWorkerSelectors: [
          { key: "skill", labelOperator: "greaterThan", value: 2, expiresAfterSeconds: 100 },
        ],
      }),
    );
    expect(created.dispositionCode).toBe("code1");
    expect(created.requestedWorkerSelectors[0]).toEqual({
      key: "skill",
      labelOperator: "greaterThan",
      value: 2,
      expiresAfterSeconds: 100,
      expedite: false,
      status: "active",
    });
    const policy = {
      fallbackQueueId: "support",
      workerSelectorAttachments: [
        {
          kind: "static",
          workerSelector: {
            key: "skill",
            labelOperator: "equal",
            value: 1,
            expiresAfterSeconds: 10,
          },
        },
      ],
    };
    call("PATCH", "/routing/classificationPolicies/attach", policy);
    const read = body(call("GET", "/routing/classificationPolicies/attach"));
    expect(read.workerSelectorAttachments[0].workerSelector.status).toBe("active");
    // Sent back with its read-only status (as the Java SDK does), it is no change.
    expect(call("PATCH", "/routing/classificationPolicies/attach", read).status).toBe(200);
    call("PATCH", "/routing/jobs/attached", {
      channelId: "voice",
      classificationPolicyId: "attach",
    });
    const attached = body(call("GET", "/routing/jobs/attached")).attachedWorkerSelectors[0];
    expect(attached).toMatchObject({ status: "active", expiresAt: "2026-01-01T00:00:10.000Z" });
  });
});

describe("matching modes over the API", () => {
  it("schedules a job, lists it by its schedule, holds it at its time and queues it when asked", () => {
    const target = service();
    const call = caller(target);
    call("PATCH", "/routing/workers/agent-1", WORKER);
    const created = call("PATCH", "/routing/jobs/later", {
      channelId: "voice",
      queueId: "support",
      matchingMode: { kind: "schedule-and-suspend", scheduleAt: "2026-01-01T00:00:30Z" },
    });
    expect(created.status).toBe(201);
    expect(body(created)).toMatchObject({
      status: "scheduled",
      matchingMode: { kind: "scheduleAndSuspend", scheduleAt: "2026-01-01T00:00:30.000Z" },
    });
    expect(body(created).scheduledAt).toBeUndefined();
    const listed = (query: string) =>
      body(call("GET", `/routing/jobs?api-version=2023-11-01&${query}`)).value.map(
        (job: { id: string }) => job.id,
      );
    expect(listed("scheduledBefore=2026-01-01T00:00:30Z")).toEqual(["later"]);
    expect(listed("scheduledAfter=2026-01-01T00:00:31Z")).toEqual([]);
    expect(listed("status=scheduled")).toEqual(["later"]);
    expect(body(call("GET", "/routing/workers/agent-1")).offers).toEqual([]);

    target.advanceTo(30);
    expect(body(call("GET", "/routing/jobs/later"))).toMatchObject({
      status: "waitingForActivation",
      scheduledAt: "2026-01-01T00:00:30.000Z",
    });
    // Sent back as read, the mode is no change; queueAndMatch queues the job.
    const held = body(call("GET", "/routing/jobs/later"));
    expect(call("PATCH", "/routing/jobs/later", held).status).toBe(200);
    expect(body(call("GET", "/routing/jobs/later")).status).toBe("waitingForActivation");
    const queued = call("PATCH", "/routing/jobs/later", {
      matchingMode: { kind: "queueAndMatch" },
    });
    expect(body(queued)).toMatchObject({
      status: "queued",
      enqueuedAt: "2026-01-01T00:00:30.000Z",
      scheduledAt: "2026-01-01T00:00:30.000Z",
      matchingMode: { kind: "queueAndMatch" },
    });
    expect(body(call("GET", "/routing/workers/agent-1")).offers[0].jobId).toBe("later");
  });

  it("suspends a job, and refuses a mode or a schedule it cannot read", () => {
    const call = caller(service());
    const suspended = call("PATCH", "/routing/jobs/held", {
      channelId: "voice",
      queueId: "support",
      matchingMode: { kind: "suspend" },
    });
    expect(body(suspended)).toMatchObject({
      status: "waitingForActivation",
      matchingMode: { kind: "suspend" },
    });
    const noTime = call("PATCH", "/routing/jobs/bad", {
      channelId: "voice",
      queueId: "support",
      matchingMode: { kind: "scheduleAndSuspend", scheduleAt: "soon" },
    });
    expect(noTime.status).toBe(400);
    expect(body(noTime).communicationError.target).toBe("matchingMode.scheduleAt");
    const unknown = call("PATCH", "/routing/jobs/bad", {
      channelId: "voice",
      queueId: "support",
      matchingMode: { kind: "whenever" },
    });
    expect(body(unknown).communicationError.target).toBe("matchingMode.kind");
    expect(call("GET", "/routing/jobs/bad").status).toBe(404);
  });
});
