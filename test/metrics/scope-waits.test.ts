/**
 * ScopeWaits: a queue or arrival stream whose waits follow overall's ends exactly where it would
 * have had it recorded every wait itself (histogram and wait-curve buckets).
 */
import { describe, expect, it } from "vitest";
import { ScopeAccumulator } from "../../src/metrics/scope-accumulator.ts";
import { ScopeWaits } from "../../src/metrics/scope-waits.ts";
import { MeasurementWindow, TimeWeightedLevel } from "../../src/metrics/time-weighted-level.ts";
import { waitGridOf } from "../../src/metrics/wait-curve.ts";

const window = new MeasurementWindow(0, 1000, 100);
const grid = waitGridOf(20);

interface Record {
  readonly answered: boolean;
  readonly waitSeconds: number;
  readonly queueIndex: number;
  readonly arrivalIndex: number;
}

function recordsOf(seed: number, count: number, queues: number, arrivals: number): Record[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => ({
    answered: next() < 0.8,
    waitSeconds: next() < 0.3 ? 0 : next() * 120,
    queueIndex: next() < 0.05 ? -1 : Math.floor(next() * queues),
    arrivalIndex: next() < 0.05 ? -1 : Math.floor(next() * arrivals),
  }));
}

function scopes(queues: number, arrivals: number) {
  const make = () =>
    new ScopeAccumulator(window, false, new TimeWeightedLevel(window, false), grid);
  return {
    overall: make(),
    queues: Array.from({ length: queues }, make),
    arrivals: Array.from({ length: arrivals }, make),
  };
}

function summaryOf(set: ReturnType<typeof scopes>) {
  const one = (scope: ScopeAccumulator) => ({
    values: scope.metricValues(1000),
    curve: scope.waitCurve.curves(1),
  });
  return {
    overall: one(set.overall),
    queues: set.queues.map(one),
    arrivals: set.arrivals.map(one),
  };
}

function bothWays(records: readonly Record[], queues: number, arrivals: number) {
  const followed = scopes(queues, arrivals);
  const plain = scopes(queues, arrivals);
  const waits = new ScopeWaits(followed.overall, followed.queues, followed.arrivals);
  for (const { answered, waitSeconds, queueIndex, arrivalIndex } of records) {
    if (answered) waits.answered(waitSeconds, queueIndex, arrivalIndex);
    else waits.abandoned(waitSeconds, queueIndex, arrivalIndex);
    const targets = [plain.overall, plain.queues[queueIndex], plain.arrivals[arrivalIndex]];
    for (const scope of targets) {
      if (scope === undefined) continue;
      if (answered) {
        scope.waits.record(waitSeconds);
        scope.waitCurve.recordAnswered(waitSeconds);
      } else scope.waitCurve.recordAbandoned(waitSeconds);
    }
  }
  waits.settle();
  return { followed: summaryOf(followed), plain: summaryOf(plain) };
}

describe("ScopeWaits", () => {
  it("matches scopes that recorded every wait, one queue and one stream throughout", () => {
    const records = recordsOf(3, 500, 1, 1).filter(
      (record) => record.queueIndex === 0 && record.arrivalIndex === 0,
    );
    const { followed, plain } = bothWays(records, 1, 1);
    expect(plain.queues[0]?.values.waitP90).toBeGreaterThan(0);
    expect(followed).toEqual(plain);
  });

  it("matches them when a record breaks the following midway", () => {
    for (const seed of [1, 2, 3, 4]) {
      const { followed, plain } = bothWays(recordsOf(seed, 500, 1, 1), 1, 1);
      expect(followed).toEqual(plain);
    }
  });

  it("matches them with several queues and streams (nothing follows)", () => {
    const { followed, plain } = bothWays(recordsOf(9, 500, 2, 3), 2, 3);
    expect(followed).toEqual(plain);
  });
});
