/**
 * judgeCheck on hand-built runs: the identical short-circuit (for any values, a run against
 * itself), pairing and its fallback to Welch, every verdict, the inconclusive replication count,
 * missing metrics, the Bonferroni family and the tolerance overrides.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  judgeCheck,
  type MetricCheck,
  pairedDifference,
  type RunValues,
} from "../../src/comparison/index.ts";
import type { Tolerance } from "../../src/comparison/tolerances.ts";
import { estimate, studentTQuantile } from "../../src/metrics/confidence.ts";
import type { MetricEstimate, MetricName } from "../../src/metrics/index.ts";
import { assertProperty } from "../support/property.ts";

type Values = Partial<Record<MetricName, readonly number[]>>;

/** A run of `replications` from per-replication values, by scope; `withValues` keeps them. */
function run(
  scopes: Record<string, Values>,
  options: { seed?: number; withValues?: boolean } = {},
): RunValues {
  const estimates = new Map<string, Map<MetricName, MetricEstimate>>();
  const table = new Map<string, Map<MetricName, readonly number[]>>();
  let replications = 0;
  for (const [scope, metrics] of Object.entries(scopes)) {
    const scopeEstimates = new Map<MetricName, MetricEstimate>();
    const scopeValues = new Map<MetricName, readonly number[]>();
    for (const [metric, values] of Object.entries(metrics) as [MetricName, number[]][]) {
      scopeEstimates.set(metric, estimate(values));
      scopeValues.set(metric, values);
      replications = values.length;
    }
    estimates.set(scope, scopeEstimates);
    table.set(scope, scopeValues);
  }
  return {
    scenario: "s",
    seed: options.seed ?? 1,
    replications,
    estimates,
    ...(options.withValues === false ? {} : { perReplication: { replications, scopes: table } }),
  };
}

const OPTIONS = { confidence: 0.95, tolerances: new Map<MetricName, Tolerance>() };

/** The check of (scope, metric). */
function find(checks: readonly MetricCheck[], metric: MetricName, scope = "overall"): MetricCheck {
  const found = checks.find((check) => check.scope === scope && check.metric === metric);
  if (found === undefined) throw new Error(`no check of ${scope} ${metric}`);
  return found;
}

/** Values spread widely between replications (as service levels are), with a shift. */
const SPREAD = [0.62, 0.91, 0.75, 0.83, 0.55, 0.88, 0.7, 0.95, 0.66, 0.8];
const shifted = (values: readonly number[], by: number, wobble = 0) =>
  values.map((value, index) => value + by + (index % 2 === 0 ? wobble : -wobble));

describe("judgeCheck", () => {
  it("calls a run against itself identical, for any values (it can never flake)", () => {
    assertProperty(
      fc.property(
        fc.array(
          fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(Number.NaN)),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        fc.boolean(),
        (values, withValues) => {
          const side = run({ overall: { waitMean: values } }, { withValues });
          const result = judgeCheck(
            side,
            run({ overall: { waitMean: values } }, { withValues }),
            OPTIONS,
          );
          expect(result.checks.map((check) => check.verdict)).toEqual(["identical"]);
          expect(result.failed).toBe(false);
        },
      ),
    );
  });

  it("calls a metric undefined on both sides identical, and on one side only missing", () => {
    const none = [Number.NaN, Number.NaN];
    const result = judgeCheck(
      run({ overall: { waitMean: none, waitMax: [1, 2] } }),
      run({ overall: { waitMean: none, waitMax: none } }),
      OPTIONS,
    );
    expect(find(result.checks, "waitMean").verdict).toBe("identical");
    expect(find(result.checks, "waitMax").verdict).toBe("missing");
    expect(find(result.checks, "waitMax").explanation).toMatch(/undefined in this run/);
    expect(result.failed).toBe(true);
  });

  it("fails a scope or metric that one side lacks, whichever side", () => {
    const result = judgeCheck(
      run({ overall: { arrived: [1, 2] }, "queue:gone": { arrived: [1, 2] } }),
      run({ overall: { arrived: [1, 2], abandoned: [0, 1] } }),
      OPTIONS,
    );
    expect(result.checks.map((check) => [check.scope, check.metric, check.verdict])).toEqual([
      ["overall", "arrived", "identical"],
      ["queue:gone", "arrived", "missing"],
      ["overall", "abandoned", "missing"],
    ]);
    expect(result.checks.filter((check) => check.fails)).toHaveLength(2);
    expect(result.failed).toBe(true);
  });

  it("pairs by replication when seeds and counts agree: a shift hidden in the spread is found", () => {
    const baseline = run({ overall: { serviceLevel: SPREAD } });
    const current = run({ overall: { serviceLevel: shifted(SPREAD, -0.03, 0.002) } });
    const paired = judgeCheck(baseline, current, OPTIONS);
    expect(paired.paired).toBe(true);
    expect(find(paired.checks, "serviceLevel").verdict).toBe("worse");
    // In the metric's unit: a share as a percentage, its change in percentage points.
    expect(find(paired.checks, "serviceLevel").explanation).toMatch(
      /^\d+(\.\d+)?% → \d+(\.\d+)?% \(-3(\.\d+)? pp ± [\d.]+ pp at [\d.]+%, paired by replication\): significant and beyond the allowed ±1 pp\.$/,
    );
    const unpaired = judgeCheck(
      baseline,
      run({ overall: { serviceLevel: shifted(SPREAD, -0.03, 0.002) } }, { seed: 2 }),
      OPTIONS,
    );
    expect(unpaired.paired).toBe(false);
    expect(unpaired.pairingNote).toBe("seed 1 against 2");
    const check = find(unpaired.checks, "serviceLevel");
    expect(check.verdict).toBe("inconclusive");
    expect(check.halfWidth).toBeGreaterThan(find(paired.checks, "serviceLevel").halfWidth ?? 0);
  });

  it("says why it did not pair", () => {
    const values = { overall: { arrived: [1, 2, 3] } };
    expect(
      judgeCheck(
        run(values, { withValues: false }),
        run({ overall: { arrived: [1, 2, 4] } }),
        OPTIONS,
      ).pairingNote,
    ).toBe("the baseline has no per-replication values");
    expect(
      judgeCheck(run(values), run({ overall: { arrived: [1, 2, 4, 5] } }), OPTIONS).pairingNote,
    ).toBe("3 replications against 4");
  });

  it("uses the paired interval at the Bonferroni level of the metrics that need one", () => {
    const result = judgeCheck(
      run({
        overall: { serviceLevel: SPREAD.slice(0, 3), waitMean: [5, 6, 7], arrived: [10, 10, 10] },
      }),
      run({
        overall: {
          serviceLevel: shifted(SPREAD.slice(0, 3), 0.004, 0.001),
          waitMean: [5, 6, 7.5],
          arrived: [10, 10, 10],
        },
      }),
      OPTIONS,
    );
    expect(result.comparisons).toBe(2); // arrived is identical: no interval, not in the family
    expect(result.adjustedConfidence).toBeCloseTo(1 - 0.05 / 2, 15);
    const expected = pairedDifference(
      SPREAD.slice(0, 3),
      shifted(SPREAD.slice(0, 3), 0.004, 0.001),
      {
        confidence: 0.95,
        comparisons: 2,
      },
    );
    expect(find(result.checks, "serviceLevel").halfWidth).toBe(expected.halfWidth);
  });

  it("counts no comparison when every metric is identical, and keeps the family's confidence", () => {
    const values = { overall: { serviceLevel: SPREAD.slice(0, 3), arrived: [10, 10, 10] } };
    const result = judgeCheck(run(values), run(values), OPTIONS);
    expect(result.comparisons).toBe(0);
    expect(result.adjustedConfidence).toBe(0.95);
    expect(result.checks.every((check) => check.verdict === "identical")).toBe(true);
  });

  it("falls back to Welch's interval from means and half-widths", () => {
    const before = [10, 12, 9, 11, 13];
    const after = [14, 15, 13, 16, 12, 15];
    const result = judgeCheck(
      run({ overall: { waitMean: before } }, { withValues: false }),
      run({ overall: { waitMean: after } }),
      OPTIONS,
    );
    const b = estimate(before);
    const a = estimate(after);
    const errorB = (b.halfWidth ?? 0) / studentTQuantile(0.975, 4);
    const errorA = (a.halfWidth ?? 0) / studentTQuantile(0.975, 5);
    const variance = errorB ** 2 + errorA ** 2;
    const df = variance ** 2 / (errorB ** 4 / 4 + errorA ** 4 / 5);
    const check = find(result.checks, "waitMean");
    expect(check.halfWidth).toBeCloseTo(studentTQuantile(0.975, df) * Math.sqrt(variance), 12);
    expect(check.difference).toBeCloseTo(a.mean - b.mean, 12);
  });

  it("gives each verdict where it belongs", () => {
    const base = {
      serviceLevel: SPREAD,
      waitMean: SPREAD.map((value) => 20 * value),
      utilization: SPREAD,
      abandonmentRate: SPREAD.map((value) => value / 10),
      waitP90: SPREAD.map((value) => 40 * value),
      handleTimeMean: SPREAD.map((value) => 100 * value),
    };
    const result = judgeCheck(
      run({ overall: base }),
      run({
        overall: {
          serviceLevel: shifted(base.serviceLevel, 0.05), // up, exactly: better
          waitMean: shifted(base.waitMean, 5, 0.1), // up: worse
          utilization: shifted(base.utilization, 0.05, 0.001), // neutral: changed
          abandonmentRate: shifted(base.abandonmentRate, 0.004), // certain but small
          waitP90: base.waitP90.map((value, index) => value + (index % 2 === 0 ? 15 : -8)), // noisy
          handleTimeMean: shifted(base.handleTimeMean, 0.2, 0.5), // small and noisy
        },
      }),
      OPTIONS,
    );
    const verdicts = Object.fromEntries(
      result.checks.map((check) => [check.metric, check.verdict]),
    );
    expect(verdicts).toEqual({
      serviceLevel: "better",
      waitMean: "worse",
      utilization: "changed",
      abandonmentRate: "within tolerance",
      waitP90: "inconclusive",
      handleTimeMean: "unchanged",
    });
    expect(result.failed).toBe(true);
    for (const check of result.checks) expect(check.explanation).toMatch(/\.$/);
    expect(find(result.checks, "waitMean").explanation).toMatch(
      /significant and beyond the allowed ±1\.\d+/,
    );
  });

  it("says about how many replications would settle an inconclusive change", () => {
    const base = SPREAD.map((value) => 40 * value);
    const result = judgeCheck(
      run({ overall: { waitP90: base } }),
      run({
        overall: { waitP90: base.map((value, index) => value + (index % 2 === 0 ? 15 : -8)) },
      }),
      OPTIONS,
    );
    const check = find(result.checks, "waitP90");
    expect(check.verdict).toBe("inconclusive");
    expect(check.fails).toBe(false);
    const n = 10;
    const scaled = Math.ceil(n * ((check.halfWidth ?? 0) / Math.abs(check.difference)) ** 2);
    expect(check.replicationsToSettle).toBe(Math.max(n + 1, scaled));
    expect(check.replicationsToSettle).toBeGreaterThan(n);
    expect(check.explanation).toContain(`about ${check.replicationsToSettle} replications`);
  });

  it("applies a tolerance override instead of the default", () => {
    const baseline = run({ overall: { serviceLevel: SPREAD } });
    const current = run({ overall: { serviceLevel: shifted(SPREAD, 0.05) } });
    const loose = judgeCheck(baseline, current, {
      confidence: 0.95,
      tolerances: new Map([["serviceLevel", { absolute: 0.1, relative: 0 }]]),
    });
    expect(find(loose.checks, "serviceLevel").verdict).toBe("within tolerance");
    expect(find(loose.checks, "serviceLevel").allowedChange).toBe(0.1);
    expect(loose.failed).toBe(false);
  });
});
