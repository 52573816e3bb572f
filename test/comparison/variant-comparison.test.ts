import { describe, expect, it } from "vitest";
import {
  type ComparedMetricName,
  type ComparisonOptions,
  compareVariants,
  judgedPairsOf,
  METRIC_DIRECTIONS,
  pairedDifference,
  type ReplicationTable,
  type VariantResults,
} from "../../src/comparison/index.ts";
import { estimate } from "../../src/metrics/index.ts";
import { RandomStream } from "../../src/random/index.ts";

/** n noisy values around `level` (seeded). */
function noise(seed: number, n: number, level: number, spread: number): number[] {
  const random = RandomStream.root(seed, 0).fork("test:variant-comparison");
  return Array.from({ length: n }, () => level + spread * (random.next() - 0.5));
}

type Scopes = Record<string, Partial<Record<ComparedMetricName, number[]>>>;

function table(scopes: Scopes): ReplicationTable {
  const first = Object.values(scopes)[0] ?? {};
  const replications = (Object.values(first)[0] ?? []).length;
  return {
    replications,
    scopes: new Map(
      Object.entries(scopes).map(([scope, metrics]) => [
        scope,
        new Map(Object.entries(metrics) as [ComparedMetricName, number[]][]),
      ]),
    ),
  };
}

function variant(name: string, scopes: Scopes): VariantResults {
  return { name, description: `variant ${name}`, table: table(scopes) };
}

const OPTIONS: ComparisonOptions = {
  baseline: 0,
  confidence: 0.95,
  metrics: ["serviceLevel", "waitMean", "utilization"],
  scopes: "overall",
};

/** A baseline over two scopes, with an answered-less replication in the queue (NaN). */
function baselineScopes(): Scopes {
  return {
    overall: {
      serviceLevel: noise(1, 10, 0.8, 0.2),
      waitMean: noise(2, 10, 20, 10),
      utilization: noise(3, 10, 0.85, 0.1),
      utilizationSpread: noise(4, 10, 0.05, 0.02),
    },
    "queue:sales": {
      serviceLevel: [Number.NaN, ...noise(5, 9, 0.7, 0.2)],
      waitMean: noise(6, 10, 25, 10),
      utilization: noise(7, 10, 0.8, 0.1),
    },
  };
}

/** `scopes` with every value of `metric` shifted by `by` (with a little noise of its own). */
function shifted(scopes: Scopes, metric: ComparedMetricName, by: number): Scopes {
  const wobble = noise(99, 10, 0, Math.abs(by) / 10);
  return Object.fromEntries(
    Object.entries(scopes).map(([scope, metrics]) => [
      scope,
      {
        ...metrics,
        ...(metrics[metric] === undefined
          ? {}
          : {
              [metric]: metrics[metric].map((value, i) => value + by + (wobble[i] as number)),
            }),
      },
    ]),
  );
}

describe("compareVariants", () => {
  it("calls identical tables identical in every difference, with a zero interval", () => {
    const scopes = baselineScopes();
    const comparison = compareVariants(
      [variant("a", scopes), variant("b", scopes), variant("c", scopes)],
      { ...OPTIONS, scopes: "all" },
    );
    expect(comparison.differences).toHaveLength(2 * 2 * 3);
    for (const row of comparison.differences) {
      expect(row.verdict).toBe("identical");
      expect(row.difference.meanDifference).toBe(0);
      expect(row.difference.halfWidth).toBe(0);
      expect(row.difference.smallestDetectable).toBe(0);
    }
    // The undefined first replication of the queue's service level is left out, and counted.
    const queueLevel = comparison.differences.find(
      (row) => row.scope === "queue:sales" && row.metric === "serviceLevel",
    );
    expect(queueLevel?.difference).toMatchObject({ pairs: 9, leftOut: 1 });
  });

  it("says better or worse in the metric's own direction for a shifted copy", () => {
    const scopes = baselineScopes();
    const worse = shifted(shifted(scopes, "serviceLevel", -0.05), "waitMean", 4);
    const busier = shifted(scopes, "utilization", 0.03);
    const comparison = compareVariants(
      [variant("base", scopes), variant("worse", worse), variant("busier", busier)],
      OPTIONS,
    );
    const verdicts = comparison.differences.map((row) => [row.variant, row.metric, row.verdict]);
    expect(verdicts).toEqual([
      ["worse", "serviceLevel", "worse"],
      ["worse", "waitMean", "worse"],
      ["worse", "utilization", "identical"],
      ["busier", "serviceLevel", "identical"],
      ["busier", "waitMean", "identical"],
      // Utilization has no better: a clear change is just "changed".
      ["busier", "utilization", "changed"],
    ]);
    expect(comparison.differences[0]?.direction).toBe("higherIsBetter");
    expect(comparison.differences[0]?.difference.meanDifference).toBeLessThan(0);
    // Reversed, the same shift is better.
    const reversed = compareVariants([variant("worse", worse), variant("base", scopes)], OPTIONS);
    expect(reversed.differences.map((row) => row.verdict)).toEqual([
      "better",
      "better",
      "identical",
    ]);
  });

  it("says no detectable difference for pure noise, with the smallest detectable difference", () => {
    const scopes = baselineScopes();
    // Differences that cancel out (±0.01 in turn): spread, and no shift at all.
    const jitter = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 0.01 : -0.01));
    const noisy = {
      ...scopes,
      overall: {
        ...scopes.overall,
        serviceLevel: scopes.overall?.serviceLevel?.map((v, i) => v + (jitter[i] as number)),
      },
    } as Scopes;
    const comparison = compareVariants([variant("a", scopes), variant("b", noisy)], {
      ...OPTIONS,
      metrics: ["serviceLevel"],
    });
    const row = comparison.differences[0];
    expect(row?.verdict).toBe("no detectable difference");
    expect(row?.difference.smallestDetectable).toBeGreaterThan(row?.difference.halfWidth ?? 1);
  });

  it("adjusts by Bonferroni over (variants − 1) × judged (scope, metric) pairs", () => {
    const scopes = baselineScopes();
    const variants = ["a", "b", "c", "d"].map((name, i) =>
      variant(name, shifted(scopes, "waitMean", i)),
    );
    const overall = compareVariants(variants, OPTIONS);
    expect(overall.comparisons).toBe(3 * 3);
    expect(overall.adjustedConfidence).toBeCloseTo(1 - 0.05 / 9, 12);
    expect(overall.adjustment).toBe("Bonferroni");
    // utilizationSpread exists only in the overall scope: 2 scopes × 3 metrics + 1.
    const all = compareVariants(variants, {
      ...OPTIONS,
      scopes: "all",
      metrics: [...OPTIONS.metrics, "utilizationSpread"],
    });
    expect(all.comparisons).toBe(3 * 7);
    expect(all.differences).toHaveLength(3 * 7);
    // Each interval is the paired one at the adjusted level.
    const row = all.differences.find(
      (one) => one.variant === "c" && one.scope === "queue:sales" && one.metric === "waitMean",
    );
    const direct = pairedDifference(
      scopes["queue:sales"]?.waitMean as number[],
      shifted(scopes, "waitMean", 2)["queue:sales"]?.waitMean as number[],
      { confidence: 0.95, comparisons: 21 },
    );
    expect(row?.difference).toEqual(direct);
    expect(row?.direction).toBe(METRIC_DIRECTIONS.waitMean);
  });

  it("orders differences variant by variant, then scope, then metric as asked", () => {
    const scopes = baselineScopes();
    const comparison = compareVariants(
      [variant("a", scopes), variant("b", scopes), variant("c", scopes)],
      { ...OPTIONS, baseline: 1, scopes: "all", metrics: ["waitMean", "serviceLevel"] },
    );
    expect(comparison.baseline).toBe("b");
    expect(
      comparison.differences.map((row) => `${row.variant} ${row.scope} ${row.metric}`),
    ).toEqual([
      "a overall waitMean",
      "a overall serviceLevel",
      "a queue:sales waitMean",
      "a queue:sales serviceLevel",
      "c overall waitMean",
      "c overall serviceLevel",
      "c queue:sales waitMean",
      "c queue:sales serviceLevel",
    ]);
    expect(comparison.differences.every((row) => row.baseline === "b")).toBe(true);
  });

  it("estimates every metric of every scope of every variant, unadjusted at 95%", () => {
    const scopes = baselineScopes();
    const comparison = compareVariants([variant("a", scopes), variant("b", scopes)], {
      ...OPTIONS,
      metrics: ["serviceLevel"],
    });
    expect(comparison.variants.map((one) => one.name)).toEqual(["a", "b"]);
    expect(comparison.variants[0]?.description).toBe("variant a");
    const overall = comparison.variants[0]?.estimates.get("overall");
    // In COMPARED_METRIC_NAMES order: summary metrics, then fairness.
    expect([...(overall?.keys() ?? [])]).toEqual([
      "waitMean",
      "serviceLevel",
      "utilization",
      "utilizationSpread",
    ]);
    expect(overall?.get("waitMean")).toEqual(estimate(scopes.overall?.waitMean as number[]));
    expect(comparison.variants[1]?.estimates.get("queue:sales")?.get("serviceLevel")).toEqual(
      estimate(scopes["queue:sales"]?.serviceLevel as number[]),
    );
    expect(comparison.replications).toBe(10);
  });

  it("skips a (scope, metric) that some variants lack, and names it", () => {
    const scopes = baselineScopes();
    const { "queue:sales": _sales, ...withoutQueue } = scopes;
    const variants = [variant("a", scopes), variant("b", withoutQueue)];
    const pairs = judgedPairsOf(variants, { ...OPTIONS, scopes: "all" });
    expect(pairs.judged.map((pair) => pair.scope)).toEqual(["overall", "overall", "overall"]);
    expect(pairs.skipped).toEqual([
      { scope: "queue:sales", metric: "serviceLevel", missingIn: ["b"] },
      { scope: "queue:sales", metric: "waitMean", missingIn: ["b"] },
      { scope: "queue:sales", metric: "utilization", missingIn: ["b"] },
    ]);
    const comparison = compareVariants(variants, { ...OPTIONS, scopes: "all" });
    expect(comparison.comparisons).toBe(3);
    expect(comparison.differences.every((row) => row.scope === "overall")).toBe(true);
  });

  it("refuses variants that cannot be paired, and options out of range", () => {
    const scopes = baselineScopes();
    const short = {
      overall: { serviceLevel: [0.8, 0.9], waitMean: [1, 2], utilization: [0.5, 0.6] },
    };
    expect(() => compareVariants([variant("a", scopes), variant("b", short)], OPTIONS)).toThrow(
      /same replication count \(a: 10, b: 2\)/,
    );
    expect(() => compareVariants([variant("a", scopes)], OPTIONS)).toThrow(RangeError);
    expect(() => compareVariants([variant("a", scopes), variant("a", scopes)], OPTIONS)).toThrow(
      /distinct names/,
    );
    expect(() =>
      compareVariants([variant("a", scopes), variant("b", scopes)], { ...OPTIONS, baseline: 2 }),
    ).toThrow(RangeError);
    expect(() =>
      compareVariants([variant("a", scopes), variant("b", scopes)], {
        ...OPTIONS,
        confidence: 1,
      }),
    ).toThrow(RangeError);
    expect(() =>
      compareVariants([variant("a", scopes), variant("b", scopes)], {
        ...OPTIONS,
        metrics: ["jobsHandledSpread"],
      }),
    ).toThrow(/nothing to compare/);
  });
});
