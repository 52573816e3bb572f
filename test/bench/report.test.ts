/**
 * The bench's judging and printing on made-up numbers: targets, the change against a baseline
 * (in yardstick terms when the baseline has them), the slowdown flag past 20%, medians, the
 * table line, --strict's verdict, option parsing and reading bash's `times`. Nothing is timed.
 */
import { describe, expect, it } from "vitest";
import {
  type FigureDefinition,
  figureDefinitions,
  formatRate,
  median,
} from "../../bench/figures.ts";
import { childCpuSecondsOfTimes } from "../../bench/measure.ts";
import { parseBenchOptions, selectCases } from "../../bench/options.ts";
import {
  failsStrict,
  formatFigureLine,
  formatValue,
  judgeFigure,
  meetsTarget,
} from "../../bench/report.ts";
import type { BenchCase, Measurement } from "../../bench/types.ts";

const rateDefinition: FigureDefinition = {
  id: "made-up-rate",
  description: "a made-up rate",
  unit: "jobs/s",
  better: "higher",
  target: { op: ">=", bound: 1.5e6 },
  cases: [],
  derive: () => ({ value: 0, normalized: 0 }),
};

const memoryDefinition: FigureDefinition = {
  id: "made-up-memory",
  description: "a made-up size",
  unit: "MiB",
  better: "lower",
  target: { op: "<", bound: 250 },
  cases: [],
  derive: () => ({ value: 0, normalized: 0 }),
};

describe("targets", () => {
  it("compare with ≥, ≤ and < as written, bounds included where the operator says", () => {
    expect(meetsTarget(1.5e6, { op: ">=", bound: 1.5e6 })).toBe(true);
    expect(meetsTarget(1.49e6, { op: ">=", bound: 1.5e6 })).toBe(false);
    expect(meetsTarget(3, { op: "<=", bound: 3 })).toBe(true);
    expect(meetsTarget(3.01, { op: "<=", bound: 3 })).toBe(false);
    expect(meetsTarget(250, { op: "<", bound: 250 })).toBe(false);
    expect(meetsTarget(249.9, { op: "<", bound: 250 })).toBe(true);
  });

  it("judge a figure pass or fail, and leave a figure without one unjudged", () => {
    const slow = judgeFigure(rateDefinition, { value: 220_000, normalized: 0.05 }, undefined);
    expect(slow.met).toBe(false);
    expect(slow.flagged).toBe(false);
    expect(slow.changePercent).toBeUndefined();
    const { target: _, ...untargeted } = rateDefinition;
    expect(judgeFigure(untargeted, { value: 1, normalized: 1 }, undefined).met).toBeUndefined();
  });
});

describe("the baseline comparison", () => {
  it("compares in yardstick terms when the baseline has them, whatever the raw rates did", () => {
    // Raw rate halved (a machine twice as slow), but the share of the loop is unchanged.
    const judged = judgeFigure(
      rateDefinition,
      { value: 100_000, normalized: 0.05 },
      { value: 200_000, unit: "jobs/s", normalized: 0.05 },
    );
    expect(judged.comparedOn).toBe("loop");
    expect(judged.changePercent).toBeCloseTo(0, 10);
    expect(judged.flagged).toBe(false);
  });

  it("falls back to raw values for a baseline without yardstick terms", () => {
    const judged = judgeFigure(
      rateDefinition,
      { value: 100_000, normalized: 0.05 },
      { value: 200_000, unit: "jobs/s" },
    );
    expect(judged.comparedOn).toBe("value");
    expect(judged.changePercent).toBeCloseTo(-50, 10);
    expect(judged.worsening).toBeCloseTo(2, 10);
    expect(judged.flagged).toBe(true);
  });

  it("flags a rate only when a job takes more than 20% longer than in the baseline", () => {
    const baseline = { value: 1, unit: "jobs/s", normalized: 0.1 };
    // 0.1 / 0.084 = 1.19: within 20%. 0.1 / 0.083 = 1.205: flagged.
    expect(judgeFigure(rateDefinition, { value: 1, normalized: 0.084 }, baseline).flagged).toBe(
      false,
    );
    expect(judgeFigure(rateDefinition, { value: 1, normalized: 0.083 }, baseline).flagged).toBe(
      true,
    );
    // Faster is never flagged.
    expect(judgeFigure(rateDefinition, { value: 1, normalized: 0.5 }, baseline).flagged).toBe(
      false,
    );
  });

  it("flags a lower-is-better figure when it grows by more than 20%", () => {
    const baseline = { value: 150, unit: "MiB", normalized: 150 };
    expect(judgeFigure(memoryDefinition, { value: 179, normalized: 179 }, baseline).flagged).toBe(
      false,
    );
    const grown = judgeFigure(memoryDefinition, { value: 181, normalized: 181 }, baseline);
    expect(grown.flagged).toBe(true);
    expect(grown.changePercent).toBeCloseTo((181 / 150 - 1) * 100, 10);
  });

  it("never flags a gauge of the machine (the yardstick itself)", () => {
    const gauge = { ...rateDefinition, gauge: true };
    const judged = judgeFigure(
      gauge,
      { value: 1e6, normalized: 1e6 },
      { value: 5e6, unit: "jobs/s", normalized: 5e6 },
    );
    expect(judged.worsening).toBeCloseTo(5, 10);
    expect(judged.flagged).toBe(false);
  });
});

describe("printing", () => {
  it("formats rates, ratios, CPU seconds and sizes with their units", () => {
    expect(formatRate(1_500_000)).toBe("1.50 M");
    expect(formatRate(312_400)).toBe("312 k");
    expect(formatRate(22_140)).toBe("22.1 k");
    expect(formatValue(2.314, "× loop")).toBe("2.31× loop");
    expect(formatValue(0.4249, "s CPU")).toBe("0.42 s CPU");
    expect(formatValue(150.24, "MiB")).toBe("150.2 MiB");
  });

  it("prints one line with value, ratio, target, verdict, baseline, change and flag", () => {
    const judged = judgeFigure(
      rateDefinition,
      { value: 150_000, normalized: 0.04, versusLoop: "25.0× loop", note: "made up" },
      { value: 220_000, unit: "jobs/s", normalized: 0.05 },
    );
    const line = formatFigureLine(judged);
    expect(line).toMatch(/^made-up-rate +150 k jobs\/s +25\.0× loop +≥ 1\.50 M jobs\/s +FAIL /);
    expect(line).toMatch(/220 k jobs\/s +-20\.0% +SLOWDOWN ×1\.25 \(made up\)$/);
  });

  it("marks a passing figure and a change on raw values", () => {
    const judged = judgeFigure(
      rateDefinition,
      { value: 2e6, normalized: 0.5 },
      { value: 1e6, unit: "jobs/s" },
    );
    const line = formatFigureLine(judged);
    expect(line).toContain(" pass ");
    expect(line).toContain("+100.0%*");
    expect(line).not.toContain("SLOWDOWN");
  });

  it("says MORE MEMORY, not SLOWDOWN, for a size", () => {
    const judged = judgeFigure(
      memoryDefinition,
      { value: 300, normalized: 300 },
      { value: 200, unit: "MiB", normalized: 200 },
    );
    expect(formatFigureLine(judged)).toContain("MORE MEMORY ×1.50");
  });

  it("fails --strict on a missed target or a flag, not otherwise", () => {
    const passing = judgeFigure(rateDefinition, { value: 2e6, normalized: 1 }, undefined);
    const missing = judgeFigure(rateDefinition, { value: 1e6, normalized: 1 }, undefined);
    const { target: _, ...untargeted } = rateDefinition;
    const slower = judgeFigure(
      untargeted,
      { value: 1, normalized: 0.5 },
      { value: 1, unit: "jobs/s", normalized: 1 },
    );
    expect(failsStrict([passing])).toBe(false);
    expect(failsStrict([passing, missing])).toBe(true);
    expect(failsStrict([passing, slower])).toBe(true);
  });
});

describe("figures", () => {
  it("take medians (the middle one, or the mean of the middle two)", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it("derive perf-mm50's rate, its ratio to the loop and the relative costs from runs", () => {
    const runs: Record<string, Measurement[]> = {
      "perf-mm50": [
        { jobs: 1e6, cpuSeconds: 5, loopJobsPerCpuSecond: 4e6, peakRssMiB: 150 },
        { jobs: 1e6, cpuSeconds: 4, loopJobsPerCpuSecond: 5e6, peakRssMiB: 152 },
        { jobs: 1e6, cpuSeconds: 10, loopJobsPerCpuSecond: 2e6, peakRssMiB: 151 },
      ],
      overload: [{ jobs: 1e5, cpuSeconds: 2, loopJobsPerCpuSecond: 4e6, peakRssMiB: 140 }],
    };
    const caseRuns = {
      of: (name: string) => runs[name] ?? [],
      all: () => Object.values(runs).flat(),
    };
    const byId = (id: string) => {
      const definition = figureDefinitions.find((candidate) => candidate.id === id);
      if (definition === undefined) throw new Error(id);
      return definition.derive(caseRuns);
    };
    // Rates 200 k, 250 k, 100 k jobs/s; every run is 20× the loop (the load changed, not ccsim).
    expect(byId("perf-mm50").value).toBe(200_000);
    expect(byId("perf-mm50").normalized).toBeCloseTo(0.05, 12);
    expect(byId("perf-mm50-vs-loop").value).toBeCloseTo(20, 12);
    expect(byId("perf-mm50-rss").value).toBe(151);
    // Overload: 50 k jobs/s against a 4 M loop = 80× loop, 4× perf-mm50's cost per job.
    expect(byId("overload-cost").value).toBeCloseTo(4, 12);
    expect(byId("yardstick-mm50").value).toBe(4e6);
  });
});

describe("options", () => {
  const made = (name: string, extra: Partial<BenchCase> = {}): BenchCase => ({
    name,
    description: name,
    run: () => ({}),
    ...extra,
  });
  const cases = [
    made("perf-mm50"),
    made("overload", { needs: ["perf-mm50"] }),
    made("rss-10m", { optIn: true }),
  ];
  const names = (selected: readonly BenchCase[]) => selected.map((c) => c.name);

  it("run every case but the opt-in ones by default, all with --all", () => {
    expect(names(selectCases([], false, cases))).toEqual(["perf-mm50", "overload"]);
    expect(names(selectCases([], true, cases))).toEqual(["perf-mm50", "overload", "rss-10m"]);
  });

  it("bring along the cases a named case is relative to", () => {
    expect(names(selectCases(["overload"], false, cases))).toEqual(["perf-mm50", "overload"]);
    expect(names(selectCases(["rss-10m"], false, cases))).toEqual(["rss-10m"]);
  });

  it("default to three runs, one with --quick, and take --runs", () => {
    const full = parseBenchOptions([], cases);
    const quick = parseBenchOptions(["--quick"], cases);
    const five = parseBenchOptions(["--runs", "5", "--json", "--strict"], cases);
    expect("problems" in full ? full : full.runs).toBe(3);
    expect("problems" in quick ? quick : quick.runs).toBe(1);
    expect("problems" in five ? five : [five.runs, five.json, five.strict]).toEqual([
      5,
      true,
      true,
    ]);
  });

  it("report every problem at once, one line each", () => {
    const parsed = parseBenchOptions(["--runs", "0", "--update", "--quick", "nonsense"], cases);
    expect("problems" in parsed && parsed.problems).toEqual([
      '--runs must be a whole number ≥ 1 (got "0")',
      'unknown case "nonsense": the cases are perf-mm50, overload, rss-10m',
      "--update records full-size figures: it cannot go with --quick",
    ]);
    const unknownOption = parseBenchOptions(["--fast"], cases);
    expect("problems" in unknownOption && unknownOption.problems).toHaveLength(1);
  });
});

describe("bash's times", () => {
  it("gives the children's user + system seconds", () => {
    expect(childCpuSecondsOfTimes("0m0.001s 0m0.002s\n0m0.350s 0m0.060s\n")).toBeCloseTo(0.41, 10);
    expect(childCpuSecondsOfTimes("0m0.000s 0m0.000s\n1m2.500s 0m0.500s")).toBeCloseTo(63, 10);
    expect(() => childCpuSecondsOfTimes("nonsense")).toThrow(/times/);
  });
});
