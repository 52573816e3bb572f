import { describe, expect, it } from "vitest";
import { parseScenario, renderSummaryJson, simulate } from "../../src/index.ts";

describe("the library API", () => {
  it("simulates a scenario and aggregates its replications", () => {
    const scenario = parseScenario(
      `
horizon: 2h
replications: 3
distributionPolicies: [{ id: p, offerExpiresAfterSeconds: 30, mode: { kind: longestIdle } }]
queues: [{ id: q, distributionPolicyId: p }]
workers: [{ id: a, count: 3, capacity: 1, queues: [q], channels: [{ channelId: voice, capacityCostPerJob: 1 }] }]
arrivals:
  - { id: call, channelId: voice, queueId: q, arrival: { kind: poisson, ratePerHour: 30 }, handleTime: { kind: exponential, mean: 4m } }
`,
      "library.yaml",
    );
    const { replications, summary } = simulate(scenario);
    expect(replications.map((result) => result.replication)).toEqual([0, 1, 2]);
    const arrived = replications.map((result) => result.metrics.overall.arrived);
    expect(summary.overall.arrived.mean).toBeCloseTo(arrived.reduce((a, b) => a + b, 0) / 3, 10);
    expect(summary.overall.arrived.halfWidth).not.toBeNull();
    expect(summary.overall.closed.mean).toBe(summary.overall.arrived.mean);
    const json = JSON.parse(
      renderSummaryJson(
        {
          scenario: scenario.name,
          seed: scenario.seed,
          horizonSeconds: 7200,
          warmupSeconds: 0,
          serviceLevelThresholdSeconds: 20,
        },
        summary,
      ),
    );
    expect(json.replications).toBe(3);
  });
});
