/** The router forgets ended jobs: its heap does not grow with the number of jobs passed. */
import { describe, expect, it } from "vitest";
import { runGcProbe } from "../support/gc-probe.ts";

const PROBE = new URL("./memory-probe.ts", import.meta.url);

interface ProbeResult {
  heapUsedBytes: number;
  liveJobCount: number;
  jobSlotCount: number;
  rememberedOfferCount: number;
  pendingEvents: number;
}

function probe(jobCount: number): ProbeResult {
  return runGcProbe<ProbeResult>(PROBE, jobCount);
}

describe("Router memory", () => {
  it("retains no more heap after 500,000 jobs than after 50,000", () => {
    const small = probe(50_000);
    const large = probe(500_000);
    for (const result of [small, large]) {
      expect(result.liveJobCount).toBe(0);
      expect(result.jobSlotCount).toBe(1);
      expect(result.rememberedOfferCount).toBe(0);
      expect(result.pendingEvents).toBe(0);
    }
    // Any per-job leftover (a map entry is ≥ 50 bytes) would add ≥ 22 MB over 450,000 jobs.
    expect(large.heapUsedBytes - small.heapUsedBytes).toBeLessThan(1024 * 1024);
  }, 60_000);
});
