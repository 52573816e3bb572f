/**
 * Property tests over random small scenarios (fast-check, fixed seed): 1–3 queues with any
 * distribution mode, 1–6 workers with random capacity, channels and behaviour (decline,
 * no response, unassign, wrap-up, shifts), 1–3 arrival streams of the simple kinds, with or
 * without patience. With invariants checked after every event: the run ends; every job is
 * accounted for exactly once; no job is both abandoned and assigned; handle times and patience
 * are the streams' draws; offers fall inside shifts; the same seed gives byte-identical Event
 * Grid lines.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { DISTRIBUTION_MODE_KINDS } from "../../src/vocabulary/index.ts";
import { assertProperty } from "../support/property.ts";
import { eventGridLines, runScenario, scenarioOf } from "../world/harness.ts";
import {
  expectHandleTimesAsDrawn,
  expectOffersInsideShifts,
  expectPatienceAsDrawn,
} from "./run-checks.ts";

const CHANNELS = ["voice", "chat"] as const;
/** Far above the largest generated run (about 1,500 router events): past it a run is stuck. */
const PROPERTY_EVENT_BUDGET = 100_000;

const duration = (minSeconds: number, maxSeconds: number) =>
  fc.integer({ min: minSeconds, max: maxSeconds }).map((seconds) => `${seconds}s`);

/** A positive time distribution: constant, exponential or uniform. */
const distribution = (maxSeconds: number) =>
  fc.oneof(
    duration(1, maxSeconds),
    fc
      .integer({ min: 1, max: maxSeconds })
      .map((mean) => ({ kind: "exponential", mean: `${mean}s` })),
    fc
      .tuple(fc.integer({ min: 0, max: maxSeconds }), fc.integer({ min: 1, max: maxSeconds }))
      .map(([min, span]) => ({ kind: "uniform", min: `${min}s`, max: `${min + span}s` })),
  );

const behavior = fc.record(
  {
    // Constant times included: they make same-instant events, where ordering bugs hide.
    responseTime: distribution(20),
    acceptProbability: fc.constantFrom(1, 0.7, 0.3, 0),
    noResponseProbability: fc.constantFrom(0, 0.1, 0.5),
    declineRetryAfter: duration(1, 60),
    handleTimeFactor: fc.constantFrom(0.5, 1, 1.5),
    wrapUpTime: distribution(30),
    unassignProbability: fc.constantFrom(0, 0.2, 1),
    unassignAfter: distribution(60),
    unassignSuspendMatching: fc.boolean(),
    reRegisterAfter: distribution(60),
  },
  { requiredKeys: [] },
);

/** Up to two non-overlapping shifts inside [0, 40 min). */
const shifts = fc
  .uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 4 })
  .map((minutes) => {
    const sorted = [...minutes].sort((a, b) => a - b);
    const list = [];
    for (let i = 0; i + 1 < sorted.length; i += 2)
      list.push({ start: `${sorted[i]}m`, end: `${sorted[i + 1]}m` });
    return list;
  });

function workerGroup(queueCount: number) {
  return fc
    .record({
      count: fc.integer({ min: 1, max: 2 }),
      capacity: fc.integer({ min: 1, max: 3 }),
      queues: fc.subarray(
        Array.from({ length: queueCount }, (_, i) => `q${i + 1}`),
        { minLength: 1 },
      ),
      channels: fc.subarray([...CHANNELS], { minLength: 1 }),
      cost: fc.integer({ min: 1, max: 3 }),
      availableForOffers: fc.boolean(),
      shifts: fc.option(shifts, { nil: undefined }),
      behavior,
    })
    .map(({ cost, channels, ...group }) => ({
      ...group,
      channels: channels.map((channelId) => ({
        channelId,
        capacityCostPerJob: Math.min(cost, group.capacity),
      })),
    }));
}

const arrivalProcess = fc.oneof(
  fc.integer({ min: 5, max: 120 }).map((ratePerHour) => ({ kind: "poisson", ratePerHour })),
  fc
    .array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 4 })
    .map((ratesPerHour) => ({ kind: "piecewisePoisson", intervalLength: "5m", ratesPerHour })),
  distribution(600).map((interarrival) => ({ kind: "renewal", interarrival })),
  fc
    .array(fc.integer({ min: 0, max: 1199 }), { minLength: 1, maxLength: 8 })
    .map((at) => ({ kind: "scripted", at })),
);

function arrivalStream(queueCount: number) {
  return fc.record(
    {
      queueId: fc.integer({ min: 1, max: queueCount }).map((i) => `q${i}`),
      channelId: fc.constantFrom(...CHANNELS),
      priority: fc.integer({ min: -2, max: 2 }),
      arrival: arrivalProcess,
      handleTime: distribution(300),
      patience: distribution(240),
    },
    { requiredKeys: ["queueId", "channelId", "priority", "arrival", "handleTime"] },
  );
}

const scenarioDocument = fc
  .record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    queueCount: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ seed, queueCount }) =>
    fc.record({
      seed: fc.constant(seed),
      horizon: fc.constant("20m"),
      drain: fc.constant("30m"),
      distributionPolicies: fc.array(
        fc.record({
          offerExpiresAfterSeconds: fc.integer({ min: 5, max: 120 }),
          kind: fc.constantFrom(...DISTRIBUTION_MODE_KINDS),
          maxConcurrentOffers: fc.integer({ min: 1, max: 2 }),
        }),
        { minLength: queueCount, maxLength: queueCount },
      ),
      workers: fc.array(workerGroup(queueCount), { minLength: 1, maxLength: 4 }),
      arrivals: fc.array(arrivalStream(queueCount), { minLength: 1, maxLength: 3 }),
    }),
  )
  .map(({ distributionPolicies, workers, arrivals, ...top }) => ({
    ...top,
    distributionPolicies: distributionPolicies.map((policy, i) => ({
      id: `p${i + 1}`,
      offerExpiresAfterSeconds: policy.offerExpiresAfterSeconds,
      mode: { kind: policy.kind, maxConcurrentOffers: policy.maxConcurrentOffers },
    })),
    queues: distributionPolicies.map((_, i) => ({
      id: `q${i + 1}`,
      distributionPolicyId: `p${i + 1}`,
    })),
    workers: workers.map((group, i) => ({ id: `w${i + 1}`, ...group })),
    arrivals: arrivals.map((stream, i) => ({ id: `s${i + 1}`, ...stream })),
  }));

/** Ids of the jobs in events of the given types, in order, repeats kept. */
function jobIds(events: ReturnType<typeof runScenario>["events"], types: string[]): string[] {
  return events.flatMap((event) =>
    types.includes(event.type) && "jobId" in event ? [event.jobId] : [],
  );
}

describe("random small scenarios, invariants on", () => {
  it("end, account for every job once, follow the draws, and repeat exactly", () => {
    assertProperty(
      fc.property(scenarioDocument, (document) => {
        const scenario = scenarioOf(stringify(document), "test/simulate/generated.yaml");
        const run = runScenario(scenario, 0, PROPERTY_EVENT_BUDGET);
        expect(run.result.endTimeSeconds).toBeLessThanOrEqual(
          scenario.horizonSeconds + scenario.drainSeconds,
        );

        const received = jobIds(run.events, ["RouterJobReceived"]);
        const ended = jobIds(run.events, [
          "RouterJobClosed",
          "RouterJobCancelled",
          "RouterJobClassificationFailed",
        ]);
        expect(new Set(received).size).toBe(received.length);
        expect(new Set(ended).size).toBe(ended.length);
        expect(ended.every((jobId) => received.includes(jobId))).toBe(true);
        expect(received.length).toBe(ended.length + run.result.metrics.overall.inSystemAtEnd);
        expect(run.result.metrics.overall.arrived).toBe(received.length);

        const assigned = new Set(jobIds(run.events, ["RouterWorkerOfferAccepted"]));
        for (const event of run.events) {
          if (event.type === "RouterJobCancelled" && event.dispositionCode === "Abandoned")
            expect(assigned.has(event.jobId)).toBe(false);
        }

        expectHandleTimesAsDrawn(run);
        expectPatienceAsDrawn(run);
        expectOffersInsideShifts(run);

        const again = runScenario(scenario, 0, PROPERTY_EVENT_BUDGET);
        expect(eventGridLines(scenario, again.events)).toBe(eventGridLines(scenario, run.events));
      }),
      { seed: 20260101, numRuns: 60 },
    );
  });
});
