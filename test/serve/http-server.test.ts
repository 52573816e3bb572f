/**
 * `ccsim serve`'s HTTP side, on a real socket in this process: signed requests are answered,
 * unsigned or wrongly signed ones get 401 in the service's error shape, a body that is not JSON
 * or too large gets 400, the manual clock moves only through /ccsim/clock:advance (and an offer
 * expires then), and the wall clock fires a timer with no request coming.
 */
import { describe, expect, it } from "vitest";
import { ManualClock, WallClock } from "../../src/serve/clock.ts";
import { signRequest } from "../../src/serve/hmac.ts";
import { MAX_BODY_BYTES } from "../../src/serve/http-server.ts";
import { SIGNED_DATE, serveClient } from "../support/serve-client.ts";
import { serversClosedAfterEachTest, TEST_KEY } from "../support/serve-server.ts";

const KEY = TEST_KEY;

const CONFIG = {
  distributionPolicies: [
    {
      id: "longest-idle",
      offerExpiresAfterSeconds: 30,
      mode: { kind: "longestIdle" as const },
    },
  ],
  queues: [{ id: "support", distributionPolicyId: "longest-idle" }],
};

const WORKER = {
  capacity: 1,
  queues: ["support"],
  channels: [{ channelId: "voice", capacityCostPerJob: 1 }],
  availableForOffers: true,
};

const servers = serversClosedAfterEachTest();

async function serve(clock: ManualClock | WallClock) {
  const { service, url } = await servers.start({ config: CONFIG, clock });
  return { service, url, call: serveClient(url, KEY) };
}

describe("ccsim serve over HTTP", () => {
  it("answers signed requests and refuses unsigned or wrongly signed ones", async () => {
    const { url, call } = await serve(new ManualClock());
    const created = await call("PATCH", "/routing/jobs/job-1", {
      channelId: "voice",
      queueId: "support",
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toMatch(/application\/json/);
    expect((await call("GET", "/routing/jobs/job-1")).body.status).toBe("queued");

    const unsigned = await fetch(`${url}/routing/jobs/job-1?api-version=2023-11-01`);
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get("x-ms-error-code")).toBe("Unauthorized");
    expect(
      ((await unsigned.json()) as { communicationError: { message: string } }).communicationError
        .message,
    ).toMatch(/no Authorization/);
    const wrongKey = serveClient(url, Buffer.from("another key"));
    expect((await wrongKey("GET", "/routing/jobs/job-1")).status).toBe(401);
  });

  it("answers 400 to a body that is not JSON or is too large", async () => {
    const { call } = await serve(new ManualClock());
    const notJson = await call("PATCH", "/routing/jobs/job-1", undefined);
    expect(notJson.status).toBe(400); // an empty body: no channel, no queue
    const big = await call("PATCH", "/routing/jobs/job-2", {
      channelId: "voice",
      queueId: "support",
      labels: { padding: "x".repeat(MAX_BODY_BYTES) },
    }).catch((error: Error) => error);
    // The server answers 400 as soon as the limit passes; the client may see the answer or the
    // connection ended under its upload, depending on timing.
    if (!(big instanceof Error)) expect(big.status).toBe(400);
  });

  it("moves the manual clock only through /ccsim/clock:advance", async () => {
    const { call } = await serve(new ManualClock());
    await call("PATCH", "/routing/workers/agent-1", WORKER);
    await call("PATCH", "/routing/jobs/job-1", { channelId: "voice", queueId: "support" });
    expect((await call("GET", "/ccsim/clock")).body).toEqual({
      kind: "manual",
      seconds: 0,
      now: "2026-01-01T00:00:00.000Z",
    });
    expect((await call("POST", "/ccsim/clock:advance", { seconds: 29 })).body.seconds).toBe(29);
    expect((await call("GET", "/routing/workers/agent-1")).body.offers).toHaveLength(1);
    await call("POST", "/ccsim/clock:advance", { seconds: 1 });
    expect((await call("GET", "/routing/workers/agent-1")).body).toMatchObject({
      offers: [],
      availableForOffers: false,
    });
    expect((await call("POST", "/ccsim/clock:advance", { seconds: -1 })).status).toBe(400);
    expect((await call("POST", "/ccsim/clock:advance", {})).status).toBe(400);
    expect((await call("GET", "/ccsim/nothing")).status).toBe(404);
  });

  it("streams the events as server-sent events to a signed GET /ccsim/events", async () => {
    const { url, call } = await serve(new ManualClock());
    const target = new URL("/ccsim/events", url);
    const unsigned = await fetch(target);
    expect(unsigned.status).toBe(401);
    await unsigned.body?.cancel();
    const abort = new AbortController();
    const headers = signRequest(
      {
        method: "GET",
        pathAndQuery: "/ccsim/events",
        host: target.host,
        date: SIGNED_DATE,
        body: Buffer.alloc(0),
      },
      KEY,
    );
    const stream = await fetch(target, { headers, signal: abort.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    await call("PATCH", "/routing/workers/agent-1", WORKER);
    await call("PATCH", "/routing/jobs/job-1", { channelId: "voice", queueId: "support" });
    let text = "";
    const decoder = new TextDecoder();
    while ((text.match(/^data: /gm) ?? []).length < 4) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    abort.abort();
    const events = [...text.matchAll(/^data: (.+)$/gm)].map((match) =>
      JSON.parse(match[1] as string),
    );
    expect(events.map((event) => event.eventType.replace("Microsoft.Communication.", ""))).toEqual([
      "RouterWorkerRegistered",
      "RouterJobReceived",
      "RouterJobQueued",
      "RouterWorkerOfferIssued",
    ]);
  });

  it("fires a timer under the wall clock with no request coming", async () => {
    let nowMs = 0;
    const clock = new WallClock(() => nowMs, 1000);
    const { service, call } = await serve(clock);
    await call("PATCH", "/routing/workers/agent-1", WORKER);
    await call("PATCH", "/routing/jobs/job-1", { channelId: "voice", queueId: "support" });
    // At 1000×, the offer's 30 s are 30 ms of real time; the real clock here is the test's.
    nowMs = 30;
    // No request: only the server's own timer can move the service. Waited for generously (a
    // loaded machine delays timers), failing rather than hanging.
    for (let waited = 0; service.nowSeconds < 30 && waited < 20_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(service.nowSeconds).toBe(30);
    expect(service.router.getWorker("agent-1")?.availableForOffers).toBe(false);
    expect((await call("POST", "/ccsim/clock:advance", { seconds: 1 })).status).toBe(409);
  });
});
