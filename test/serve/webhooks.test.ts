/**
 * Event Grid webhook subscriptions: the validation handshake comes first and gates delivery;
 * events arrive in order, in batches of at most the batch size, with Event Grid's headers; a
 * failed request is retried (its delivery count rising) until the retries run out, and the
 * batch is then dropped and reported. The receiver is a real HTTP server in this process.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { JobRouterService } from "../../src/serve/service.ts";
import { WebhookSubscription } from "../../src/serve/webhooks.ts";

interface Received {
  readonly headers: IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: the events' JSON is read field by field.
  readonly body: any[];
}

let receiver: Server | null = null;
const subscriptions: WebhookSubscription[] = [];

afterEach(async () => {
  for (const subscription of subscriptions.splice(0)) subscription.close();
  await new Promise<void>((resolve) =>
    receiver === null ? resolve() : receiver.close(() => resolve()),
  );
  receiver = null;
});

/** A receiver answering each request with `answer(request number, body)`; what it got. */
async function startReceiver(
  answer: (index: number, received: Received) => { status: number; body?: unknown },
) {
  const requests: Received[] = [];
  receiver = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk) => {
      text += chunk;
    });
    request.on("end", () => {
      const received = { headers: request.headers, body: JSON.parse(text) };
      requests.push(received);
      const { status, body } = answer(requests.length - 1, received);
      response.writeHead(status, { "content-type": "application/json" });
      response.end(body === undefined ? "" : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => receiver?.listen(0, "127.0.0.1", resolve));
  const { port } = receiver.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/events`, requests };
}

/** Echoes the validation code; the other requests answer as `notification` says. */
function validating(notification: (index: number) => number) {
  return (index: number, received: Received) =>
    received.headers["aeg-event-type"] === "SubscriptionValidation"
      ? { status: 200, body: { validationResponse: received.body[0].data.validationCode } }
      : { status: notification(index) };
}

function subscribe(url: string, reports: [string, boolean][], retryDelaysMs = [10, 10]) {
  const subscription = new WebhookSubscription(
    {
      url,
      name: "test-subscription",
      maxEventsPerBatch: 2,
      retryDelaysMs,
      timeoutMs: 30_000,
      report: (line, problem) => reports.push([line, problem]),
    },
    "ccsim-serve/test",
  );
  subscriptions.push(subscription);
  return subscription;
}

/** Four events: a worker registered, a job received and queued, an offer issued. */
function fourEvents(subscription: WebhookSubscription) {
  const service = new JobRouterService({
    config: {
      distributionPolicies: [
        { id: "p", offerExpiresAfterSeconds: 30, mode: { kind: "longestIdle" } },
      ],
      queues: [{ id: "q", distributionPolicyId: "p" }],
    },
    time: { originMs: Date.parse("2026-01-01T00:00:00Z") },
  });
  service.events.listen((line) => subscription.offer(line));
  service.router.upsertWorker({
    id: "w",
    capacity: 1,
    queues: ["q"],
    channels: [{ channelId: "voice", capacityCostPerJob: 1 }],
    availableForOffers: true,
  });
  service.router.upsertJob({ id: "j", channelId: "voice", queueId: "q" });
}

/** Waits (generously, failing rather than hanging) until `done`. */
async function until(done: () => boolean) {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 60_000) throw new Error("the webhook did not finish in 60 s");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("Event Grid webhook subscriptions", () => {
  it("validate first, then deliver every event in order, in batches, retrying a failure", async () => {
    // Request 1 is the validation; request 2, the first batch, fails once.
    const { url, requests } = await startReceiver(validating((index) => (index === 1 ? 500 : 200)));
    const reports: [string, boolean][] = [];
    const subscription = subscribe(url, reports);
    fourEvents(subscription); // queued while the subscription validates
    expect(await subscription.validate()).toBe(true);
    await until(() => subscription.idle && subscription.delivered === 4);

    const [validation, ...notifications] = requests;
    expect(validation?.headers["aeg-event-type"]).toBe("SubscriptionValidation");
    expect(validation?.body[0].eventType).toBe("Microsoft.EventGrid.SubscriptionValidationEvent");
    expect(notifications.map((request) => request.headers["aeg-event-type"])).toEqual([
      "Notification",
      "Notification",
      "Notification",
    ]);
    expect(notifications.map((request) => request.headers["aeg-delivery-count"])).toEqual([
      "0",
      "1",
      "0",
    ]);
    expect(notifications[0]?.body).toEqual(notifications[1]?.body);
    const delivered = notifications.slice(1).flatMap((request) => request.body);
    expect(
      delivered.map((event) => event.eventType.replace("Microsoft.Communication.", "")),
    ).toEqual([
      "RouterWorkerRegistered",
      "RouterJobReceived",
      "RouterJobQueued",
      "RouterWorkerOfferIssued",
    ]);
    expect(notifications.every((request) => request.body.length <= 2)).toBe(true);
    expect(notifications[0]?.headers["aeg-subscription-name"]).toBe("test-subscription");
    expect(reports).toEqual([[`webhook ${url}: subscription validated`, false]]);
  });

  it("deliver nothing to an endpoint that does not echo the validation code", async () => {
    const { url, requests } = await startReceiver(() => ({ status: 200, body: { hello: 1 } }));
    const reports: [string, boolean][] = [];
    const subscription = subscribe(url, reports);
    fourEvents(subscription);
    expect(await subscription.validate()).toBe(false);
    subscription.offer("{}");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toHaveLength(1);
    expect(subscription.delivered).toBe(0);
    expect(reports[0]?.[1]).toBe(true);
    expect(reports[0]?.[0]).toMatch(/validation failed .*no events go there/);
  });

  it("drop a batch when its retries run out, say so, and go on with the next", async () => {
    // The first batch fails three times (the first try and two retries); the second succeeds.
    const { url, requests } = await startReceiver(validating((index) => (index <= 3 ? 503 : 200)));
    const reports: [string, boolean][] = [];
    const subscription = subscribe(url, reports);
    fourEvents(subscription);
    await subscription.validate();
    await until(() => subscription.idle && subscription.dropped + subscription.delivered === 4);
    expect(subscription.dropped).toBe(2);
    expect(subscription.delivered).toBe(2);
    expect(requests).toHaveLength(5);
    expect(reports[1]).toEqual([
      `webhook ${url}: dropped 2 event(s) after 3 attempts (HTTP 503)`,
      true,
    ]);
  });

  it("count the events of a batch in flight as pending, not the batch as one", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    receiver = createServer((request, response) => {
      let text = "";
      request.on("data", (chunk) => {
        text += chunk;
      });
      request.on("end", async () => {
        const body = JSON.parse(text);
        if (request.headers["aeg-event-type"] === "SubscriptionValidation") {
          response.end(JSON.stringify({ validationResponse: body[0].data.validationCode }));
          return;
        }
        await held;
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver?.listen(0, "127.0.0.1", resolve));
    const { port } = receiver.address() as AddressInfo;
    const subscription = subscribe(`http://127.0.0.1:${port}/events`, []);
    await subscription.validate();
    for (const line of ["{}", "{}", "{}"]) subscription.offer(line);
    expect(subscription.pending).toBe(3); // a batch of 2 in flight, 1 queued
    release();
    await until(() => subscription.idle);
    expect(subscription.pending).toBe(0);
    expect(subscription.delivered).toBe(3);
  });
});
