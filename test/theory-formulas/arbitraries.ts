/**
 * Shared generators for the formula property tests: stable M/M/c queues over realistic
 * ranges, and a relative-error helper.
 */
import fc from "fast-check";
import type { MultiServerQueue } from "../../src/theory/index.ts";

/** A stable M/M/c with 1–200 workers, occupancy 0.05–0.98, threshold 0–600 s. */
export const stableQueue: fc.Arbitrary<MultiServerQueue> = fc
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
export const stableQueueForChain: fc.Arbitrary<MultiServerQueue> = fc
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

/** |actual − expected| / |expected|. */
export const relativeError = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
