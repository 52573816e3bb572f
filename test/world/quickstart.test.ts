/**
 * The Job Router quickstart as a run: the seed example of the scenario contract, event by event
 * with exact times (offer accepted 2 s after issue, completed 120 s later, then closed).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runYaml, trace } from "./harness.ts";

describe("the quickstart scenario", () => {
  const run = runYaml(
    readFileSync("scenarios/quickstart.yaml", "utf8"),
    "scenarios/quickstart.yaml",
  );

  it("registers, offers, accepts after 2 s, completes 120 s later and closes", () => {
    expect(trace(run.events)).toEqual([
      "0 WorkerRegistered worker-1",
      "0 JobReceived job-1",
      "0 JobQueued job-1",
      "0 WorkerOfferIssued worker-1 job-1",
      "2 WorkerOfferAccepted worker-1 job-1",
      "122 JobCompleted worker-1 job-1",
      "122 JobClosed worker-1 job-1",
    ]);
  });

  it("stops when the last job ends, with nothing in the system", () => {
    expect(run.result.endTimeSeconds).toBe(122);
    expect(run.result.metrics.overall.inSystemAtEnd).toBe(0);
    expect(run.result.metrics.overall.arrived).toBe(1);
  });
});
