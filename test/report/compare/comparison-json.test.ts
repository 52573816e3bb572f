/**
 * comparison.json of hand-built comparisons: parses, keys in the documented order, the run as
 * summary.json describes it (provenance only when given), every estimate and difference equal
 * to the Comparison's (to formatNumber's six decimals), NaN and missing numbers as null.
 */
import { describe, expect, it } from "vitest";
import { renderComparisonJson } from "../../../src/report/compare/index.ts";
import type { Provenance } from "../../../src/report/summary-json.ts";
import { COMPARISONS, NO_PAIRS, RUN, THREE_MODES } from "./fixtures.ts";

const PROVENANCE: Provenance = {
  ccsimVersion: "0.1.0",
  scenarioFile: "scenarios/multi-skill.yaml",
  scenarioSha256: "ab".repeat(32),
  traceFiles: [],
};

type Json = Record<string, unknown>;

/** A number as comparison.json writes it: six decimals at most, null when undefined. */
function written(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Number(value.toFixed(6));
}

describe.each(Object.entries(COMPARISONS))("comparison.json of %s", (_name, comparison) => {
  const text = renderComparisonJson(RUN, comparison);
  const json = JSON.parse(text) as Json;

  it("is JSON with a trailing newline, no NaN, keys in the documented order", () => {
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(Object.keys(json)).toEqual([
      "scenario",
      "seed",
      "replications",
      "horizonSeconds",
      "warmupSeconds",
      "serviceLevelThresholdSeconds",
      "baseline",
      "confidence",
      "comparisons",
      "adjustedConfidence",
      "adjustment",
      "variants",
      "differences",
    ]);
    expect(json).toMatchObject({
      scenario: RUN.scenario,
      seed: RUN.seed,
      replications: comparison.replications,
      baseline: comparison.baseline,
      confidence: comparison.confidence,
      comparisons: comparison.comparisons,
      adjustedConfidence: written(comparison.adjustedConfidence),
      adjustment: "Bonferroni",
    });
  });

  it("holds every variant's estimates by scope and metric", () => {
    const variants = json.variants as { name: string; description: string; estimates: Json }[];
    expect(variants.map((variant) => variant.name)).toEqual(
      comparison.variants.map((variant) => variant.name),
    );
    comparison.variants.forEach((variant, index) => {
      const writtenVariant = variants[index];
      expect(writtenVariant?.description).toBe(variant.description);
      expect(Object.keys(writtenVariant?.estimates ?? {})).toEqual([...variant.estimates.keys()]);
      for (const [scope, metrics] of variant.estimates) {
        const scopeJson = writtenVariant?.estimates[scope] as Json;
        expect(Object.keys(scopeJson)).toEqual([...metrics.keys()]);
        for (const [metric, estimate] of metrics) {
          expect(scopeJson[metric]).toEqual({
            mean: written(estimate.mean),
            halfWidth: written(estimate.halfWidth),
          });
        }
      }
    });
  });

  it("holds every difference with its interval, pairs and verdict", () => {
    const differences = json.differences as Json[];
    expect(differences).toEqual(
      comparison.differences.map((row) => {
        const { difference } = row;
        const halfWidth = difference.halfWidth;
        return {
          variant: row.variant,
          baseline: row.baseline,
          scope: row.scope,
          metric: row.metric,
          direction: row.direction,
          meanDifference: written(difference.meanDifference),
          halfWidth: written(halfWidth),
          lower: halfWidth === null ? null : written(difference.meanDifference - halfWidth),
          upper: halfWidth === null ? null : written(difference.meanDifference + halfWidth),
          pairs: difference.pairs,
          leftOut: difference.leftOut,
          smallestDetectable: written(difference.smallestDetectable),
          identical: difference.identical,
          significant: difference.significant,
          verdict: row.verdict,
        };
      }),
    );
  });
});

describe("comparison.json's run", () => {
  it("carries the provenance after the run's facts when given, as summary.json does", () => {
    const json = JSON.parse(renderComparisonJson({ ...RUN, provenance: PROVENANCE }, THREE_MODES));
    expect(Object.keys(json).indexOf("provenance")).toBe(6);
    expect(json.provenance).toEqual(PROVENANCE);
  });

  it("writes undefined numbers as null", () => {
    const json = JSON.parse(renderComparisonJson(RUN, NO_PAIRS));
    const before = json.variants[0].estimates.overall;
    expect(before.waitMean).toEqual({ mean: null, halfWidth: null });
    const noPair = json.differences.find((row: Json) => row.metric === "abandonWaitMean");
    expect(noPair).toMatchObject({ meanDifference: null, halfWidth: null, lower: null, pairs: 0 });
  });
});
