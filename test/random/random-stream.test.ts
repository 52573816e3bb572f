/**
 * Random streams: pinned sequences (guards against accidental changes of generator or keying),
 * determinism, independence of named forks, and absence of correlation between siblings.
 */
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { RandomStream } from "../../src/random/index.ts";
import { kolmogorovSmirnov, kolmogorovSmirnovCritical } from "./statistics.ts";

function take(random: RandomStream, count: number): number[] {
  return Array.from({ length: count }, () => random.next());
}

/** Pearson correlation of two equally long sequences. */
function correlation(first: Float64Array, second: Float64Array): number {
  const count = first.length;
  let sumFirst = 0;
  let sumSecond = 0;
  for (let index = 0; index < count; index++) {
    sumFirst += first[index] ?? 0;
    sumSecond += second[index] ?? 0;
  }
  const meanFirst = sumFirst / count;
  const meanSecond = sumSecond / count;
  let cross = 0;
  let squaresFirst = 0;
  let squaresSecond = 0;
  for (let index = 0; index < count; index++) {
    const deviationFirst = (first[index] ?? 0) - meanFirst;
    const deviationSecond = (second[index] ?? 0) - meanSecond;
    cross += deviationFirst * deviationSecond;
    squaresFirst += deviationFirst ** 2;
    squaresSecond += deviationSecond ** 2;
  }
  return cross / Math.sqrt(squaresFirst * squaresSecond);
}

function fill(random: RandomStream, count: number): Float64Array {
  const values = new Float64Array(count);
  for (let index = 0; index < count; index++) values[index] = random.next();
  return values;
}

describe("RandomStream: pinned sequences", () => {
  // Computed once from the implementation and committed: any change here changes every
  // simulation result, so it must be deliberate (bump KEY_SCHEME and update these).
  it("root(1, 0)", () => {
    expect(take(RandomStream.root(1, 0), 5)).toEqual([
      0.874412644887343, 0.039076984161511064, 0.9012711204122752, 0.5901971161365509,
      0.9445004356093705,
    ]);
  });
  it("root(1, 0) / arrivals:sales", () => {
    expect(take(RandomStream.root(1, 0).fork("arrivals:sales"), 5)).toEqual([
      0.21472713677212596, 0.8401916467119008, 0.12438125652261078, 0.6540390737354755,
      0.6158414050005376,
    ]);
  });
  it("root(1, 0) / arrivals:sales / handle", () => {
    expect(take(RandomStream.root(1, 0).fork("arrivals:sales").fork("handle"), 5)).toEqual([
      0.8364340097177774, 0.9957949898671359, 0.9820803080219775, 0.9958782710600644,
      0.6372180473990738,
    ]);
  });
  it("root(42, 3) / worker:agent-3:response", () => {
    expect(take(RandomStream.root(42, 3).fork("worker:agent-3:response"), 5)).toEqual([
      0.22388840396888554, 0.34736925852485, 0.783240731107071, 0.7174362058285624,
      0.08864069171249866,
    ]);
  });
});

describe("RandomStream: Alea stepped in place", () => {
  it("draws what seedrandom's Alea draws from the same key, far past the pinned five", () => {
    // The key scheme of random-stream.ts: "ccsim-stream-v1|seed|replication|" then each name
    // length-prefixed.
    const reference = seedrandom.alea("ccsim-stream-v1|5|1|4:soak3:abc");
    const stream = RandomStream.root(5, 1).fork("soak").fork("abc");
    const count = 100_000;
    let mismatches = 0;
    for (let draw = 0; draw < count; draw++) if (stream.next() !== reference()) mismatches++;
    expect(mismatches).toBe(0);
  });
});

describe("RandomStream: determinism and independence", () => {
  it("same (seed, replication, name path) gives the identical sequence", () => {
    const first = RandomStream.root(7, 2).fork("arrivals:sales").fork("handle");
    const second = RandomStream.root(7, 2).fork("arrivals:sales").fork("handle");
    expect(take(first, 1000)).toEqual(take(second, 1000));
  });

  it("consuming or forking stream b leaves stream a unchanged", () => {
    const expected = take(RandomStream.root(7, 0).fork("a"), 100);
    const root = RandomStream.root(7, 0);
    const b = root.fork("b");
    take(b, 12345);
    const a = root.fork("a");
    const actual: number[] = [];
    for (let index = 0; index < 100; index++) {
      actual.push(a.next());
      b.next();
      b.fork(`child-${index}`).next();
    }
    expect(actual).toEqual(expected);
  });

  it("forking consumes nothing from the parent", () => {
    const expected = take(RandomStream.root(3, 0), 10);
    const parent = RandomStream.root(3, 0);
    parent.fork("x");
    parent.fork("y").fork("z");
    expect(take(parent, 10)).toEqual(expected);
  });

  it("different replication, seed or name gives a different sequence", () => {
    const reference = take(RandomStream.root(7, 0).fork("a"), 10);
    expect(take(RandomStream.root(7, 1).fork("a"), 10)).not.toEqual(reference);
    expect(take(RandomStream.root(8, 0).fork("a"), 10)).not.toEqual(reference);
    expect(take(RandomStream.root(7, 0).fork("A"), 10)).not.toEqual(reference);
  });

  it("name paths that read alike still get distinct streams", () => {
    const nested = RandomStream.root(1, 0).fork("a").fork("b");
    const slashed = RandomStream.root(1, 0).fork("a/b");
    expect(nested.path).toBe("a/b");
    expect(slashed.path).toBe("a/b");
    expect(take(nested, 5)).not.toEqual(take(slashed, 5));
  });

  it("records its path, seed and replication", () => {
    const stream = RandomStream.root(9, 4).fork("arrivals:sales").fork("handle");
    expect(stream.path).toBe("arrivals:sales/handle");
    expect(stream.seed).toBe(9);
    expect(stream.replication).toBe(4);
    expect(RandomStream.root(9, 4).path).toBe("");
  });
});

describe("RandomStream: statistical quality", () => {
  const count = 100_000;
  // The sample correlation of independent sequences has standard error ≈ 1/√n.
  const correlationBound = 4.5 / Math.sqrt(count);

  it("sibling streams are uncorrelated", () => {
    const root = RandomStream.root(1, 0);
    const r = correlation(fill(root.fork("a"), count), fill(root.fork("b"), count));
    expect(Math.abs(r)).toBeLessThan(correlationBound);
  });

  it("the same name in neighbouring replications is uncorrelated", () => {
    const first = fill(RandomStream.root(1, 0).fork("arrivals:sales"), count);
    const second = fill(RandomStream.root(1, 1).fork("arrivals:sales"), count);
    expect(Math.abs(correlation(first, second))).toBeLessThan(correlationBound);
  });

  it("first draws across many sibling streams are uniform and uncorrelated with the second", () => {
    const root = RandomStream.root(1, 0).fork("workers");
    const firstDraws = new Float64Array(count);
    const secondDraws = new Float64Array(count);
    for (let index = 0; index < count; index++) {
      const worker = root.fork(`worker-${index}`);
      firstDraws[index] = worker.next();
      secondDraws[index] = worker.next();
    }
    expect(kolmogorovSmirnov(firstDraws, (x) => x)).toBeLessThan(kolmogorovSmirnovCritical(count));
    expect(Math.abs(correlation(firstDraws, secondDraws))).toBeLessThan(correlationBound);
  });

  it("next() stays in [0, 1) and is uniform over a long run", () => {
    const values = fill(RandomStream.root(2, 0).fork("long"), 1_000_000);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(kolmogorovSmirnov(values, (x) => x)).toBeLessThan(kolmogorovSmirnovCritical(1_000_000));
  });

  it("nextInt(bound) covers [0, bound) evenly", () => {
    const bound = 7;
    const counts = new Array<number>(bound).fill(0);
    const random = RandomStream.root(2, 0).fork("ints");
    for (let index = 0; index < count; index++) {
      const value = random.nextInt(bound);
      counts[value] = (counts[value] ?? 0) + 1;
    }
    const expected = count / bound;
    const standardError = Math.sqrt(count * (1 / bound) * (1 - 1 / bound));
    expect(counts).toHaveLength(bound);
    for (const observed of counts) {
      expect(Math.abs(observed - expected)).toBeLessThan(5 * standardError);
    }
  });
});

describe("RandomStream: argument checks", () => {
  it.each([
    [1.5, 0],
    [Number.NaN, 0],
    [1, -1],
    [1, 0.5],
  ])("root(%d, %d) throws", (seed, replication) => {
    expect(() => RandomStream.root(seed, replication)).toThrow(RangeError);
  });
  it("fork('') throws", () => {
    expect(() => RandomStream.root(1, 0).fork("")).toThrow(RangeError);
  });
});
