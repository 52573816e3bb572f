import { describe, expect, it } from "vitest";
import {
  deterministicEventId,
  EventGridSerializer,
  pascalStatus,
} from "../../../src/report/event-grid/event-grid.ts";
import { harness, offerOf, singleQueue, unwrap, voiceWorker } from "../../router/helpers.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function quickstartEvents() {
  const h = harness(singleQueue({ kind: "longestIdle" }, [voiceWorker("worker-1")]));
  h.engine.runUntil(1.5);
  unwrap(
    h.router.upsertJob({
      id: "job-1",
      channelId: "voice",
      queueId: "q",
      requestedWorkerSelectors: [{ key: "Id", labelOperator: "equal", value: "worker-1" }],
    }),
  );
  const { assignmentId } = unwrap(h.router.acceptJobOffer("worker-1", offerOf(h, "worker-1")));
  unwrap(h.router.completeJob("job-1", assignmentId));
  unwrap(h.router.closeJob("job-1", assignmentId, { dispositionCode: "Resolved" }));
  return { events: h.events, assignmentId };
}

const options = { startTime: "2026-01-01T00:00:00Z", seed: 1, replication: 0 };

describe("Event Grid serializer", () => {
  it("writes the envelope, subjects and data names of the service", () => {
    const { events, assignmentId } = quickstartEvents();
    const serializer = new EventGridSerializer(options);
    const lines = events.map((event) => serializer.serialize(event));
    expect(lines.map((line) => [line.eventType, line.subject])).toEqual([
      ["Microsoft.Communication.RouterWorkerRegistered", "worker/worker-1"],
      ["Microsoft.Communication.RouterJobReceived", "job/job-1/channel/voice"],
      ["Microsoft.Communication.RouterJobQueued", "job/job-1/channel/voice/queue/q"],
      ["Microsoft.Communication.RouterWorkerOfferIssued", "worker/worker-1/job/job-1"],
      ["Microsoft.Communication.RouterWorkerOfferAccepted", "worker/worker-1/job/job-1"],
      [
        "Microsoft.Communication.RouterJobCompleted",
        `job/job-1/channel/voice/assignment/${assignmentId}`,
      ],
      [
        "Microsoft.Communication.RouterJobClosed",
        `job/job-1/channel/voice/assignment/${assignmentId}`,
      ],
    ]);
    for (const line of lines) {
      expect(line.dataVersion).toBe("1.0");
      expect(line.metadataVersion).toBe("1");
      expect(line.id).toMatch(UUID);
    }
    expect(lines[1]?.eventTime).toBe("2026-01-01T00:00:01.500Z");
    expect(lines[1]?.data).toMatchObject({
      jobId: "job-1",
      jobStatus: "Queued",
      priority: 1,
      scheduledOn: null,
    });
    expect(lines[2]?.data.requestedWorkerSelectors).toEqual([
      {
        key: "Id",
        labelOperator: "equal",
        value: "worker-1",
        ttlSeconds: null,
        state: "active",
        expirationTime: null,
      },
    ]);
    expect(lines[3]?.data).toMatchObject({
      workerId: "worker-1",
      offerId: expect.any(String),
      queueId: "q",
      offeredOn: "2026-01-01T00:00:01.500Z",
      expiresOn: "2026-01-01T00:01:01.500Z",
    });
    expect(lines[6]?.data).toMatchObject({
      assignmentId,
      dispositionCode: "Resolved",
      workerId: "worker-1",
    });
    expect(
      JSON.parse(serializer.serializeLine(events[0] as (typeof events)[number])),
    ).toMatchObject({
      eventType: "Microsoft.Communication.RouterWorkerRegistered",
    });
  });

  it("gives the same ids for the same seed and replication, and different ids otherwise", () => {
    const { events } = quickstartEvents();
    const ids = (seed: number, replication: number) => {
      const serializer = new EventGridSerializer({ ...options, seed, replication });
      return events.map((event) => serializer.serialize(event).id);
    };
    expect(ids(1, 0)).toEqual(ids(1, 0));
    expect(new Set([...ids(1, 0), ...ids(2, 0), ...ids(1, 1)]).size).toBe(events.length * 3);
    expect(deterministicEventId(2 ** 40, 3, 2 ** 33)).not.toBe(deterministicEventId(0, 3, 2 ** 33));
  });

  it("spells job status in PascalCase", () => {
    expect(pascalStatus("waitingForActivation")).toBe("WaitingForActivation");
  });
});

describe("Event Grid shapes of classification, exceptions and selector expiry", () => {
  it("writes subjects and data of Classified, ExceptionTriggered, SelectorsExpired, ClassificationFailed", () => {
    const h = harness({
      distributionPolicies: [
        { id: "p", offerExpiresAfterSeconds: 60, mode: { kind: "longestIdle" } },
      ],
      queues: [
        { id: "q", distributionPolicyId: "p", exceptionPolicyId: "e", labels: { Target: "q" } },
        { id: "q2", distributionPolicyId: "p" },
      ],
      classificationPolicies: [
        {
          id: "c",
          queueSelectorAttachments: [
            { kind: "passThrough", key: "Target", labelOperator: "equal" },
          ],
        },
      ],
      exceptionPolicies: [
        {
          id: "e",
          exceptionRules: [
            {
              id: "late",
              trigger: { kind: "waitTime", thresholdSeconds: 20 },
              actions: [{ kind: "manualReclassify", queueId: "q2" }],
            },
          ],
        },
      ],
    });
    unwrap(
      h.router.upsertJob({
        id: "j",
        channelId: "voice",
        classificationPolicyId: "c",
        labels: { Target: "q" },
        requestedWorkerSelectors: [
          { key: "Id", labelOperator: "equal", value: "w", expiresAfterSeconds: 10 },
        ],
      }),
    );
    unwrap(h.router.upsertJob({ id: "lost", channelId: "voice", classificationPolicyId: "c" }));
    h.engine.runUntil(30);
    const serializer = new EventGridSerializer(options);
    const lines = h.events.map((event) => serializer.serialize(event));
    expect(lines.map((line) => line.subject)).toEqual([
      "job/j/channel/voice",
      "job/j/channel/voice/queue/q",
      "job/j/channel/voice/queue/q",
      "job/lost/channel/voice",
      "job/lost/channel/voice/classificationpolicy/c",
      "job/j/channel/voice/queue/q",
      "job/j/channel/voice/exceptionrule/late",
      "job/j/channel/voice/queue/q2",
    ]);
    expect(lines[1]?.data).toMatchObject({
      queueDetails: { id: "q", name: "q", labels: { Id: "q", Target: "q" } },
      classificationPolicyId: "c",
      priority: 1,
    });
    expect(lines[4]?.data).toMatchObject({
      classificationPolicyId: "c",
      errors: [{ code: "NoQueueMatched" }],
    });
    expect(lines[5]?.eventType).toBe("Microsoft.Communication.RouterJobWorkerSelectorsExpired");
    expect(lines[5]?.data.expiredRequestedWorkerSelectors).toEqual([
      {
        key: "Id",
        labelOperator: "equal",
        value: "w",
        ttlSeconds: 10,
        state: "expired",
        expirationTime: "2026-01-01T00:00:10.000Z",
      },
    ]);
    expect(lines[6]?.data).toMatchObject({ ruleKey: "late", exceptionRuleId: "late" });
  });
});
