/**
 * Common random numbers: the customers of a scenario depend only on the seed, never on the
 * routing. Under every distribution mode of the vocabulary the same seed gives the same arrival
 * times, the same handle times (for jobs handled in every run) and the same patience (for jobs
 * abandoned in every run), although who handles which job differs.
 */
import { describe, expect, it } from "vitest";
import type { DistributionModeKind, Scenario } from "../../src/scenario/index.ts";
import { DISTRIBUTION_MODE_KINDS } from "../../src/vocabulary/index.ts";
import { runScenario, scenarioOf } from "../world/harness.ts";

const SCENARIO = `
horizon: 2h
seed: 42
distributionPolicies: [{ id: p, offerExpiresAfterSeconds: 30, mode: { kind: longestIdle } }]
queues: [{ id: q, distributionPolicyId: p }]
workers:
  - id: fast
    count: 2
    capacity: 1
    queues: [q]
    labels: { Skill: 9 }
    channels: [{ channelId: voice, capacityCostPerJob: 1 }]
    behavior: { responseTime: { kind: uniform, min: 1s, max: 6s }, acceptProbability: 0.8, declineRetryAfter: 7s }
  - id: slow
    count: 3
    capacity: 1
    queues: [q]
    labels: { Skill: 3 }
    channels: [{ channelId: voice, capacityCostPerJob: 1 }]
    behavior: { responseTime: { kind: exponential, mean: 4s }, noResponseProbability: 0.05 }
arrivals:
  - id: call
    channelId: voice
    queueId: q
    requestedWorkerSelectors: [{ key: Skill, labelOperator: greaterThan, value: 1 }]
    arrival: { kind: poisson, ratePerHour: 70 }
    handleTime: { kind: lognormal, mean: 4m, sd: 2m }
    patience: { kind: exponential, mean: 90s }
`;

function withMode(scenario: Scenario, kind: DistributionModeKind): Scenario {
  return {
    ...scenario,
    distributionPolicies: scenario.distributionPolicies.map((policy) => ({
      ...policy,
      mode: { ...policy.mode, kind },
    })),
  };
}

interface Customers {
  arrivedAt: Map<string, number>;
  handleSeconds: Map<string, number>;
  abandonAfterSeconds: Map<string, number>;
  handledBy: Map<string, string>;
}

/** What the events say about each job's customer and who handled it. */
function customersOf(scenario: Scenario): Customers {
  const customers: Customers = {
    arrivedAt: new Map(),
    handleSeconds: new Map(),
    abandonAfterSeconds: new Map(),
    handledBy: new Map(),
  };
  const acceptedAt = new Map<string, number>();
  for (const event of runScenario(scenario).events) {
    if (event.type === "RouterJobReceived") customers.arrivedAt.set(event.jobId, event.timeSeconds);
    if (event.type === "RouterWorkerOfferAccepted") {
      acceptedAt.set(event.jobId, event.timeSeconds);
      customers.handledBy.set(event.jobId, event.workerId);
    }
    if (event.type === "RouterJobCompleted") {
      const start = acceptedAt.get(event.jobId) as number;
      customers.handleSeconds.set(event.jobId, event.timeSeconds - start);
    }
    if (event.type === "RouterJobCancelled") {
      const arrived = customers.arrivedAt.get(event.jobId) as number;
      customers.abandonAfterSeconds.set(event.jobId, event.timeSeconds - arrived);
    }
  }
  return customers;
}

/** Pairs of values for the keys present in both maps. */
function common(a: Map<string, number>, b: Map<string, number>): [number, number][] {
  return [...a].filter(([key]) => b.has(key)).map(([key, value]) => [value, b.get(key) as number]);
}

describe("common random numbers across distribution modes", () => {
  const base = scenarioOf(SCENARIO);
  const runs = DISTRIBUTION_MODE_KINDS.map((kind) => customersOf(withMode(base, kind)));
  const [reference, ...others] = runs as [Customers, ...Customers[]];

  it("routes differently (the comparison is not vacuous)", () => {
    for (const other of others) {
      const differing = [...other.handledBy].filter(
        ([jobId, workerId]) => reference.handledBy.get(jobId) !== workerId,
      );
      expect(differing.length).toBeGreaterThan(10);
    }
  });

  it("gives the same arrival times", () => {
    expect(reference.arrivedAt.size).toBeGreaterThan(100);
    for (const other of others) expect([...other.arrivedAt]).toEqual([...reference.arrivedAt]);
  });

  it("gives the same handle times to jobs handled in both runs", () => {
    for (const other of others) {
      const pairs = common(reference.handleSeconds, other.handleSeconds);
      expect(pairs.length).toBeGreaterThan(50);
      for (const [mine, theirs] of pairs) expect(theirs).toBeCloseTo(mine, 6);
    }
  });

  it("gives the same patience to jobs abandoned in both runs", () => {
    for (const other of others) {
      const pairs = common(reference.abandonAfterSeconds, other.abandonAfterSeconds);
      expect(pairs.length).toBeGreaterThan(3);
      for (const [mine, theirs] of pairs) expect(theirs).toBeCloseTo(mine, 6);
    }
  });
});
