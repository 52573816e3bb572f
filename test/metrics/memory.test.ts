import { describe, expect, it } from "vitest";
import { runGcProbe } from "../support/gc-probe.ts";
import { runSyntheticLoad } from "./synthetic-load.ts";

const PROBE = new URL("./memory-probe.ts", import.meta.url);

interface ProbeResult {
  heapUsedBytes: number;
  liveJobCount: number;
  arrived: number;
}

function probe(jobCount: number): ProbeResult {
  return runGcProbe<ProbeResult>(PROBE, jobCount);
}

describe("MetricsCollector memory", () => {
  it("keeps per-job state only while a job is in the system, over 2 million jobs", () => {
    const { collector, metrics, maxLiveJobs } = runSyntheticLoad(2_000_000);
    expect(collector.liveJobCount).toBe(0);
    // Five answered jobs overlap (each is closed five arrivals later); an abandoning job is
    // cancelled one arrival later, when one of those five has already been closed.
    expect(maxLiveJobs).toBe(5);
    expect(collector.workerCount).toBe(20);
    expect(metrics.intervals).toHaveLength(2 * 40);
    expect(metrics.overall.arrived).toBe(2_000_000);
    expect(metrics.overall.abandoned).toBe(200_000);
    // Nine jobs in ten hold one of 20 workers for five arrival steps: 0.9 × 5 / 20.
    expect(metrics.overall.utilization).toBeCloseTo(0.225, 5);
    // One job in ten waits one arrival step: a time-average of 0.1 queued.
    expect(metrics.overall.queueLengthMean).toBeCloseTo(0.1, 9);
  });

  it("retains no more heap after 2 million jobs than after 200,000", () => {
    const small = probe(200_000);
    const large = probe(2_000_000);
    expect(small.arrived).toBe(200_000);
    expect(large.arrived).toBe(2_000_000);
    expect(large.liveJobCount).toBe(0);
    // Any per-job leftover (a map entry is ≥ 50 bytes) would add ≥ 90 MB over 1.8 million jobs.
    expect(large.heapUsedBytes - small.heapUsedBytes).toBeLessThan(1024 * 1024);
  });
});
