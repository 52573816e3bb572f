/**
 * The bench's baselines: a record per machine, a run compared with its own machine's record,
 * and the note when it has to be compared with another machine's (every differing part of the
 * machine named, none when the machines agree or no baseline was recorded).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  baselineFor,
  machineDifference,
  NO_BASELINE,
  readBaselineFile,
  withMachineRecord,
  writeBaselineFile,
} from "../../bench/baseline.ts";

const here = { cpus: "2 × Intel(R) Xeon(R) Processor", platform: "linux/x64", node: "v20.20.2" };

describe("machineDifference", () => {
  it("is null for the same machine, and without a recorded context", () => {
    expect(machineDifference({ ...here }, here)).toBeNull();
    expect(machineDifference(undefined, here)).toBeNull();
  });

  it("names the CPU that differs, with both sides", () => {
    const there = { ...here, cpus: "2 × AMD EPYC" };
    expect(machineDifference(there, here)).toBe(
      "cpus 2 × AMD EPYC there, 2 × Intel(R) Xeon(R) Processor here",
    );
  });

  it("names every differing part, CPU, platform and Node", () => {
    const there = { cpus: "4 × AMD EPYC", platform: "linux/arm64", node: "v20.19.0" };
    const line = machineDifference(there, here) ?? "";
    expect(line.split("; ")).toHaveLength(3);
    expect(line).toContain("platform linux/arm64 there, linux/x64 here");
    expect(line).toContain("node v20.19.0 there, v20.20.2 here");
  });
});

describe("a baseline per machine", () => {
  const xeon = { ...here, cpus: "2 × Intel(R) Xeon(R) Processor" };
  const epyc = { ...here, cpus: "2 × AMD EPYC" };
  const context = (machine: typeof here, recordedAt: string) => ({
    ...machine,
    recordedAt,
    runs: 5,
    loadAverageAtStart: 0.5,
    loadAverageAtEnd: 1,
  });
  const figure = (value: number) => ({ value, unit: "jobs/s", normalized: value / 1e6 });
  const onXeon = {
    context: context(xeon, "2026-12-01T10:00:00.000Z"),
    figures: { "perf-mm50": figure(700_000), events: figure(130_000) },
  };
  const onEpyc = {
    context: context(epyc, "2026-12-02T10:00:00.000Z"),
    figures: { "perf-mm50": figure(500_000) },
  };

  it("compares a run with its own machine's record, whichever was recorded last", () => {
    const file = { format: 3 as const, machines: [onXeon, onEpyc] };
    expect(baselineFor(file, xeon)).toBe(onXeon);
    expect(baselineFor(file, epyc)).toBe(onEpyc);
  });

  it("falls back to the latest record of another machine, and to none without records", () => {
    const file = { format: 3 as const, machines: [onEpyc, onXeon] };
    const arm = { ...here, platform: "linux/arm64" };
    expect(baselineFor(file, arm)).toBe(onEpyc);
    expect(baselineFor({ format: 3, machines: [] }, arm)).toBe(NO_BASELINE);
  });

  it("records over the same machine's record and adds another machine's", () => {
    const file = { format: 3 as const, machines: [onXeon] };
    const again = { ...onXeon, context: context(xeon, "2026-12-03T10:00:00.000Z") };
    expect(withMachineRecord(file, again).machines).toEqual([again]);
    expect(withMachineRecord(file, onEpyc).machines).toEqual([onXeon, onEpyc]);
    expect(file.machines).toEqual([onXeon]);
    expect(() => withMachineRecord(file, { figures: {} })).toThrow(/context/);
  });

  it("reads a format-2 file as one machine's record, and refuses other shapes", () => {
    const folder = mkdtempSync(join(tmpdir(), "ccsim-baseline-"));
    try {
      const path = join(folder, "baseline.json");
      writeFileSync(path, JSON.stringify({ format: 2, ...onXeon }));
      expect(readBaselineFile(path)).toEqual({ format: 3, machines: [onXeon] });
      writeBaselineFile(path, { format: 3, machines: [onXeon, onEpyc] });
      expect(readBaselineFile(path).machines).toEqual([onXeon, onEpyc]);
      writeFileSync(path, JSON.stringify({ format: 3, figures: {} }));
      expect(() => readBaselineFile(path)).toThrow(/not a format-3/);
      expect(readBaselineFile(join(folder, "absent.json"))).toEqual({ format: 3, machines: [] });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
