/**
 * Properties of Erlang A: the θ = 0 and θ → 0 limits against Erlang C, flow balance and
 * orderings of the three service levels, the T → ∞ limits, and large or overloaded teams.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangA, erlangC } from "../../src/theory/index.ts";
import { assertProperty } from "../support/property.ts";
import { relativeError, stableQueueForChain } from "./arbitraries.ts";

describe("Erlang A", () => {
  it("equals Erlang C when θ = 0 (computed the long way)", () => {
    assertProperty(
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
    assertProperty(
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
    assertProperty(
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

  it("reports θ = 0 with a ≥ c as unstable, and no arrivals as idle", () => {
    const overloaded = {
      arrivalRate: 1,
      serviceRate: 0.1,
      servers: 10,
      serviceLevelThresholdSeconds: 20,
    };
    const unstable = erlangA({ ...overloaded, abandonmentRate: 0 });
    expect(unstable).toMatchObject({ stable: false, probabilityOfWait: 1, serviceLevel: 0 });
    expect(unstable.meanWaitSeconds).toBe(Number.POSITIVE_INFINITY);
    const idle = erlangA({ ...overloaded, arrivalRate: 0, abandonmentRate: 0.01 });
    expect(idle).toMatchObject({ probabilityOfWait: 0, probabilityOfAbandon: 0, serviceLevel: 1 });
  });

  it("rejects a negative abandonment rate", () => {
    const queue = { arrivalRate: 1, serviceRate: 1, servers: 2, serviceLevelThresholdSeconds: 20 };
    expect(() => erlangA({ ...queue, abandonmentRate: -1 })).toThrow(RangeError);
  });
});
