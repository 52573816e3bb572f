/**
 * `ccsim serve <scenario> --world` in process: the scenario's simulated customers and workers
 * run on the served router from time 0; clients see them, share routing with them (a client's
 * job handled by a simulated worker), and may not act for them (409).
 */
import { describe, expect, it } from "vitest";
import { RandomStream } from "../../src/random/index.ts";
import { checkInvariants } from "../../src/router/index.ts";
import { loadScenario } from "../../src/scenario/index.ts";
import type { ServiceResponse } from "../../src/serve/answers.ts";
import { JobRouterService } from "../../src/serve/service.ts";
import { routerConfigOf } from "../../src/simulate.ts";

const QUICKSTART = new URL("../../scenarios/quickstart.yaml", import.meta.url).pathname;

async function servedQuickstart() {
  const scenario = await loadScenario(QUICKSTART);
  const service = new JobRouterService({
    config: routerConfigOf(scenario, RandomStream.root(scenario.seed, 0)),
    time: { originMs: Date.parse(scenario.startTime) },
    seed: scenario.seed,
    world: { scenario, traces: new Map() },
  });
  const call = (method: string, path: string, body?: unknown): ServiceResponse =>
    service.handle({
      method,
      path,
      query: new URLSearchParams("api-version=2023-11-01"),
      body,
    });
  return { service, call };
}

// biome-ignore lint/suspicious/noExplicitAny: the answers' JSON is read field by field.
function body(response: ServiceResponse): any {
  return response.body;
}

describe("ccsim serve --world", () => {
  it("runs the scenario's people beside the clients, who see them and share routing", async () => {
    const { service, call } = await servedQuickstart();
    expect(body(call("GET", "/routing/workers")).value.map((w: { id: string }) => w.id)).toEqual([
      "worker-1",
    ]);
    expect(body(call("GET", "/routing/jobs/job-1")).status).toBe("queued");
    service.advanceTo(3);
    // The simulated agent answered its offer after its 2 s response time.
    expect(body(call("GET", "/routing/jobs/job-1")).status).toBe("assigned");

    // A client's job waits for the busy agent, who then handles it as the quickstart's
    // customers need: 2 minutes.
    expect(
      call("PATCH", "/routing/jobs/mine", {
        channelId: "voice",
        queueId: "queue-1",
        requestedWorkerSelectors: [{ key: "Some-Skill", labelOperator: "greaterThan", value: 10 }],
      }).status,
    ).toBe(201);
    service.advanceTo(123);
    expect(body(call("GET", "/routing/jobs/job-1")).status).toBe("closed");
    expect(body(call("GET", "/routing/jobs/mine")).status).toBe("queued");
    service.advanceTo(126);
    const handled = body(call("GET", "/routing/jobs/mine"));
    expect(handled.status).toBe("assigned");
    expect(Object.values(handled.assignments)).toMatchObject([{ workerId: "worker-1" }]);
    service.advanceTo(300);
    expect(body(call("GET", "/routing/jobs/mine")).status).toBe("closed");
    expect(body(call("GET", "/routing/jobs")).value.map((job: { id: string }) => job.id)).toEqual([
      "mine",
      "job-1",
    ]);
    expect(checkInvariants(service.router)).toEqual([]);
    expect(service.world?.world.invariantProblems()).toEqual([]);
  });

  it("refuses a client acting for a simulated person, or deleting what the world uses", async () => {
    const { service, call } = await servedQuickstart();
    service.advanceTo(3);
    const assignment = Object.keys(body(call("GET", "/routing/jobs/job-1")).assignments)[0];
    const refused: [string, string, unknown][] = [
      ["PATCH", "/routing/workers/worker-1", { availableForOffers: false }],
      ["DELETE", "/routing/workers/worker-1", undefined],
      ["POST", "/routing/jobs/job-1:cancel", {}],
      ["PATCH", "/routing/jobs/job-1", { priority: 5 }],
      ["PATCH", "/routing/jobs/job-9", { channelId: "voice", queueId: "queue-1" }],
      ["POST", `/routing/jobs/job-1/assignments/${assignment}:complete`, {}],
      ["DELETE", "/routing/queues/queue-1", undefined],
      ["DELETE", "/routing/distributionPolicies/distribution-policy-1", undefined],
    ];
    for (const [method, path, request] of refused) {
      const answer = call(method, path, request);
      expect(answer.status, `${method} ${path}`).toBe(409);
      expect(body(answer).communicationError.message).toMatch(/--world/);
    }
    // The world's own work went on untouched; a client's own worker and job are its to change.
    expect(body(call("GET", "/routing/jobs/job-1")).status).toBe("assigned");
    expect(
      call("PATCH", "/routing/workers/agent-x", {
        capacity: 1,
        queues: ["queue-1"],
        channels: [{ channelId: "voice", capacityCostPerJob: 1 }],
        availableForOffers: true,
      }).status,
    ).toBe(201);
    expect(call("PATCH", "/routing/workers/agent-x", { availableForOffers: false }).status).toBe(
      200,
    );
    // The scenario's policy may be changed, not deleted.
    expect(
      call("PATCH", "/routing/distributionPolicies/distribution-policy-1", {
        offerExpiresAfterSeconds: 30,
      }).status,
    ).toBe(200);
    expect(checkInvariants(service.router)).toEqual([]);
  });
});
