/**
 * ScopeLevels: a level that follows another (overall following its only queue, an arrival
 * stream following overall) ends exactly where it would have had it been given every change.
 */
import { describe, expect, it } from "vitest";
import { ScopeLevels } from "../../src/metrics/scope-levels.ts";
import { MeasurementWindow, TimeWeightedLevel } from "../../src/metrics/time-weighted-level.ts";

const window = new MeasurementWindow(50, 900, 100);

interface Change {
  readonly timeSeconds: number;
  readonly queueIndex: number;
  readonly arrivalIndex: number;
  readonly delta: number;
}

/** Changes at irregular times with fractional deltas, from a small seeded generator. */
function changesOf(seed: number, count: number, queues: number, arrivals: number): Change[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const changes: Change[] = [];
  let timeSeconds = 0;
  for (let n = 0; n < count; n++) {
    timeSeconds += next() < 0.2 ? 0 : next() * 7.3;
    changes.push({
      timeSeconds,
      // Now and then a queue or stream the scopes do not have (−1).
      queueIndex: next() < 0.05 ? -1 : Math.floor(next() * queues),
      arrivalIndex: next() < 0.05 ? -1 : Math.floor(next() * arrivals),
      delta: (next() < 0.5 ? 1 : -1) * (0.1 + Math.floor(next() * 3) / 3),
    });
  }
  return changes;
}

function stateOf(level: TimeWeightedLevel) {
  return { level: level.level, integral: level.integral, max: level.max };
}

/** The followed levels after `changes`, and the same levels each given its own changes. */
function bothWays(
  changes: readonly Change[],
  queues: number,
  arrivals: number,
  endSeconds: number,
) {
  const make = (count: number, perInterval: boolean) =>
    Array.from({ length: count }, () => new TimeWeightedLevel(window, perInterval));
  const followed = {
    overall: make(1, false),
    queues: make(queues, true),
    arrivals: make(arrivals, false),
  };
  const plain = {
    overall: make(1, false),
    queues: make(queues, true),
    arrivals: make(arrivals, false),
  };
  const levels = new ScopeLevels(
    followed.overall[0] as TimeWeightedLevel,
    followed.queues,
    followed.arrivals,
  );
  for (const { timeSeconds, queueIndex, arrivalIndex, delta } of changes) {
    levels.add(timeSeconds, queueIndex, arrivalIndex, delta);
    plain.overall[0]?.add(timeSeconds, delta);
    plain.queues[queueIndex]?.add(timeSeconds, delta);
    plain.arrivals[arrivalIndex]?.add(timeSeconds, delta);
  }
  for (const set of [followed, plain])
    for (const level of [...set.overall, ...set.queues, ...set.arrivals]) level.advance(endSeconds);
  levels.settle();
  const states = (set: typeof plain) => ({
    overall: set.overall.map(stateOf),
    queues: set.queues.map((level) => ({
      ...stateOf(level),
      intervals: [...(level.intervalIntegrals ?? [])],
    })),
    arrivals: set.arrivals.map(stateOf),
  });
  return { followed: states(followed), plain: states(plain) };
}

describe("ScopeLevels", () => {
  it("matches levels given every change, with one queue and one stream (they follow throughout)", () => {
    const changes = changesOf(7, 400, 1, 1).filter(
      (change) => change.queueIndex === 0 && change.arrivalIndex === 0,
    );
    const { followed, plain } = bothWays(changes, 1, 1, 1000);
    expect(plain.overall[0]?.integral).not.toBe(0);
    expect(followed).toEqual(plain);
  });

  it("matches them when a change breaks the following midway (no queue, no stream)", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { followed, plain } = bothWays(changesOf(seed, 400, 1, 1), 1, 1, 1000);
      expect(followed).toEqual(plain);
    }
  });

  it("matches them with several queues and streams (nothing follows)", () => {
    const { followed, plain } = bothWays(changesOf(11, 400, 3, 2), 3, 2, 700);
    expect(followed).toEqual(plain);
  });
});
