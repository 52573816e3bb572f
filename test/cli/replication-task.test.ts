/**
 * A replication task hands control back every few thousand events, not only between chunks of
 * simulated time, and during the setup of a large center (a step per worker): a run whose clock
 * stands still, or that is still registering workers, can be stopped (Ctrl-C) between slices,
 * and slicing never changes a result.
 */
import { describe, expect, it } from "vitest";
import { runReplicationTask } from "../../src/cli/run/replication-task.ts";
import { ScenarioRunError } from "../../src/errors.ts";
import { loadScenario } from "../../src/scenario/index.ts";
import { Replication, type ReplicationResult, runReplication } from "../../src/simulate.ts";
import { scenarioOf } from "../world/harness.ts";

const task = async (file: string) => ({
  scenario: await loadScenario(file),
  traces: new Map(),
  replication: 0,
  checkInvariants: false,
});

describe("runReplicationTask", () => {
  it("asks whether to go on while the clock stands still, and stops when told", async () => {
    // The decline loop stalls at the first arrival, inside the first chunk of simulated time.
    const progressSeen: number[] = [];
    const result = await runReplicationTask(
      await task("test/fixtures/limits/decline-loop.yaml"),
      (progress) => {
        progressSeen.push(progress);
        return progressSeen.length < 3;
      },
    );
    expect(result).toBeNull();
    expect(progressSeen).toHaveLength(3);
    // Still in the first chunk (18 s of a 1 h horizon): the asking came from event slices.
    expect(progressSeen.every((progress) => progress < 1 / 200)).toBe(true);
  }, 60_000);

  it("left alone, the same run ends in a ScenarioRunError naming the field", async () => {
    const error = await runReplicationTask(
      await task("test/fixtures/limits/decline-loop.yaml"),
      () => true,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScenarioRunError);
    expect((error as ScenarioRunError).problems.map((problem) => problem.path)).toEqual([
      ["workers", 0, "behavior", "declineRetryAfter"],
    ]);
  }, 60_000);

  it("slices change nothing: the same metrics as one uninterrupted run", async () => {
    const { scenario } = await task("test/fixtures/world/small-random.yaml");
    const whole = runReplication(scenario, { replication: 0 });
    const replication = new Replication(scenario, { replication: 0 });
    let slices = 0;
    let result: ReplicationResult | null = null;
    for (let target = 60; result === null; slices++) {
      result = replication.advance(target, 25);
      if (replication.reachedLastTarget) target += 60;
    }
    expect(slices).toBeGreaterThan(whole.eventsFired / 25);
    expect(result.metrics).toEqual(whole.metrics);
    expect(result.eventsFired).toBe(whole.eventsFired);
  }, 60_000);

  it("pauses while it sets up a large center, a step per worker, and ends the same", () => {
    const workers = 2_000;
    const scenario = scenarioOf(`
horizon: 10m
distributionPolicies: [{ id: p, offerExpiresAfterSeconds: 20, mode: { kind: longestIdle } }]
queues: [{ id: q, distributionPolicyId: p }]
workers:
  - { id: agent, count: ${workers}, capacity: 1, queues: [q], channels: [{ channelId: voice, capacityCostPerJob: 1 }] }
arrivals:
  - { id: call, channelId: voice, queueId: q, arrival: { kind: poisson, ratePerHour: 600 }, handleTime: 2m }
`);
    const whole = runReplication(scenario, { replication: 0 });
    const replication = new Replication(scenario, { replication: 0 });
    const budget = 100;
    let setupSlices = 0;
    // Creating and registering 2,000 workers is 4,000 steps: 40 slices before any event fires.
    while (replication.advance(60, budget) === null && !replication.reachedLastTarget) {
      setupSlices++;
      if (replication.nowSeconds === 0 && setupSlices > 1000) break;
    }
    expect(setupSlices).toBeGreaterThanOrEqual((2 * workers) / budget - 1);
    let result: ReplicationResult | null = null;
    for (let target = 120; result === null; ) {
      result = replication.advance(target, budget);
      if (replication.reachedLastTarget) target += 60;
    }
    expect(result.metrics).toEqual(whole.metrics);
    expect(result.eventsFired).toBe(whole.eventsFired);
  }, 60_000);
});
