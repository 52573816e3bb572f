/**
 * One focused scenario per worker `behavior` field, with constant distributions so every event
 * time is exact: response time, accept/decline, no response → expiry → deregistration →
 * re-registration, decline with retry, handle-time factor, wrap-up, and unassign.
 */
import { describe, expect, it } from "vitest";
import {
  eventsOfType,
  ONE_QUEUE,
  oneWorker,
  runYaml,
  scriptedJobs,
  timesOf,
  trace,
} from "./harness.ts";

const HEAD = "horizon: 10m\ndrain: 1h\n";

describe("responseTime", () => {
  it("answers an offer exactly responseTime after it was issued", () => {
    const run = runYaml(
      HEAD + ONE_QUEUE + oneWorker("{ responseTime: 7s }") + scriptedJobs([5], "1m"),
    );
    expect(trace(run.events, "RouterWorkerOfferIssued", "RouterWorkerOfferAccepted")).toEqual([
      "5 WorkerOfferIssued w1 job-1",
      "12 WorkerOfferAccepted w1 job-1",
    ]);
    expect(timesOf(run.events, "RouterJobCompleted")).toEqual([72]);
  });
});

describe("acceptProbability", () => {
  it("at 0 declines every offer; without a retry time the job is never offered to w1 again", () => {
    const run = runYaml(
      HEAD +
        ONE_QUEUE +
        oneWorker("{ responseTime: 1s, acceptProbability: 0 }") +
        scriptedJobs([0], "1m", "    patience: 100s"),
    );
    expect(trace(run.events).filter((line) => !line.includes("Job"))).toEqual([
      "0 WorkerRegistered w1",
      "0 WorkerOfferIssued w1 job-1",
      "1 WorkerOfferDeclined w1 job-1",
    ]);
    const cancelled = eventsOfType(run.events, "RouterJobCancelled");
    expect(cancelled.map((event) => [event.timeSeconds, event.dispositionCode])).toEqual([
      [100, "Abandoned"],
    ]);
    expect(run.result.metrics.overall.offersDeclined).toBe(1);
    expect(run.result.metrics.overall.abandoned).toBe(1);
  });
});

describe("noResponseProbability and reRegisterAfter", () => {
  const run = runYaml(
    HEAD +
      ONE_QUEUE +
      oneWorker("{ noResponseProbability: 1, reRegisterAfter: 30s }") +
      scriptedJobs([0], "1m", "    patience: 200s"),
  );

  it("lets the offer expire, the service deregisters w1, w1 registers again 30 s later", () => {
    expect(trace(run.events).filter((line) => !line.includes("Job"))).toEqual([
      "0 WorkerRegistered w1",
      "0 WorkerOfferIssued w1 job-1",
      "60 WorkerOfferExpired w1 job-1",
      "60 WorkerDeregistered w1",
      "90 WorkerRegistered w1",
      "90 WorkerOfferIssued w1 job-1",
      "150 WorkerOfferExpired w1 job-1",
      "150 WorkerDeregistered w1",
      "180 WorkerRegistered w1",
      "180 WorkerOfferIssued w1 job-1",
      "200 WorkerOfferRevoked w1 job-1",
    ]);
    expect(timesOf(run.events, "RouterJobCancelled")).toEqual([200]);
    expect(run.result.metrics.overall.offersExpired).toBe(2);
  });

  it("registers again at once by default (reRegisterAfter 0)", () => {
    const immediate = runYaml(
      HEAD +
        ONE_QUEUE +
        oneWorker("{ noResponseProbability: 1 }") +
        scriptedJobs([0], "1m", "    patience: 100s"),
    );
    expect(trace(immediate.events).filter((line) => !line.includes("Job"))).toEqual([
      "0 WorkerRegistered w1",
      "0 WorkerOfferIssued w1 job-1",
      "60 WorkerOfferExpired w1 job-1",
      "60 WorkerDeregistered w1",
      "60 WorkerRegistered w1",
      "60 WorkerOfferIssued w1 job-1",
      "100 WorkerOfferRevoked w1 job-1",
    ]);
  });

  it("does not register again once the shift is over", () => {
    const shifted = runYaml(
      HEAD +
        ONE_QUEUE +
        oneWorker(
          "{ noResponseProbability: 1, reRegisterAfter: 50s }",
          "    shifts: [{ start: 0, end: 100s }]",
        ) +
        scriptedJobs([0], "1m", "    patience: 300s"),
    );
    expect(trace(shifted.events).filter((line) => !line.includes("Job"))).toEqual([
      "0 WorkerRegistered w1",
      "0 WorkerOfferIssued w1 job-1",
      "60 WorkerOfferExpired w1 job-1",
      "60 WorkerDeregistered w1",
    ]);
    expect(timesOf(shifted.events, "RouterJobCancelled")).toEqual([300]);
  });

  it("registers again at the next shift's start after an expiry outside the shifts", () => {
    const shifted = runYaml(
      HEAD +
        ONE_QUEUE +
        oneWorker(
          "{ noResponseProbability: 1, reRegisterAfter: 50s }",
          "    shifts: [{ start: 0, end: 100s }, { start: 200s, end: 300s }]",
        ) +
        scriptedJobs([0], "1m", "    patience: 250s"),
    );
    expect(trace(shifted.events).filter((line) => !line.includes("Job"))).toEqual([
      "0 WorkerRegistered w1",
      "0 WorkerOfferIssued w1 job-1",
      "60 WorkerOfferExpired w1 job-1",
      "60 WorkerDeregistered w1",
      "200 WorkerRegistered w1",
      "200 WorkerOfferIssued w1 job-1",
      "250 WorkerOfferRevoked w1 job-1",
      "300 WorkerDeregistered w1",
    ]);
  });
});

describe("reRegisterAfter after a shift started in between", () => {
  it("counts the delay from the latest expiry, not from an earlier one", () => {
    const run = runYaml(
      HEAD +
        ONE_QUEUE +
        oneWorker(
          "{ noResponseProbability: 1, reRegisterAfter: 200s }",
          "    shifts: [{ start: 0, end: 100s }, { start: 150s, end: 500s }]",
        ) +
        scriptedJobs([0], "1m", "    patience: 1000s"),
    );
    expect(trace(run.events).filter((line) => !line.includes("Job"))).toEqual([
      "0 WorkerRegistered w1",
      "0 WorkerOfferIssued w1 job-1",
      "60 WorkerOfferExpired w1 job-1",
      "60 WorkerDeregistered w1",
      "150 WorkerRegistered w1",
      "150 WorkerOfferIssued w1 job-1",
      "210 WorkerOfferExpired w1 job-1",
      "210 WorkerDeregistered w1",
      "410 WorkerRegistered w1",
      "410 WorkerOfferIssued w1 job-1",
      "470 WorkerOfferExpired w1 job-1",
      "470 WorkerDeregistered w1",
    ]);
  });
});

describe("declineRetryAfter", () => {
  it("re-offers the job to the decliner at the retry time", () => {
    const run = runYaml(
      HEAD +
        ONE_QUEUE +
        oneWorker("{ responseTime: 1s, acceptProbability: 0, declineRetryAfter: 30s }") +
        scriptedJobs([0], "1m", "    patience: 100s"),
    );
    expect(timesOf(run.events, "RouterWorkerOfferIssued")).toEqual([0, 31, 62, 93]);
    expect(timesOf(run.events, "RouterWorkerOfferDeclined")).toEqual([1, 32, 63, 94]);
    expect(timesOf(run.events, "RouterJobCancelled")).toEqual([100]);
  });

  it("lets another worker take the job meanwhile", () => {
    const run = runYaml(`${HEAD}${ONE_QUEUE}
workers:
  - id: a
    capacity: 1
    queues: [q]
    channels: [{ channelId: voice, capacityCostPerJob: 1 }]
    behavior: { responseTime: 1s, acceptProbability: 0, declineRetryAfter: 30s }
  - id: b
    capacity: 1
    queues: [q]
    channels: [{ channelId: voice, capacityCostPerJob: 1 }]
    availableForOffers: false
    shifts: [{ start: 10s, end: 1h }]
${scriptedJobs([0], "1m")}`);
    expect(trace(run.events, "RouterWorkerOfferIssued", "RouterWorkerOfferAccepted")).toEqual([
      "0 WorkerOfferIssued a job-1",
      "10 WorkerOfferIssued b job-1",
      "10 WorkerOfferAccepted b job-1",
    ]);
  });
});

describe("concurrent offers", () => {
  it("the first to answer accepts; the other offer is revoked and never answered", () => {
    const run = runYaml(`${HEAD}
distributionPolicies:
  - id: policy
    offerExpiresAfterSeconds: 60
    mode: { kind: longestIdle, maxConcurrentOffers: 2 }
queues:
  - id: q
    distributionPolicyId: policy
workers:
  - id: slow
    capacity: 1
    queues: [q]
    channels: [{ channelId: voice, capacityCostPerJob: 1 }]
    behavior: { responseTime: 5s }
  - id: quick
    capacity: 1
    queues: [q]
    channels: [{ channelId: voice, capacityCostPerJob: 1 }]
    behavior: { responseTime: 3s }
${scriptedJobs([0], "1m")}`);
    expect(trace(run.events).filter((line) => line.includes("Offer"))).toEqual([
      // Equally idle since registration: by worker id (§8 g).
      "0 WorkerOfferIssued quick job-1",
      "0 WorkerOfferIssued slow job-1",
      "3 WorkerOfferAccepted quick job-1",
      "3 WorkerOfferRevoked slow job-1",
    ]);
    expect(timesOf(run.events, "RouterJobCompleted")).toEqual([63]);
  });
});

describe("handleTimeFactor", () => {
  it("multiplies the customer's handle time", () => {
    const run = runYaml(
      HEAD +
        ONE_QUEUE +
        oneWorker("{ responseTime: 2s, handleTimeFactor: 1.5 }") +
        scriptedJobs([0], "100s"),
    );
    expect(timesOf(run.events, "RouterJobCompleted")).toEqual([152]);
    expect(run.result.metrics.overall.handleTimeMean).toBe(150);
  });
});

describe("wrapUpTime", () => {
  it("closes after the wrap-up, holding capacity so that a second job waits", () => {
    const run = runYaml(
      HEAD + ONE_QUEUE + oneWorker("{ wrapUpTime: 30s }") + scriptedJobs([0, 10], "100s"),
    );
    expect(
      trace(run.events, "RouterWorkerOfferAccepted", "RouterJobCompleted", "RouterJobClosed"),
    ).toEqual([
      "0 WorkerOfferAccepted w1 job-1",
      "100 JobCompleted w1 job-1",
      "130 JobClosed w1 job-1",
      "130 WorkerOfferAccepted w1 job-2",
      "230 JobCompleted w1 job-2",
      "260 JobClosed w1 job-2",
    ]);
    expect(run.result.endTimeSeconds).toBe(600);
  });
});

describe("unassign", () => {
  it("with suspendMatching leaves the job waiting for activation until the drain ends", () => {
    const run = runYaml(
      "horizon: 10m\ndrain: 1h\n" +
        ONE_QUEUE +
        oneWorker("{ unassignProbability: 1, unassignAfter: 10s, unassignSuspendMatching: true }") +
        scriptedJobs([0], "100s"),
    );
    expect(trace(run.events).slice(-2)).toEqual([
      "10 JobUnassigned w1 job-1",
      "10 JobWaitingForActivation job-1",
    ]);
    expect(run.result.endTimeSeconds).toBe(600 + 3600);
    expect(run.result.metrics.overall.inSystemAtEnd).toBe(1);
    expect(run.result.metrics.overall.unassignments).toBe(1);
  });

  it("re-queues the job; the fourth unassign is refused and the job is completed", () => {
    const run = runYaml(
      HEAD +
        ONE_QUEUE +
        oneWorker("{ unassignProbability: 1, unassignAfter: 10s }") +
        scriptedJobs([0], "100s"),
    );
    expect(timesOf(run.events, "RouterWorkerOfferAccepted")).toEqual([0, 10, 20, 30]);
    expect(timesOf(run.events, "RouterJobUnassigned")).toEqual([10, 20, 30]);
    expect(timesOf(run.events, "RouterJobCompleted")).toEqual([130]);
    expect(timesOf(run.events, "RouterJobClosed")).toEqual([130]);
    expect(run.result.metrics.overall.unassignments).toBe(3);
    expect(run.result.endTimeSeconds).toBe(600);
  });
});
