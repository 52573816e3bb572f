/**
 * The bench's profile summary on a made-up V8 profile: self time summed per node and per part
 * (src/ folders, router/ one level deeper, dependencies by package, node internals, V8's own
 * entries), idle samples left out of the shares, and the top functions in order.
 */
import { describe, expect, it } from "vitest";
import {
  type CpuProfile,
  formatProfileSummary,
  partOfUrl,
  summarizeProfiles,
} from "../../bench/profile.ts";

const frame = (functionName: string, url: string, lineNumber = 0) => ({
  functionName,
  url,
  lineNumber,
});

const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)", "") },
    { id: 2, callFrame: frame("matchJob", "file:///repo/src/router/distribution/matching.ts", 40) },
    { id: 3, callFrame: frame("core", "file:///repo/dist/router/core.js", 9) },
    { id: 4, callFrame: frame("observe", "file:///repo/src/metrics/collector.ts") },
    { id: 5, callFrame: frame("(garbage collector)", "") },
    { id: 6, callFrame: frame("(idle)", "") },
    { id: 7, callFrame: frame("parse", "file:///repo/node_modules/yaml/dist/index.js", 3) },
    { id: 8, callFrame: frame("runMmcLoop", "file:///repo/bench/yardstick/mm-loop.ts") },
  ],
  // Busy: node 2 three samples of 10 µs, node 3 one of 20, node 4 one of 10, GC 10, yaml 5,
  // the loop 5: 80 µs in all; idle 1,000.
  samples: [2, 2, 3, 2, 4, 5, 6, 7, 8],
  timeDeltas: [10, 10, 20, 10, 10, 10, 1000, 5, 5],
};

describe("bench profile summary", () => {
  it("names the part of a url", () => {
    expect(partOfUrl("file:///r/src/router/jobs/job-flow.ts", "f")).toBe("router/jobs");
    expect(partOfUrl("file:///r/src/router/router.ts", "f")).toBe("router");
    expect(partOfUrl("file:///r/dist/metrics/collector.js", "f")).toBe("metrics");
    expect(partOfUrl("file:///r/src/simulate.ts", "f")).toBe("simulate.ts");
    expect(partOfUrl("file:///r/node_modules/@scope/pkg/x.js", "f")).toBe(
      "node_modules/@scope/pkg",
    );
    expect(partOfUrl("node:internal/modules/esm/utils", "f")).toBe("node internals");
    expect(partOfUrl("", "(garbage collector)")).toBe("(garbage collector)");
    expect(partOfUrl("", "fstat")).toBe("(native)");
    expect(partOfUrl("file:///r/bench/yardstick/mm-loop.ts", "f")).toBe("bench yardstick");
  });

  it("sums self time by part and by function, leaving idle time out of the shares", () => {
    const summary = summarizeProfiles([profile, profile]);
    expect(summary.totalMicroseconds).toBe(2 * 80);
    expect(summary.idleMicroseconds).toBe(2 * 1000);
    // Most time first; equal times by name.
    expect(summary.parts.map((row) => [row.name, row.microseconds])).toEqual([
      ["router/distribution", 60],
      ["router", 40],
      ["(garbage collector)", 20],
      ["metrics", 20],
      ["bench yardstick", 10],
      ["node_modules/yaml", 10],
    ]);
    expect(summary.functions[0]).toEqual({
      name: "matchJob src/router/distribution/matching.ts:41",
      microseconds: 60,
      share: 60 / 160,
    });
    expect(summary.functions.map((row) => row.name)).toContain("observe src/metrics/collector.ts");
  });

  it("keeps only the top functions asked for and prints shares in percent", () => {
    const summary = summarizeProfiles([profile], 2);
    expect(summary.functions).toHaveLength(2);
    const lines = formatProfileSummary("perf-mm50", summary);
    expect(lines[0]).toMatch(/^profile of perf-mm50: 0\.00 s busy \(0\.00 s idle left out\)/);
    expect(lines).toContain("   37.5%  router/distribution");
  });
});
