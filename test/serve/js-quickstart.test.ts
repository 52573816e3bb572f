/**
 * The official JavaScript quickstart of Job Router (learn.microsoft.com, "Quickstart: Submit a
 * job for queuing and routing", JavaScript tab, written for `@azure-rest/communication-job-router`)
 * runs verbatim against `ccsim serve` in this process, through a client assembled from the
 * package's own building blocks as the package assembles itself
 * (test/support/job-router-rest-client.ts: the package is not on the registry). Every request
 * goes through the real pipeline: api-version added, HMAC signature, merge-patch bodies.
 *
 * The quickstart's snippets are copied as they are printed, each under a `biome-ignore format`
 * so that the formatter does not respell them; assertions sit between them. What replaces the
 * quickstart's scaffolding: the `require(...)` of the package (an import of the assembled
 * client), the connection string (given through the environment variable the quickstart reads),
 * and its 10-second sleep (left out, see there).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { JobRouterClient, type JobRouterRestClient } from "../support/job-router-rest-client.ts";
import { serversClosedAfterEachTest, TEST_ACCESS_KEY } from "../support/serve-server.ts";

const ACCESS_KEY = TEST_ACCESS_KEY;

const servers = serversClosedAfterEachTest();

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** A policy of the client's pipeline (core-rest-pipeline's type, reached through the client). */
type PipelinePolicy = Parameters<JobRouterRestClient["pipeline"]["addPolicy"]>[0];

/** One exchange as the client's pipeline saw it. */
interface Exchange {
  readonly method: string;
  readonly path: string;
  readonly apiVersion: string | null;
  readonly contentType: string | undefined;
  readonly status: number;
}

/**
 * Records every exchange at the end of the client's pipeline (after the signature), so that the
 * statuses of the calls whose answers the quickstart throws away can still be checked.
 */
function recordExchanges(client: JobRouterRestClient): Exchange[] {
  const exchanges: Exchange[] = [];
  const recorder: PipelinePolicy = {
    name: "ccsimRecordExchanges",
    async sendRequest(request, next) {
      const response = await next(request);
      const url = new URL(request.url);
      exchanges.push({
        method: request.method,
        path: url.pathname,
        apiVersion: url.searchParams.get("api-version"),
        contentType: request.headers.get("content-type"),
        status: response.status,
      });
      return response;
    },
  };
  client.pipeline.addPolicy(recorder, { afterPhase: "Sign" });
  return exchanges;
}

/** The quickstart's output, as its "Run the code" section prints it. */
const QUICKSTART_OUTPUT = [
  "Azure Communication Services - Job Router Quickstart",
  "Worker worker-1 has an active offer for job job-1",
  "Worker worker-1 is assigned job job-1",
  "Worker worker-1 has completed job job-1",
  "Worker worker-1 has closed job job-1",
  "Deleting job job-1",
];

describe("the JavaScript quickstart against ccsim serve", () => {
  it("creates a policy, queue, job and worker, then accepts, completes, closes and deletes", {
    timeout: 60_000,
  }, async () => {
    const { service, url } = await servers.start();
    const printed: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      printed.push(args.join(" "));
    });
    // The connection string `ccsim serve` prints, read by the quickstart's own line below.
    vi.stubEnv("COMMUNICATION_CONNECTION_STRING", `endpoint=${url}/;accesskey=${ACCESS_KEY}`);

    // biome-ignore format: the quickstart's text
    console.log("Azure Communication Services - Job Router Quickstart")

    // biome-ignore format: the quickstart's text
    // biome-ignore lint/complexity/useLiteralKeys: the quickstart's text
    const connectionString = process.env["COMMUNICATION_CONNECTION_STRING"] ||
        "endpoint=https://<resource-name>.communication.azure.com/;<access-key>";
    // biome-ignore format: the quickstart's text
    const client = JobRouterClient(connectionString);
    const exchanges = recordExchanges(client);

    // biome-ignore format: the quickstart's text
    const distributionPolicy = await client.path("/routing/distributionPolicies/{distributionPolicyId}", "distribution-policy-1").patch({
        body: {
            offerExpiresAfterSeconds: 60,
            mode: { kind: "longest-idle" },
            name: "My distribution policy"
        },
        contentType: "application/merge-patch+json"
    });
    expect(distributionPolicy.status).toBe("201");
    expect(distributionPolicy.body).toMatchObject({
      id: "distribution-policy-1",
      name: "My distribution policy",
      offerExpiresAfterSeconds: 60,
      // The API's 2023-11-01 spelling: the quickstart's `longest-idle` is an older one, accepted.
      mode: { kind: "longestIdle" },
    });

    // biome-ignore format: the quickstart's text
    const queue = await client.path("/routing/queues/{queueId}", "queue-1").patch({
        body: {
            name: "My Queue",
            distributionPolicyId: distributionPolicy.body.id
        },
        contentType: "application/merge-patch+json"
    });
    expect(queue.status).toBe("201");
    expect(queue.body).toMatchObject({
      id: "queue-1",
      name: "My Queue",
      distributionPolicyId: "distribution-policy-1",
    });

    // biome-ignore format: the quickstart's text
    const job = await client.path("/routing/jobs/{jobId}", "job-1").patch({
        body: {
            channelId: "voice",
            queueId: queue.body.id,
            priority: 1,
            requestedWorkerSelectors: [{ key: "Some-Skill", labelOperator: "greaterThan", value: 10 }]
        },
        contentType: "application/merge-patch+json"
    });
    expect(job.status).toBe("201");
    expect(job.body).toMatchObject({
      id: "job-1",
      channelId: "voice",
      queueId: "queue-1",
      priority: 1,
      // ccsim answers `queued` where the service answers `created` (docs/serve.md): no worker yet.
      status: "queued",
      requestedWorkerSelectors: [{ key: "Some-Skill", labelOperator: "greaterThan", value: 10 }],
    });

    // biome-ignore format: the quickstart's text
    let worker = await client.path("/routing/workers/{workerId}", "worker-1").patch({
        body:  {
            capacity: 1,
            queues: [queue.body.id],
            labels: { "Some-Skill": 11 },
            channels: [{ channelId: "voice", capacityCostPerJob: 1 }],
            availableForOffers: true
        },
        contentType: "application/merge-patch+json"
    });
    expect(worker.status).toBe("201");
    expect(worker.body).toMatchObject({
      id: "worker-1",
      state: "active",
      capacity: 1,
      queues: ["queue-1"],
      labels: { "Some-Skill": 11 },
      availableForOffers: true,
    });

    // The quickstart waits 10 seconds here (`await new Promise(r => setTimeout(r, 10000));`) for
    // the service to match the job with the worker. ccsim matches within the worker's upsert and
    // the manual clock stands still, so the offer is there at once; the wait is left out.
    // biome-ignore format: the quickstart's text
    worker = await client.path("/routing/workers/{workerId}", worker.body.id).get();
    // biome-ignore format: the quickstart's text
    for (const offer of worker.body.offers) {
        console.log(`Worker ${worker.body.id} has an active offer for job ${offer.jobId}`);
    }
    expect(worker.status).toBe("200");
    expect(worker.body.offers).toEqual([
      expect.objectContaining({ offerId: expect.any(String), jobId: "job-1", capacityCost: 1 }),
    ]);

    // biome-ignore format: the quickstart's text
    const accept = await client.path("/routing/workers/{workerId}/offers/{offerId}:accept", worker.body.id, worker.body.offers[0].offerId).post();
    // biome-ignore format: the quickstart's text
    console.log(`Worker ${worker.body.id} is assigned job ${accept.body.jobId}`);
    expect(accept.status).toBe("200");
    expect(accept.body).toEqual({
      jobId: "job-1",
      workerId: "worker-1",
      assignmentId: expect.any(String),
    });
    expect(service.router.getJob("job-1")).toMatchObject({ status: "assigned" });

    // biome-ignore format: the quickstart's text
    await client.path("/routing/jobs/{jobId}/assignments/{assignmentId}:complete", accept.body.jobId, accept.body.assignmentId).post();
    // biome-ignore format: the quickstart's text
    console.log(`Worker ${worker.body.id} has completed job ${accept.body.jobId}`);
    expect(exchanges.at(-1)).toMatchObject({
      path: expect.stringMatching(/:complete$/),
      status: 200,
    });

    // biome-ignore format: the quickstart's text
    await client.path("/routing/jobs/{jobId}/assignments/{assignmentId}:close", accept.body.jobId, accept.body.assignmentId).post({
        body: { dispositionCode: "Resolved" }
    });
    // biome-ignore format: the quickstart's text
    console.log(`Worker ${worker.body.id} has closed job ${accept.body.jobId}`);
    expect(exchanges.at(-1)).toMatchObject({ path: expect.stringMatching(/:close$/), status: 200 });

    // Not in the quickstart: the closed job, read before the quickstart deletes it.
    const closed = await client.path("/routing/jobs/{jobId}", "job-1").get();
    expect(closed.status).toBe("200");
    expect(closed.body).toMatchObject({
      id: "job-1",
      status: "closed",
      dispositionCode: "Resolved",
    });

    // biome-ignore format: the quickstart's text
    await client.path("/routing/jobs/{jobId}", accept.body.jobId).delete();
    // biome-ignore format: the quickstart's text
    console.log(`Deleting job ${accept.body.jobId}`);
    expect(exchanges.at(-1)).toMatchObject({ method: "DELETE", status: 204 });
    expect(service.router.getJob("job-1")).toBeUndefined();

    expect(printed).toEqual(QUICKSTART_OUTPUT);
    // Every call went out with the api-version the package adds, and upserts as merge-patch.
    expect(exchanges.map(({ method, path, status }) => `${method} ${path} ${status}`)).toEqual([
      "PATCH /routing/distributionPolicies/distribution-policy-1 201",
      "PATCH /routing/queues/queue-1 201",
      "PATCH /routing/jobs/job-1 201",
      "PATCH /routing/workers/worker-1 201",
      "GET /routing/workers/worker-1 200",
      `POST /routing/workers/worker-1/offers/${worker.body.offers[0].offerId}:accept 200`,
      `POST /routing/jobs/job-1/assignments/${accept.body.assignmentId}:complete 200`,
      `POST /routing/jobs/job-1/assignments/${accept.body.assignmentId}:close 200`,
      "GET /routing/jobs/job-1 200",
      "DELETE /routing/jobs/job-1 204",
    ]);
    expect(exchanges.every((exchange) => exchange.apiVersion === "2023-11-01")).toBe(true);
    expect(
      exchanges.filter((exchange) => exchange.method === "PATCH").map((e) => e.contentType),
    ).toEqual(Array(4).fill("application/merge-patch+json"));
  });

  it("answers a client with the wrong key 401, in the service's error shape", {
    timeout: 60_000,
  }, async () => {
    const { url } = await servers.start();
    const wrongKey = Buffer.from("not the server's key").toString("base64");
    const client = JobRouterClient(`endpoint=${url}/;accesskey=${wrongKey}`);
    const answer = await client.path("/routing/jobs/{jobId}", "job-1").get();
    expect(answer.status).toBe("401");
    expect(answer.headers["x-ms-error-code"]).toBe("Unauthorized");
    expect(answer.body).toEqual({
      communicationError: {
        code: "Unauthorized",
        message: expect.stringMatching(/signature/),
        details: [],
      },
    });
  });
});
