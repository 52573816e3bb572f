import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  baselineIndexOf,
  confidenceOf,
  listOf,
  metricsOf,
  modesOf,
} from "../../src/cli/compare/compare-options.ts";
import { compareFolderOf } from "../../src/cli/compare/compare-outputs.ts";
import { AS_WRITTEN, planVariants, uniqueNames } from "../../src/cli/compare/variant-plan.ts";
import {
  COMPARE_OUTPUT_SET,
  holdsOutputsOf,
  removeStaleOutputs,
} from "../../src/cli/run/stale-outputs.ts";
import { COMPARED_METRIC_NAMES, DEFAULT_COMPARED_METRICS } from "../../src/comparison/index.ts";
import { UsageError } from "../../src/errors.ts";

describe("compare's options", () => {
  it("reads comma lists and repeated options alike", () => {
    expect(listOf(["roundRobin, bestWorker", "longestIdle"])).toEqual([
      "roundRobin",
      "bestWorker",
      "longestIdle",
    ]);
    expect(modesOf(undefined)).toEqual(["longestIdle", "roundRobin", "bestWorker"]);
    expect(modesOf(["bestWorker,longestIdle"])).toEqual(["bestWorker", "longestIdle"]);
    expect(() => modesOf(["roundRobin", "roundRobin"])).toThrow(/twice/);
    expect(() => modesOf([""])).toThrow(UsageError);
  });

  it("takes the default metrics, all of them, or the ones named", () => {
    expect(metricsOf(undefined)).toEqual(DEFAULT_COMPARED_METRICS);
    expect(metricsOf(["all"])).toEqual(COMPARED_METRIC_NAMES);
    expect(metricsOf(["waitMean,serviceLevel", "waitMean"])).toEqual(["waitMean", "serviceLevel"]);
    expect(() => metricsOf(["all,waitMean"])).toThrow(/stands alone/);
    expect(() => metricsOf(["utilisationSpread"])).toThrow(/did you mean "utilizationSpread"/);
  });

  it("takes a confidence strictly between 0 and 1", () => {
    expect(confidenceOf(undefined)).toBe(0.95);
    expect(confidenceOf(0.9)).toBe(0.9);
    for (const bad of [0, 1, 95, Number.NaN]) expect(() => confidenceOf(bad)).toThrow(UsageError);
  });

  it("finds the baseline by name first, then by 1-based position", () => {
    const names = ["longestIdle", "2", "bestWorker"];
    expect(baselineIndexOf(undefined, names)).toBe(0);
    expect(baselineIndexOf("bestWorker", names)).toBe(2);
    expect(baselineIndexOf("2", names)).toBe(1);
    expect(baselineIndexOf("3", names)).toBe(2);
    expect(() => baselineIndexOf("0", names)).toThrow(/positions 1 to 3/);
    expect(() => baselineIndexOf("bestworkr", names)).toThrow(/did you mean "bestWorker"/);
  });
});

describe("planVariants", () => {
  it("makes one variant per mode of one file by default", () => {
    const plan = planVariants({ files: ["a.yaml"], modes: undefined, set: undefined });
    expect(plan.kind).toBe("modes");
    expect(plan.variants.map((variant) => variant.mode)).toEqual([
      "longestIdle",
      "roundRobin",
      "bestWorker",
    ]);
  });

  it("puts the file as written before one variant per --set, named by its text", () => {
    const plan = planVariants({
      files: ["a.yaml"],
      modes: undefined,
      set: ["seed=1", "horizon=2h"],
    });
    expect(plan.kind).toBe("overrides");
    expect(plan.variants.map((variant) => variant.name)).toEqual([
      AS_WRITTEN,
      "seed=1",
      "horizon=2h",
    ]);
    expect(plan.variants.map((variant) => variant.overrides.length)).toEqual([0, 1, 1]);
  });

  it("makes several files the variants, and refuses to mix kinds", () => {
    const plan = planVariants({ files: ["a.yaml", "b.yaml"], modes: undefined, set: undefined });
    expect(plan.kind).toBe("files");
    expect(() =>
      planVariants({ files: ["a.yaml", "b.yaml"], modes: undefined, set: ["seed=1"] }),
    ).toThrow(/one kind at a time/);
    expect(() =>
      planVariants({ files: ["a.yaml"], modes: ["roundRobin,bestWorker"], set: ["seed=1"] }),
    ).toThrow(/one kind at a time/);
  });

  it("gives repeated names a count", () => {
    expect(uniqueNames(["x", "y", "x", "x"])).toEqual(["x", "y", "x (2)", "x (3)"]);
    expect(uniqueNames(["x", "x (2)", "x"])).toEqual(["x", "x (2)", "x (3)"]);
  });
});

describe("compare's output folder", () => {
  const scratch = mkdtempSync(join(tmpdir(), "ccsim-compare-outputs-test-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("defaults to a compare folder beside the scenario's run outputs", () => {
    expect(compareFolderOf(undefined, "Multi Skill")).toBe(
      join("reports", "multi-skill", "compare"),
    );
    expect(compareFolderOf("elsewhere", "multi-skill")).toBe("elsewhere");
  });

  it("cleans only compare's own stale files, in a folder an earlier compare wrote", () => {
    const folder = join(scratch, "shared");
    mkdirSync(join(folder, "charts"), { recursive: true });
    const comparisonJson = JSON.stringify({
      scenario: "x",
      baseline: "a",
      variants: [],
      differences: [],
    });
    for (const [name, text] of Object.entries({
      "comparison.json": comparisonJson,
      "comparison.csv": "",
      "differences.csv": "",
      "summary.json": "{}",
      "charts/differences.svg": "<svg/>",
      "charts/differences.png": "png",
      "charts/waits.svg": "<svg/>",
    })) {
      writeFileSync(join(folder, name), text);
    }
    expect(holdsOutputsOf(folder, COMPARE_OUTPUT_SET)).toBe(true);
    const kept = new Set(["comparison.json", "comparison.csv", "charts/differences.svg"]);
    const outcome = removeStaleOutputs(folder, kept, COMPARE_OUTPUT_SET);
    expect(outcome.removed.map((path) => path.slice(folder.length + 1)).sort()).toEqual([
      join("charts", "differences.png"),
      "differences.csv",
    ]);
    expect(readdirSync(join(folder, "charts")).sort()).toEqual(["differences.svg", "waits.svg"]);
    // And run's cleaning leaves compare's chart alone.
    removeStaleOutputs(folder, new Set());
    expect(readdirSync(join(folder, "charts"))).toEqual(["differences.svg"]);
  });
});
