/**
 * Shifts in whole runs: a worker registers at a shift's start and deregisters at its end; a job
 * held at the end is drained (completed after the shift); adjacent shifts keep the worker
 * registered; a worker unavailable for offers and without shifts never registers.
 */
import { describe, expect, it } from "vitest";
import { ONE_QUEUE, oneWorker, runYaml, scriptedJobs, trace } from "./harness.ts";

const HEAD = "horizon: 10m\ndrain: 1h\n";
const WORKER_EVENTS = ["RouterWorkerRegistered", "RouterWorkerDeregistered"] as const;

describe("shifts", () => {
  it("registers at the start, deregisters at the end while holding a job, which completes", () => {
    const run = runYaml(
      HEAD +
        ONE_QUEUE +
        oneWorker("{}", "    shifts: [{ start: 100s, end: 180s }]") +
        scriptedJobs([50, 150, 190], "100s", "    patience: 60s"),
    );
    expect(trace(run.events).filter((line) => !/Job(Received|Queued)/.test(line))).toEqual([
      "100 WorkerRegistered w1",
      "100 WorkerOfferIssued w1 job-1",
      "100 WorkerOfferAccepted w1 job-1",
      "180 WorkerDeregistered w1",
      "200 JobCompleted w1 job-1",
      "200 JobClosed w1 job-1",
      "210 JobCancelled job-2",
      "250 JobCancelled job-3",
    ]);
  });

  it("offers no new job at the shift's end to a worker finishing at that instant", () => {
    const run = runYaml(
      HEAD +
        ONE_QUEUE +
        oneWorker("{}", "    shifts: [{ start: 100s, end: 200s }]") +
        scriptedJobs([100, 150], "100s", "    patience: 70s"),
    );
    expect(trace(run.events).filter((line) => !/Job(Received|Queued)/.test(line))).toEqual([
      "100 WorkerRegistered w1",
      "100 WorkerOfferIssued w1 job-1",
      "100 WorkerOfferAccepted w1 job-1",
      "200 WorkerDeregistered w1",
      "200 JobCompleted w1 job-1",
      "200 JobClosed w1 job-1",
      "220 JobCancelled job-2",
    ]);
  });

  it("drains a job still held at the shift's end", () => {
    const run = runYaml(
      HEAD +
        ONE_QUEUE +
        oneWorker("{}", "    shifts: [{ start: 0, end: 100s }]") +
        scriptedJobs([50], "2m"),
    );
    expect(trace(run.events).filter((line) => !/Job(Received|Queued)/.test(line))).toEqual([
      "0 WorkerRegistered w1",
      "50 WorkerOfferIssued w1 job-1",
      "50 WorkerOfferAccepted w1 job-1",
      "100 WorkerDeregistered w1",
      "170 JobCompleted w1 job-1",
      "170 JobClosed w1 job-1",
    ]);
  });

  it("keeps the worker registered across adjacent shifts, in either order", () => {
    for (const shifts of [
      "[{ start: 0, end: 100s }, { start: 100s, end: 200s }]",
      "[{ start: 100s, end: 200s }, { start: 0, end: 100s }]",
    ]) {
      const run = runYaml(
        HEAD + ONE_QUEUE + oneWorker("{}", `    shifts: ${shifts}`) + scriptedJobs([0], "1s"),
      );
      expect(trace(run.events, ...WORKER_EVENTS)).toEqual([
        "0 WorkerRegistered w1",
        "200 WorkerDeregistered w1",
      ]);
    }
  });

  it("registers again at each later shift", () => {
    const run = runYaml(
      HEAD +
        ONE_QUEUE +
        oneWorker("{}", "    shifts: [{ start: 0, end: 1m }, { start: 2m, end: 3m }]") +
        scriptedJobs([0], "1s"),
    );
    expect(trace(run.events, ...WORKER_EVENTS)).toEqual([
      "0 WorkerRegistered w1",
      "60 WorkerDeregistered w1",
      "120 WorkerRegistered w1",
      "180 WorkerDeregistered w1",
    ]);
  });

  it("never registers a worker unavailable for offers without shifts", () => {
    const run = runYaml(
      "horizon: 60s\ndrain: 60s\n" +
        ONE_QUEUE +
        oneWorker("{}", "    availableForOffers: false") +
        scriptedJobs([0], "1s"),
    );
    expect(trace(run.events, ...WORKER_EVENTS)).toEqual([]);
    expect(run.result.metrics.overall.inSystemAtEnd).toBe(1);
  });
});
