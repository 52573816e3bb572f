/**
 * Statistical checks through whole runs (fixed seeds, tolerances from n): piecewise Poisson and
 * Poisson arrival counts per interval against the rates, and the shares of offers that expire
 * and that are accepted against noResponseProbability and acceptProbability.
 */
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../src/scenario/index.ts";
import { runReplication } from "../../src/simulate.ts";
import { scenarioOf } from "../world/harness.ts";

/** Arrival times of every replication (invariants off: these runs hold many jobs). */
function arrivalTimes(scenario: Scenario, replications: number): number[] {
  const times: number[] = [];
  for (let replication = 0; replication < replications; replication++) {
    runReplication(scenario, {
      replication,
      onEvent: (event) => {
        if (event.type === "RouterJobReceived") times.push(event.timeSeconds);
      },
    });
  }
  return times;
}

/** Jobs wait in a queue nobody serves; drain 0 stops the run at the horizon. */
function uncountedQueue(arrival: string): Scenario {
  return scenarioOf(`
horizon: 1h
drain: 0
distributionPolicies: [{ id: p, offerExpiresAfterSeconds: 60, mode: { kind: longestIdle } }]
queues: [{ id: q, distributionPolicyId: p }]
workers:
  - { id: w, capacity: 1, queues: [q], availableForOffers: false, channels: [{ channelId: voice, capacityCostPerJob: 1 }] }
arrivals:
  - { id: job, channelId: voice, queueId: q, handleTime: 1m, arrival: ${arrival} }
`);
}

/** |observed − expected| within 4 standard deviations of a Poisson count. */
function expectPoissonCount(observed: number, expected: number): void {
  expect(Math.abs(observed - expected)).toBeLessThanOrEqual(4 * Math.sqrt(expected));
}

describe("arrivals through the run", () => {
  it("piecewisePoisson: counts per interval match the rates, the list repeating", () => {
    const replications = 150;
    const rates = [60, 0, 240];
    const scenario = uncountedQueue(
      `{ kind: piecewisePoisson, intervalLength: 10m, ratesPerHour: [${rates.join(", ")}] }`,
    );
    const counts = new Array(6).fill(0) as number[];
    for (const time of arrivalTimes(scenario, replications)) {
      const interval = Math.floor(time / 600);
      counts[interval] = (counts[interval] as number) + 1;
    }
    expect(counts).toHaveLength(6);
    for (const [interval, count] of counts.entries()) {
      const ratePerHour = rates[interval % rates.length] as number;
      if (ratePerHour === 0) expect(count).toBe(0);
      else expectPoissonCount(count, (ratePerHour / 6) * replications);
    }
  });

  it("poisson: the count over the horizon and its variance over replications", () => {
    const replications = 200;
    const scenario = uncountedQueue("{ kind: poisson, ratePerHour: 50 }");
    const perReplication = new Array(replications).fill(0) as number[];
    for (let replication = 0; replication < replications; replication++) {
      runReplication(scenario, {
        replication,
        onEvent: (event) => {
          if (event.type === "RouterJobReceived")
            perReplication[replication] = (perReplication[replication] as number) + 1;
        },
      });
    }
    const total = perReplication.reduce((a, b) => a + b, 0);
    expectPoissonCount(total, 50 * replications);
    // Poisson counts have variance = mean: the index of dispersion has sd ≈ √(2/(n−1)).
    const mean = total / replications;
    const variance =
      perReplication.reduce((sum, count) => sum + (count - mean) ** 2, 0) / (replications - 1);
    expect(Math.abs(variance / mean - 1)).toBeLessThan(4 * Math.sqrt(2 / (replications - 1)));
  });
});

describe("worker decisions through the run", () => {
  it("expires noResponseProbability of offers and accepts acceptProbability of the rest", () => {
    const noResponseProbability = 0.2;
    const acceptProbability = 0.35;
    const scenario = scenarioOf(`
horizon: 10h
distributionPolicies: [{ id: p, offerExpiresAfterSeconds: 5, mode: { kind: longestIdle } }]
queues: [{ id: q, distributionPolicyId: p }]
workers:
  - id: w
    count: 2
    capacity: 1
    queues: [q]
    channels: [{ channelId: voice, capacityCostPerJob: 1 }]
    behavior:
      responseTime: { kind: uniform, min: 0.5s, max: 1.5s }
      noResponseProbability: ${noResponseProbability}
      acceptProbability: ${acceptProbability}
      declineRetryAfter: 2s
      reRegisterAfter: 3s
arrivals:
  - { id: job, channelId: voice, queueId: q, handleTime: 20s, arrival: { kind: renewal, interarrival: 30s } }
`);
    let issued = 0;
    let expired = 0;
    let accepted = 0;
    let declined = 0;
    runReplication(scenario, {
      replication: 0,
      checkInvariants: true,
      onEvent: (event) => {
        if (event.type === "RouterWorkerOfferIssued") issued++;
        else if (event.type === "RouterWorkerOfferExpired") expired++;
        else if (event.type === "RouterWorkerOfferAccepted") accepted++;
        else if (event.type === "RouterWorkerOfferDeclined") declined++;
      },
    });
    // Every offer was answered or expired: nothing revokes them in this scenario.
    expect(accepted + declined + expired).toBe(issued);
    const expectShare = (count: number, of: number, probability: number) =>
      expect(Math.abs(count / of - probability)).toBeLessThanOrEqual(
        4 * Math.sqrt((probability * (1 - probability)) / of),
      );
    expectShare(expired, issued, noResponseProbability);
    expectShare(accepted, accepted + declined, acceptProbability);
  });
});
