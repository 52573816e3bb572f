/**
 * The bench's note when its baseline comes from another machine: every differing part of the
 * machine is named, and none is named when the machines agree or no baseline was recorded.
 */
import { describe, expect, it } from "vitest";
import { machineDifference } from "../../bench/baseline.ts";

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
