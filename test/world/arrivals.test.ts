import { describe, expect, it } from "vitest";
import { createDistribution, RandomStream } from "../../src/random/index.ts";
import {
  ListedArrivals,
  PiecewisePoissonArrivals,
  PoissonArrivals,
  RenewalArrivals,
} from "../../src/world/arrivals.ts";

const stream = (name: string) => RandomStream.root(2026, 0).fork(name);

function takeUntil(process: { next(): number }, untilSeconds: number): number[] {
  const times: number[] = [];
  for (let time = process.next(); time < untilSeconds; time = process.next()) times.push(time);
  return times;
}

describe("PoissonArrivals", () => {
  it("has exponential gaps with the right mean and unit coefficient of variation", () => {
    const times = takeUntil(new PoissonArrivals(720, stream("poisson")), 200 * 3600);
    const n = times.length; // expected 144,000, sd 380
    expect(Math.abs(n - 144_000)).toBeLessThan(4 * Math.sqrt(144_000));
    const gaps = times.map((time, i) => time - (i === 0 ? 0 : (times[i - 1] as number)));
    const mean = gaps.reduce((a, b) => a + b, 0) / n;
    const variance = gaps.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    expect(Math.abs(mean - 5)).toBeLessThan(4 * (5 / Math.sqrt(n)));
    // For exponential gaps the CV is 1; its estimate has sd ≈ 1/√n.
    expect(Math.abs(Math.sqrt(variance) / mean - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });

  it("never arrives at rate 0", () => {
    expect(new PoissonArrivals(0, stream("none")).next()).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("PiecewisePoissonArrivals", () => {
  it("matches each interval's rate, with none in a zero-rate interval, the list repeating", () => {
    const intervalSeconds = 600;
    const rates = [360, 0, 1800, 90];
    const cycles = 400;
    const times = takeUntil(
      new PiecewisePoissonArrivals(intervalSeconds, rates, stream("piecewise")),
      cycles * 4 * intervalSeconds,
    );
    const counts = [0, 0, 0, 0];
    const perCycle: number[] = new Array(cycles).fill(0);
    for (const time of times) {
      const interval = Math.floor(time / intervalSeconds);
      counts[interval % 4] = (counts[interval % 4] as number) + 1;
      perCycle[Math.floor(interval / 4)] = (perCycle[Math.floor(interval / 4)] as number) + 1;
    }
    expect(counts[1]).toBe(0);
    for (const [i, rate] of rates.entries()) {
      const expected = (rate / 3600) * intervalSeconds * cycles;
      expect(Math.abs((counts[i] as number) - expected)).toBeLessThanOrEqual(
        4 * Math.sqrt(expected),
      );
    }
    // Poisson counts: variance ≈ mean (index of dispersion ≈ 1, sd ≈ √(2/(cycles−1))).
    const mean = perCycle.reduce((a, b) => a + b, 0) / cycles;
    const variance = perCycle.reduce((a, b) => a + (b - mean) ** 2, 0) / (cycles - 1);
    expect(Math.abs(variance / mean - 1)).toBeLessThan(4 * Math.sqrt(2 / (cycles - 1)));
  });

  it("changes rate exactly at the boundary: a one-interval burst stays inside it", () => {
    const times = takeUntil(new PiecewisePoissonArrivals(60, [0, 36_000, 0], stream("burst")), 180);
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) {
      expect(time).toBeGreaterThanOrEqual(60);
      expect(time).toBeLessThanOrEqual(120);
    }
  });

  it("has no arrivals when every rate is 0", () => {
    expect(new PiecewisePoissonArrivals(60, [0, 0], stream("zero")).next()).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});

describe("RenewalArrivals", () => {
  it("spaces arrivals by the interarrival distribution, starting from 0", () => {
    const constant = takeUntil(
      new RenewalArrivals(createDistribution({ kind: "constant", value: 30 }), stream("c")),
      121,
    );
    expect(constant).toEqual([30, 60, 90, 120]);
    const uniform = takeUntil(
      new RenewalArrivals(createDistribution({ kind: "uniform", min: 10, max: 20 }), stream("u")),
      150_000,
    );
    const n = uniform.length;
    const meanGap = (uniform.at(-1) as number) / n;
    expect(Math.abs(meanGap - 15)).toBeLessThan(4 * (Math.sqrt(100 / 12) / Math.sqrt(n)));
  });

  it("stops for an interarrival that is always zero instead of looping forever", () => {
    expect(
      new RenewalArrivals(createDistribution({ kind: "constant", value: 0 }), stream("z")).next(),
    ).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("ListedArrivals", () => {
  it("returns the listed times in time order, equal times in listed order, with their labels", () => {
    const arrivals = new ListedArrivals(
      [5, 0, 5, 2],
      [{ row: 1 }, { row: 2 }, { row: 3 }, { row: 4 }],
    );
    const seen: Array<[number, unknown]> = [];
    for (let time = arrivals.next(); time !== Number.POSITIVE_INFINITY; time = arrivals.next()) {
      seen.push([time, arrivals.labelsOfLast()?.row]);
    }
    expect(seen).toEqual([
      [0, 2],
      [2, 4],
      [5, 1],
      [5, 3],
    ]);
  });
});

describe("streams", () => {
  it("gives the same arrivals for the same seed, replication and name", () => {
    const a = takeUntil(
      new PoissonArrivals(100, RandomStream.root(1, 3).fork("arrivals:x")),
      36_000,
    );
    const b = takeUntil(
      new PoissonArrivals(100, RandomStream.root(1, 3).fork("arrivals:x")),
      36_000,
    );
    const c = takeUntil(
      new PoissonArrivals(100, RandomStream.root(1, 4).fork("arrivals:x")),
      36_000,
    );
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
});
