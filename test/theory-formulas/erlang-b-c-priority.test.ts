/**
 * Properties of Erlang B, Erlang C and Cobham's priority waits: monotonicity, orderings,
 * agreement with textbook sums, large teams, instability, conservation of the mean wait.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangB, erlangC, priorityQueueWaits } from "../../src/theory/index.ts";
import { assertProperty } from "../support/property.ts";
import { relativeError, stableQueue } from "./arbitraries.ts";
import { erlangBBySums, erlangCBySums } from "./reference-sums.ts";

describe("Erlang B", () => {
  it("decreases in the number of servers", () => {
    assertProperty(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        (servers, load) => {
          const more = erlangB(servers + 1, load);
          const fewer = erlangB(servers, load);
          // Strictly smaller until the blocking probability underflows to 0.
          if (fewer > 0) expect(more).toBeLessThan(fewer);
          else expect(more).toBe(0);
        },
      ),
    );
  });

  it("agrees with the ratio of Poisson sums", () => {
    assertProperty(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0.01, max: 400, noNaN: true }),
        (servers, load) => {
          expect(relativeError(erlangB(servers, load), erlangBBySums(servers, load))).toBeLessThan(
            1e-9,
          );
        },
      ),
    );
  });

  it("is 1 with no servers and 0 with no load", () => {
    expect(erlangB(0, 5)).toBe(1);
    expect(erlangB(5, 0)).toBe(0);
  });
});

describe("Erlang C", () => {
  it("P(W > 0) ≥ B, and agrees with the textbook sums", () => {
    assertProperty(
      fc.property(stableQueue, (queue) => {
        const result = erlangC(queue);
        const offeredLoad = queue.arrivalRate / queue.serviceRate;
        expect(result.probabilityOfWait).toBeGreaterThanOrEqual(
          erlangB(queue.servers, offeredLoad),
        );
        const bySums = erlangCBySums(queue.servers, offeredLoad);
        expect(relativeError(result.probabilityOfWait, bySums)).toBeLessThan(1e-9);
      }),
    );
  });

  it("service level lies in [0, 1] and increases with the threshold", () => {
    assertProperty(
      fc.property(stableQueue, fc.double({ min: 0.1, max: 600, noNaN: true }), (queue, extra) => {
        const shorter = erlangC(queue).serviceLevel;
        const longer = erlangC({
          ...queue,
          serviceLevelThresholdSeconds: queue.serviceLevelThresholdSeconds + extra,
        }).serviceLevel;
        expect(shorter).toBeGreaterThanOrEqual(0);
        expect(longer).toBeLessThanOrEqual(1);
        expect(longer).toBeGreaterThanOrEqual(shorter);
      }),
    );
  });

  it("handles 2000 workers without overflow", () => {
    const queue = {
      arrivalRate: 1950 / 180,
      serviceRate: 1 / 180,
      servers: 2000,
      serviceLevelThresholdSeconds: 20,
    };
    const result = erlangC(queue);
    expect(result.stable).toBe(true);
    expect(relativeError(result.probabilityOfWait, erlangCBySums(2000, 1950))).toBeLessThan(1e-9);
    expect(Number.isFinite(result.meanWaitSeconds)).toBe(true);
    expect(result.serviceLevel).toBeGreaterThan(0);
    expect(result.serviceLevel).toBeLessThan(1);
  });

  it("reports an unstable queue with infinite wait", () => {
    const result = erlangC({
      arrivalRate: 1,
      serviceRate: 0.1,
      servers: 10,
      serviceLevelThresholdSeconds: 20,
    });
    expect(result).toMatchObject({ stable: false, probabilityOfWait: 1, serviceLevel: 0 });
    expect(result.meanWaitSeconds).toBe(Number.POSITIVE_INFINITY);
  });

  it("rejects parameters outside their domains", () => {
    const valid = { arrivalRate: 1, serviceRate: 1, servers: 2, serviceLevelThresholdSeconds: 20 };
    expect(() => erlangC({ ...valid, servers: 0 })).toThrow(RangeError);
    expect(() => erlangC({ ...valid, servers: 2.5 })).toThrow(RangeError);
    expect(() => erlangC({ ...valid, serviceRate: 0 })).toThrow(RangeError);
    expect(() => erlangC({ ...valid, arrivalRate: -1 })).toThrow(RangeError);
    expect(() => erlangC({ ...valid, serviceLevelThresholdSeconds: Number.NaN })).toThrow(
      RangeError,
    );
    expect(() => erlangB(-1, 1)).toThrow(RangeError);
  });
});

describe("non-preemptive priorities", () => {
  it("λ-weighted mean wait equals the FCFS Erlang C wait", () => {
    const classes = fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), {
      minLength: 1,
      maxLength: 5,
    });
    assertProperty(
      fc.property(stableQueue, classes, (queue, shares) => {
        const totalShare = shares.reduce((sum, share) => sum + share, 0);
        const arrivalRates = shares.map((share) => (queue.arrivalRate * share) / totalShare);
        const { meanWaitSeconds } = priorityQueueWaits({ ...queue, arrivalRates });
        const weighted =
          arrivalRates.reduce((sum, rate, index) => sum + rate * (meanWaitSeconds[index] ?? 0), 0) /
          queue.arrivalRate;
        expect(relativeError(weighted, erlangC(queue).meanWaitSeconds)).toBeLessThan(1e-9);
        for (let index = 1; index < meanWaitSeconds.length; index++) {
          expect(meanWaitSeconds[index]).toBeGreaterThanOrEqual(meanWaitSeconds[index - 1] ?? 0);
        }
      }),
    );
  });

  it("keeps finite waits for classes that fit when lower ones overload", () => {
    const { meanWaitSeconds } = priorityQueueWaits({
      arrivalRates: [0.5, 0.8],
      serviceRate: 1,
      servers: 1,
    });
    expect(meanWaitSeconds[0]).toBeCloseTo(1 / 0.5, 12); // C = 1: 1 / (cμ·1·(1 − 0.5))
    expect(meanWaitSeconds[1]).toBe(Number.POSITIVE_INFINITY);
  });

  it("rejects parameters outside their domains", () => {
    expect(() => priorityQueueWaits({ arrivalRates: [-1], serviceRate: 1, servers: 1 })).toThrow(
      RangeError,
    );
    expect(() => priorityQueueWaits({ arrivalRates: [1], serviceRate: 0, servers: 1 })).toThrow(
      RangeError,
    );
    expect(() => priorityQueueWaits({ arrivalRates: [1], serviceRate: 1, servers: 0 })).toThrow(
      RangeError,
    );
  });
});
