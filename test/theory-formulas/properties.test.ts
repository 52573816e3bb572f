/**
 * Properties and limits of the formulas: monotonicity, orderings, limits in θ and T,
 * conservation identities, large teams, and agreement with textbook sums.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  erlangA,
  erlangB,
  erlangC,
  type MultiServerQueue,
  priorityQueueWaits,
} from "../../src/theory/index.ts";
import { erlangBBySums, erlangCBySums } from "./reference-sums.ts";

/** A stable M/M/c with 1–200 workers, occupancy 0.05–0.98, threshold 0–600 s. */
const stableQueue: fc.Arbitrary<MultiServerQueue> = fc
  .record({
    servers: fc.integer({ min: 1, max: 200 }),
    occupancy: fc.double({ min: 0.05, max: 0.98, noNaN: true }),
    meanHandleSeconds: fc.double({ min: 10, max: 1200, noNaN: true }),
    serviceLevelThresholdSeconds: fc.double({ min: 0, max: 600, noNaN: true }),
  })
  .map(({ servers, occupancy, meanHandleSeconds, serviceLevelThresholdSeconds }) => ({
    arrivalRate: (occupancy * servers) / meanHandleSeconds,
    serviceRate: 1 / meanHandleSeconds,
    servers,
    serviceLevelThresholdSeconds,
  }));

/**
 * Queues for the Erlang A chain, whose cost grows with Λ·T times the chain length: realistic
 * handle times (1–10 min) and thresholds (≤ 2 min) keep each case in milliseconds.
 */
const stableQueueForChain: fc.Arbitrary<MultiServerQueue> = fc
  .record({
    servers: fc.integer({ min: 1, max: 100 }),
    occupancy: fc.double({ min: 0.05, max: 0.98, noNaN: true }),
    meanHandleSeconds: fc.double({ min: 60, max: 600, noNaN: true }),
    serviceLevelThresholdSeconds: fc.double({ min: 0, max: 120, noNaN: true }),
  })
  .map(({ servers, occupancy, meanHandleSeconds, serviceLevelThresholdSeconds }) => ({
    arrivalRate: (occupancy * servers) / meanHandleSeconds,
    serviceRate: 1 / meanHandleSeconds,
    servers,
    serviceLevelThresholdSeconds,
  }));

const relativeError = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);

describe("Erlang B", () => {
  it("decreases in the number of servers", () => {
    fc.assert(
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
    fc.assert(
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
    fc.assert(
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
    fc.assert(
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

describe("Erlang A", () => {
  it("equals Erlang C when θ = 0 (computed the long way)", () => {
    fc.assert(
      fc.property(stableQueueForChain, (queue) => {
        const withChain = erlangA({ ...queue, abandonmentRate: 0 });
        const closedForm = erlangC(queue);
        // Both are exact; only rounding and the 1e-17 truncation separate them.
        expect(Math.abs(withChain.probabilityOfWait - closedForm.probabilityOfWait)).toBeLessThan(
          1e-9,
        );
        expect(Math.abs(withChain.serviceLevel - closedForm.serviceLevel)).toBeLessThan(1e-9);
        expect(relativeError(withChain.meanWaitSeconds, closedForm.meanWaitSeconds)).toBeLessThan(
          1e-8,
        );
        expect(withChain.probabilityOfAbandon).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it("tends to Erlang C as θ → 0, linearly in θ", () => {
    fc.assert(
      fc.property(stableQueueForChain, (queue) => {
        const closedForm = erlangC(queue);
        const gap = (abandonmentRate: number) => {
          const result = erlangA({ ...queue, abandonmentRate });
          return Math.max(
            Math.abs(result.probabilityOfWait - closedForm.probabilityOfWait),
            Math.abs(result.serviceLevel - closedForm.serviceLevel),
          );
        };
        const larger = gap(1e-5 * queue.serviceRate);
        const smaller = gap(1e-6 * queue.serviceRate);
        // A first-order effect shrinks tenfold with θ; 0.15 leaves room for the θ² term, and
        // 1e-11 is the rounding floor of the two computations. The cap only guards against
        // a gap that is "linear" but huge.
        expect(smaller).toBeLessThanOrEqual(0.15 * larger + 1e-11);
        expect(larger).toBeLessThan(1e-2);
      }),
      { numRuns: 60 },
    );
  });

  it("keeps its identities: flow balance, orderings, and the T → ∞ limits", () => {
    const abandoningQueue = stableQueueForChain.chain((queue) =>
      fc.double({ min: 0.05, max: 5, noNaN: true }).map((patienceOverHandle) => ({
        ...queue,
        arrivalRate: queue.arrivalRate * 1.3, // overload is allowed with abandonment
        abandonmentRate: queue.serviceRate / patienceOverHandle,
      })),
    );
    fc.assert(
      fc.property(abandoningQueue, (queue) => {
        const result = erlangA(queue);
        // Carried load: served callers per second = busy workers · μ.
        const carried = queue.arrivalRate * (1 - result.probabilityOfAbandon);
        expect(
          relativeError(carried, result.occupancy * queue.servers * queue.serviceRate),
        ).toBeLessThan(1e-9);
        expect(result.serviceLevel).toBeLessThanOrEqual(result.serviceLevelExcludingShortAbandons);
        expect(result.serviceLevelExcludingShortAbandons).toBeLessThanOrEqual(
          result.serviceLevelOfAnswered + 1e-12,
        );
        expect(result.probabilityOfAbandonWithinThreshold).toBeLessThanOrEqual(
          result.probabilityOfAbandon + 1e-12,
        );
        const eventually = erlangA({
          ...queue,
          // Every waiting caller leaves at rate ≥ θ: after 40/θ at most e^{−40} still waits.
          serviceLevelThresholdSeconds: 40 / queue.abandonmentRate,
        });
        expect(Math.abs(eventually.serviceLevelOfAnswered - 1)).toBeLessThan(1e-9);
        expect(
          Math.abs(eventually.probabilityOfAbandonWithinThreshold - result.probabilityOfAbandon),
        ).toBeLessThan(1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it("service levels increase with the threshold", () => {
    const base = {
      arrivalRate: 8 / 60,
      serviceRate: 1 / 60,
      servers: 10,
      abandonmentRate: 0.5 / 60,
    };
    let previous = -1;
    for (const serviceLevelThresholdSeconds of [0, 5, 10, 20, 40, 80, 160, 320]) {
      const { serviceLevel } = erlangA({ ...base, serviceLevelThresholdSeconds });
      expect(serviceLevel).toBeGreaterThan(previous);
      expect(serviceLevel).toBeLessThanOrEqual(1);
      previous = serviceLevel;
    }
  });

  it("matches Erlang C for 2000 workers with Λ·T past exp() underflow", () => {
    // cμ·T ≈ 1333 > 745: a single Poisson series would start from e^{−1333} = 0.
    const queue = {
      arrivalRate: 1950 / 180,
      serviceRate: 1 / 180,
      servers: 2000,
      serviceLevelThresholdSeconds: 120,
    };
    const chain = erlangA({ ...queue, abandonmentRate: 0 });
    const closedForm = erlangC(queue);
    expect(Math.abs(chain.serviceLevel - closedForm.serviceLevel)).toBeLessThan(1e-9);
    expect(relativeError(chain.meanWaitSeconds, closedForm.meanWaitSeconds)).toBeLessThan(1e-8);
  });

  it("matches Erlang C when Λ·T passes exp() underflow and waits spread past T", () => {
    // ρ = 0.995: queues of hundreds, waits ~ Exp(0.05/s), so much of the wait mass lies
    // near T = 100 s; cμ·T = 1000 > 745, where a single Poisson series starts from 0.
    const queue = {
      arrivalRate: 9.95,
      serviceRate: 0.1,
      servers: 100,
      serviceLevelThresholdSeconds: 100,
    };
    const chain = erlangA({ ...queue, abandonmentRate: 0 });
    expect(Math.abs(chain.serviceLevel - erlangC(queue).serviceLevel)).toBeLessThan(1e-9);
  });

  it("handles 2000 workers in overload", () => {
    const result = erlangA({
      arrivalRate: 2200 / 180,
      serviceRate: 1 / 180,
      servers: 2000,
      abandonmentRate: 1 / 120,
      serviceLevelThresholdSeconds: 20,
    });
    // In heavy overload nearly all workers are busy and the excess abandons:
    // P(abandon) ≥ (λ − cμ)/λ = 200/2200.
    expect(result.probabilityOfAbandon).toBeGreaterThanOrEqual(200 / 2200);
    expect(result.occupancy).toBeLessThanOrEqual(1);
    expect(result.occupancy).toBeGreaterThan(0.99);
    expect(result.serviceLevel).toBeGreaterThanOrEqual(0);
    expect(result.serviceLevel).toBeLessThanOrEqual(1);
  });
});

describe("non-preemptive priorities", () => {
  it("λ-weighted mean wait equals the FCFS Erlang C wait", () => {
    const classes = fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
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
});
