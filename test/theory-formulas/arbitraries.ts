/**
 * Shared generators for the formula property tests: stable M/M/c queues over realistic
 * ranges, and a relative-error helper.
 */
import fc from "fast-check";
import type { MultiServerQueue } from "../../src/theory/index.ts";

interface QueueRanges {
  maxServers: number;
  handleSeconds: [min: number, max: number];
  maxThresholdSeconds: number;
}

/** Stable M/M/c queues with occupancy 0.05–0.98 inside the given ranges. */
function stableQueues(ranges: QueueRanges): fc.Arbitrary<MultiServerQueue> {
  const [minHandle, maxHandle] = ranges.handleSeconds;
  return fc
    .record({
      servers: fc.integer({ min: 1, max: ranges.maxServers }),
      occupancy: fc.double({ min: 0.05, max: 0.98, noNaN: true }),
      meanHandleSeconds: fc.double({ min: minHandle, max: maxHandle, noNaN: true }),
      serviceLevelThresholdSeconds: fc.double({
        min: 0,
        max: ranges.maxThresholdSeconds,
        noNaN: true,
      }),
    })
    .map(({ servers, occupancy, meanHandleSeconds, serviceLevelThresholdSeconds }) => ({
      arrivalRate: (occupancy * servers) / meanHandleSeconds,
      serviceRate: 1 / meanHandleSeconds,
      servers,
      serviceLevelThresholdSeconds,
    }));
}

/** 1–200 workers, handle 10 s–20 min, threshold up to 10 min. */
export const stableQueue = stableQueues({
  maxServers: 200,
  handleSeconds: [10, 1200],
  maxThresholdSeconds: 600,
});

/**
 * For the Erlang A chain, whose cost grows with Λ·T times the chain length: 1–100 workers,
 * handle 1–10 min, threshold up to 2 min keep each case in milliseconds.
 */
export const stableQueueForChain = stableQueues({
  maxServers: 100,
  handleSeconds: [60, 600],
  maxThresholdSeconds: 120,
});

/** |actual − expected| / |expected|. */
export const relativeError = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
