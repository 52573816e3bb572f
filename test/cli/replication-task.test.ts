/**
 * A replication task hands control back every few thousand events, not only between chunks of
 * simulated time: a run whose clock stands still can still be stopped (Ctrl-C) between slices,
 * and slicing never changes a result.
 */
import { describe, expect, it } from "vitest";
import { runReplicationTask } from "../../src/cli/run/replication-task.ts";
import { ScenarioRunError } from "../../src/errors.ts";
import { loadScenario } from "../../src/scenario/index.ts";
import { Replication, type ReplicationResult, runReplication } from "../../src/simulate.ts";

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
});
