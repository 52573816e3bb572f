/**
 * A group's staffing vector in whole runs: in interval k exactly the first staffing[k] people are
 * registered, people come and go at interval boundaries, and intervals.csv's staffedWorkers
 * equals the vector when nobody holds a job across a boundary.
 */
import { describe, expect, it } from "vitest";
import { shiftsFromStaffing } from "../../src/world/staffing-duty.ts";
import { runYaml, trace } from "./harness.ts";

const STAFFED_DAY = `horizon: 1h
intervalLength: 15m
drain: 1h
distributionPolicies:
  - id: policy
    offerExpiresAfterSeconds: 60
    mode: { kind: longestIdle }
queues:
  - id: q
    distributionPolicyId: policy
workers:
  - id: w
    capacity: 1
    queues: [q]
    channels: [{ channelId: voice, capacityCostPerJob: 1 }]
    staffing: [2, 0, 3, 1]
arrivals:
  - id: calls
    channelId: voice
    queueId: q
    arrival: { kind: scripted, at: [100s, 2000s, 2010s, 3000s] }
    handleTime: 30s
`;

describe("shiftsFromStaffing", () => {
  it("merges the intervals where the person's index is below the count", () => {
    expect(shiftsFromStaffing([2, 2, 0, 3, 1], 0, 60)).toEqual([
      { startSeconds: 0, endSeconds: 120 },
      { startSeconds: 180, endSeconds: Number.POSITIVE_INFINITY },
    ]);
    expect(shiftsFromStaffing([2, 2, 0, 3, 1], 1, 60)).toEqual([
      { startSeconds: 0, endSeconds: 120 },
      { startSeconds: 180, endSeconds: 240 },
    ]);
    expect(shiftsFromStaffing([2, 2, 0, 3, 1], 2, 60)).toEqual([
      { startSeconds: 180, endSeconds: 240 },
    ]);
    expect(shiftsFromStaffing([2, 2, 0, 3, 1], 3, 60)).toEqual([]);
  });
});

describe("a staffing vector in a run", () => {
  const run = runYaml(STAFFED_DAY);

  it("makes the group as large as the vector's maximum", () => {
    expect(run.scenario.workers[0]?.count).toBe(3);
  });

  it("registers and deregisters people at the interval boundaries", () => {
    expect(trace(run.events, "RouterWorkerRegistered", "RouterWorkerDeregistered")).toEqual([
      "0 WorkerRegistered w-1",
      "0 WorkerRegistered w-2",
      "900 WorkerDeregistered w-1",
      "900 WorkerDeregistered w-2",
      "1800 WorkerRegistered w-1",
      "1800 WorkerRegistered w-2",
      "1800 WorkerRegistered w-3",
      "2700 WorkerDeregistered w-2",
      "2700 WorkerDeregistered w-3",
    ]);
  });

  it("staffs each interval with exactly the vector's count", () => {
    const staffed = run.result.metrics.intervals
      .filter((row) => row.queueId === "q")
      .map((row) => row.staffedWorkers);
    expect(staffed).toEqual([2, 0, 3, 1]);
  });
});
