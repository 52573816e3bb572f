/**
 * The replay harness itself (test/support/replay.ts) finds what it is there to find: a status,
 * a field and an extra field that differ, timestamps beyond the clock's tolerance, and a made-up
 * id that meets a different one of ccsim's. Synthetic recordings, so each case is known.
 */
import { describe, expect, it } from "vitest";
import type { RecordedExchange, Recording } from "../support/recordings.ts";
import { replay } from "../support/replay.ts";

const VERSION = { "api-version": "2023-11-01" };

function exchange(partial: Partial<RecordedExchange> & Pick<RecordedExchange, "method" | "path">) {
  return {
    at: "2023-11-03T21:00:00Z",
    query: VERSION,
    body: null,
    status: 200,
    response: null,
    ...partial,
  };
}

function recording(exchanges: RecordedExchange[]): Recording {
  return {
    name: "synthetic/case",
    source: { repository: "none", commit: "0".repeat(40), path: "none" },
    exchanges,
  };
}

const POLICY = exchange({
  method: "PATCH",
  path: "/routing/distributionPolicies/dp",
  body: { offerExpiresAfterSeconds: 10, mode: { kind: "longest-idle" } },
  status: 201,
  response: {
    id: "dp",
    offerExpiresAfterSeconds: 10,
    mode: {
      kind: "longest-idle",
      minConcurrentOffers: 1,
      maxConcurrentOffers: 1,
      bypassSelectors: false,
    },
    etag: "Sanitized",
  },
});
const QUEUE = exchange({
  method: "PATCH",
  path: "/routing/queues/q",
  body: { distributionPolicyId: "dp" },
  status: 201,
  response: { id: "q", distributionPolicyId: "dp", labels: { Id: "q" }, etag: "Sanitized" },
});
const WORKER = exchange({
  method: "PATCH",
  path: "/routing/workers/w",
  body: {
    capacity: 1,
    queues: ["q"],
    channels: [{ channelId: "voice", capacityCostPerJob: 1 }],
    availableForOffers: true,
  },
  status: 201,
});

describe("the replay harness", () => {
  it("finds nothing where ccsim answers as recorded (kinds in either spelling)", () => {
    expect(replay(recording([POLICY, QUEUE])).differences).toEqual([]);
  });

  it("finds a status, a field and a field only one side has", () => {
    const result = replay(
      recording([
        POLICY,
        { ...QUEUE, status: 200 },
        exchange({
          method: "GET",
          path: "/routing/queues/q",
          response: { id: "q", distributionPolicyId: "other", etag: "Sanitized", extra: 1 },
        }),
      ]),
    );
    expect(result.differences.map((difference) => [difference.exchange, difference.where])).toEqual(
      [
        [1, "status"],
        [2, "/distributionPolicyId"],
        [2, "/extra"],
        [2, "/labels"],
      ],
    );
  });

  it("holds timestamps to the clock's tolerance and sends made-up ids as ccsim's", () => {
    const job = exchange({
      method: "PATCH",
      path: "/routing/jobs/j",
      at: "2023-11-03T21:00:01Z",
      body: { channelId: "voice", queueId: "q" },
      status: 201,
    });
    const offerRead = (offerId: string, offeredAt: string) =>
      exchange({
        method: "GET",
        path: "/routing/workers/w",
        at: "2023-11-03T21:00:02Z",
        response: { offers: [{ offerId, jobId: "j", capacityCost: 1, offeredAt }] },
      });
    const result = replay(
      recording([
        POLICY,
        QUEUE,
        { ...WORKER, response: null },
        job,
        offerRead("11111111-1111-1111-1111-111111111111", "2023-11-03T21:00:01.5Z"),
        offerRead("22222222-2222-2222-2222-222222222222", "2023-11-03T21:00:30Z"),
        exchange({
          method: "POST",
          path: "/routing/workers/w/offers/11111111-1111-1111-1111-111111111111:accept",
          at: "2023-11-03T21:00:03Z",
        }),
      ]),
    );
    const found = result.differences.map((difference) => [difference.exchange, difference.where]);
    // The second read's offer time is 29 s off; the accept, sent with the first read's recorded
    // id, reaches ccsim's offer through the pairing (a 404, a status difference, otherwise), and
    // differs only in answering the assignment where the recording has no body.
    expect(found).toContainEqual([5, "/offers/0/offeredAt"]);
    expect(found).not.toContainEqual([4, "/offers/0/offeredAt"]);
    expect(found.filter(([index]) => index === 6)).toEqual([[6, ""]]);
  });
});
