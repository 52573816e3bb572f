import { describe, expect, it } from "vitest";
import { renderCheckJson } from "../../../src/report/check/index.ts";
import { ALL_IDENTICAL, contextFor, MIXED, UNPAIRED } from "./fixtures.ts";

describe("renderCheckJson", () => {
  const parsed = JSON.parse(renderCheckJson(MIXED, contextFor(MIXED)));

  it("is one JSON document with a trailing newline, in a stable key order", () => {
    const text = renderCheckJson(MIXED, contextFor(MIXED));
    expect(text.endsWith("}\n")).toBe(true);
    expect(Object.keys(parsed)).toEqual([
      "scenario",
      "baselineFile",
      "passed",
      "paired",
      "pairingNote",
      "confidence",
      "comparisons",
      "adjustedConfidence",
      "counts",
      "checks",
    ]);
    expect(Object.keys(parsed.checks[0])).toEqual([
      "scope",
      "metric",
      "baseline",
      "current",
      "difference",
      "halfWidth",
      "lower",
      "upper",
      "allowedChange",
      "verdict",
      "fails",
      "replicationsToSettle",
      "explanation",
    ]);
  });

  it("states the level, the pairing and the outcome", () => {
    expect(parsed).toMatchObject({
      scenario: "quickstart",
      baselineFile: "baselines/quickstart.json",
      passed: false,
      paired: true,
      pairingNote: null,
      confidence: 0.95,
      comparisons: 222,
      adjustedConfidence: 0.999775,
    });
    const unpaired = JSON.parse(renderCheckJson(UNPAIRED, contextFor(UNPAIRED)));
    expect(unpaired).toMatchObject({
      passed: true,
      paired: false,
      pairingNote: "the baseline has no per-replication values",
    });
  });

  it("counts every verdict (zeros included) and the counts add up to the checks", () => {
    for (const fixture of [MIXED, UNPAIRED, ALL_IDENTICAL]) {
      const document = JSON.parse(renderCheckJson(fixture, contextFor(fixture)));
      const counts = document.counts as Record<string, number>;
      expect(Object.keys(counts)).toEqual([
        "identical",
        "unchanged",
        "within tolerance",
        "inconclusive",
        "better",
        "worse",
        "changed",
        "missing",
      ]);
      expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(
        fixture.checks.length,
      );
      for (const [verdict, count] of Object.entries(counts)) {
        expect(
          document.checks.filter((check: { verdict: string }) => check.verdict === verdict),
        ).toHaveLength(count);
      }
    }
  });

  it("lists every check, identical ones too, whatever verbose says", () => {
    const quiet = JSON.parse(renderCheckJson(MIXED, contextFor(MIXED, { verbose: false })));
    const verbose = JSON.parse(renderCheckJson(MIXED, contextFor(MIXED, { verbose: true })));
    expect(quiet.checks).toHaveLength(MIXED.checks.length);
    expect(verbose).toEqual(quiet);
  });

  it("gives the interval on the change, and null for NaN, missing sides and no interval", () => {
    const worse = parsed.checks[1];
    expect(worse).toEqual({
      scope: "overall",
      metric: "serviceLevel",
      baseline: { mean: 0.8012, halfWidth: 0.0121 },
      current: { mean: 0.7794, halfWidth: 0.0113 },
      difference: -0.0218,
      halfWidth: 0.0052,
      lower: -0.027,
      upper: -0.0166,
      allowedChange: 0.01,
      verdict: "worse",
      fails: true,
      replicationsToSettle: null,
      explanation: MIXED.checks[1]?.explanation,
    });
    const inconclusive = parsed.checks.find(
      (check: { verdict: string }) => check.verdict === "inconclusive",
    );
    expect(inconclusive.replicationsToSettle).toBe(80);
    const missingRun = parsed.checks[9];
    expect([
      missingRun.current,
      missingRun.difference,
      missingRun.halfWidth,
      missingRun.lower,
    ]).toEqual([null, null, null, null]);
    expect(parsed.checks[10].baseline).toBeNull();
    expect(parsed.checks[11].baseline).toEqual({ mean: null, halfWidth: null });
    expect(parsed.checks[8].current).toEqual({ mean: null, halfWidth: null });
  });
});
