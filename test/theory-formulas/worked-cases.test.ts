/**
 * Every worked case of reference/queueing-theory.md, to the precision it is printed with:
 * the value must round to the printed digits (|error| ≤ half a unit in the last place).
 */
import { describe, expect, it } from "vitest";
import { erlangA, erlangB, erlangC, priorityQueueWaits } from "../../src/theory/index.ts";

/** Passes when `actual` rounds to `printed` at the number of decimals `printed` shows. */
function expectPrinted(actual: number, printed: string): void {
  const decimals = printed.split(".")[1]?.length ?? 0;
  const halfUnit = 0.5 * 10 ** -decimals;
  // The 1e-12 slack only absorbs binary representation of the printed decimal itself.
  expect(Math.abs(actual - Number(printed))).toBeLessThanOrEqual(halfUnit + 1e-12);
}

const perMinute = (rate: number) => rate / 60;
const minutes = (seconds: number) => seconds / 60;

describe("Erlang B worked cases", () => {
  it("B(10, 8) = 0.12166", () => expectPrinted(erlangB(10, 8), "0.12166"));
  it("B(30, 20) = 0.0084575", () => expectPrinted(erlangB(30, 20), "0.0084575"));
});

describe("Erlang C worked cases", () => {
  it("M/M/1, λ = 0.8, μ = 1, t = 1", () => {
    const result = erlangC({
      arrivalRate: 0.8,
      serviceRate: 1,
      servers: 1,
      serviceLevelThresholdSeconds: 1,
    });
    expectPrinted(result.probabilityOfWait, "0.8");
    expectPrinted(result.meanWaitSeconds, "4");
    expectPrinted(result.serviceLevel, "0.34502");
  });

  it("small team: c = 10, λ = 8/min, μ = 1/min, T = 20 s", () => {
    const result = erlangC({
      arrivalRate: perMinute(8),
      serviceRate: perMinute(1),
      servers: 10,
      serviceLevelThresholdSeconds: 20,
    });
    expectPrinted(result.probabilityOfWait, "0.40918");
    expectPrinted(minutes(result.meanWaitSeconds), "0.20459");
    expectPrinted(result.serviceLevel, "0.78992");
  });

  it("14 agents: 100 calls per 30 min, handle 180 s, T = 20 s", () => {
    const result = erlangC({
      arrivalRate: 100 / 1800,
      serviceRate: 1 / 180,
      servers: 14,
      serviceLevelThresholdSeconds: 20,
    });
    expectPrinted(result.probabilityOfWait, "0.17413");
    expectPrinted(result.meanWaitSeconds, "7.8359");
    expectPrinted(result.serviceLevel, "0.88835");
    expectPrinted(result.occupancy, "0.71429");
  });

  it("12 agents: λ = 4.2/min, μ = 0.5/min, T = 20 s", () => {
    const result = erlangC({
      arrivalRate: perMinute(4.2),
      serviceRate: perMinute(0.5),
      servers: 12,
      serviceLevelThresholdSeconds: 20,
    });
    expectPrinted(result.probabilityOfWait, "0.18389");
    expectPrinted(minutes(result.meanWaitSeconds), "0.10216");
    expectPrinted(result.serviceLevel, "0.89908");
  });
});

describe("Erlang A worked cases", () => {
  it("c = 10, λ = 8/min, μ = 1/min, θ = 0.5/min, T = 20 s", () => {
    const result = erlangA({
      arrivalRate: perMinute(8),
      serviceRate: perMinute(1),
      servers: 10,
      abandonmentRate: perMinute(0.5),
      serviceLevelThresholdSeconds: 20,
    });
    expectPrinted(result.probabilityOfAbandon, "0.038821");
    expectPrinted(minutes(result.meanWaitOfServedSeconds), "0.07195");
    expectPrinted(result.serviceLevel, "0.88489");
    expectPrinted(result.serviceLevelOfAnswered, "0.92063");
    expectPrinted(result.serviceLevelExcludingShortAbandons, "0.9124");
  });

  it("c = 12, λ = 4.2/min, μ = 0.5/min, θ = 1/min, T = 20 s", () => {
    const result = erlangA({
      arrivalRate: perMinute(4.2),
      serviceRate: perMinute(0.5),
      servers: 12,
      abandonmentRate: perMinute(1),
      serviceLevelThresholdSeconds: 20,
    });
    expectPrinted(result.probabilityOfAbandon, "0.029679");
    expectPrinted(minutes(result.meanWaitOfServedSeconds), "0.02406");
    expectPrinted(result.serviceLevel, "0.94527");
    expectPrinted(result.serviceLevelOfAnswered, "0.97418");
    expectPrinted(result.serviceLevelExcludingShortAbandons, "0.96787");
  });
});

describe("non-preemptive priority worked case", () => {
  it("M/M/1, λ = (0.3, 0.5), μ = 1", () => {
    const result = priorityQueueWaits({ arrivalRates: [0.3, 0.5], serviceRate: 1, servers: 1 });
    const [high = Number.NaN, low = Number.NaN] = result.meanWaitSeconds;
    expectPrinted(high, "1.1429");
    expectPrinted(low, "5.7143");
    expectPrinted((0.3 * high + 0.5 * low) / 0.8, "4");
  });
});
