/**
 * Erlang's per-interval staffing curve, where `staff --per-interval` starts: a piecewise rate is
 * averaged over each report interval (its list repeating after the last), each interval gets
 * Erlang C's count at its own rate, and a group Erlang does not describe gets no curve, with why.
 */
import { describe, expect, it } from "vitest";
import { erlangCurveOf, meanRatePerHour } from "../../src/planning/erlang-curve.ts";
import { createDistribution } from "../../src/random/index.ts";
import { parseScenario } from "../../src/scenario/index.ts";
import { erlangCServersFor } from "../../src/theory/index.ts";

const meanOf = (spec: Parameters<typeof createDistribution>[0]) => createDistribution(spec).mean;
const TARGET = {
  text: "serviceLevel>=0.8",
  scope: "overall",
  metric: "serviceLevel",
  operator: ">=",
  value: 0.8,
} as const;

function dayOf(arrival: string, workerExtra = ""): ReturnType<typeof parseScenario> {
  return parseScenario(
    `horizon: 90m
intervalLength: 30m
serviceLevelThreshold: 20s
distributionPolicies: [{ id: p, offerExpiresAfterSeconds: 600, mode: { kind: longestIdle } }]
queues: [{ id: q, distributionPolicyId: p }]
workers:
  - id: agent
    capacity: 1
    queues: [q]
    channels: [{ channelId: voice, capacityCostPerJob: 1 }]
    staffing: [5, 5, 5]
${workerExtra}arrivals:
  - id: call
    channelId: voice
    queueId: q
    arrival: ${arrival}
    handleTime: { kind: exponential, mean: 3m }
`,
    "test.yaml",
  );
}

describe("meanRatePerHour", () => {
  it("averages a piecewise rate over the interval, the list repeating", () => {
    const stream = dayOf("{ kind: piecewisePoisson, intervalLength: 20m, ratesPerHour: [60, 120] }")
      .arrivals[0];
    if (stream === undefined) throw new Error("no stream");
    // 0–30 min: 20 min at 60, 10 at 120.
    expect(meanRatePerHour(stream, 0, 1800)).toBeCloseTo((20 * 60 + 10 * 120) / 30, 12);
    // 40–60 min: the list starts again at 60.
    expect(meanRatePerHour(stream, 2400, 3600)).toBe(60);
  });
});

describe("erlangCurveOf", () => {
  it("gives Erlang C's count at each interval's own rate", () => {
    const scenario = dayOf(
      "{ kind: piecewisePoisson, intervalLength: 30m, ratesPerHour: [120, 360, 180] }",
    );
    const curve = erlangCurveOf(scenario, "agent", [TARGET], meanOf, 1000);
    expect(curve.reason).toBeNull();
    expect(curve.arrivalsPerHour).toEqual([120, 360, 180]);
    expect(curve.counts).toEqual(
      [120, 360, 180].map((rate) =>
        erlangCServersFor({
          arrivalRate: rate / 3600,
          serviceRate: 1 / 180,
          serviceLevelThresholdSeconds: 20,
          target: 0.8,
        }),
      ),
    );
  });

  it("gives no curve, with the reason, for a group Erlang does not describe", () => {
    const scenario = dayOf(
      "{ kind: poisson, ratePerHour: 120 }",
      "    behavior: { acceptProbability: 0.5 }\n",
    );
    const curve = erlangCurveOf(scenario, "agent", [TARGET], meanOf, 1000);
    expect(curve.counts).toEqual([undefined, undefined, undefined]);
    expect(curve.reason).toMatch(/declines or misses offers/);
  });
});
