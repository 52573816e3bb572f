/**
 * Every shipped scenario (scenarios/*.yaml) validates and runs: a full-horizon replication
 * without invariant checks (fast), and the first hour with invariants checked after every
 * event; both account for every job. The quickstart's events.jsonl is a golden file.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenario, readTraces, type Scenario } from "../../src/scenario/index.ts";
import { runReplication } from "../../src/simulate.ts";
import { eventGridLines, type Run, runScenario } from "../world/harness.ts";

const FILES = readdirSync("scenarios")
  .filter((name) => name.endsWith(".yaml"))
  .sort();

/** Jobs received = jobs ended (each once) + jobs left in the system (no warm-up). */
function expectEveryJobAccounted(run: Run): void {
  const received = new Set<string>();
  const ended = new Set<string>();
  for (const event of run.events) {
    if (event.type === "RouterJobReceived") received.add(event.jobId);
    if (
      event.type === "RouterJobClosed" ||
      event.type === "RouterJobCancelled" ||
      event.type === "RouterJobClassificationFailed"
    ) {
      expect(ended.has(event.jobId)).toBe(false);
      ended.add(event.jobId);
    }
  }
  expect(run.result.metrics.overall.arrived).toBe(received.size);
  const stillIn = [...received].filter((jobId) => !ended.has(jobId)).length;
  expect(stillIn).toBe(run.result.metrics.overall.inSystemAtEnd);
}

describe.each(FILES)("scenarios/%s", (file) => {
  const load = () => loadScenario(`scenarios/${file}`);

  it("runs its full horizon", async () => {
    const scenario = await load();
    let received = 0;
    const result = runReplication(scenario, {
      replication: 0,
      traces: readTraces(scenario),
      onEvent: (event) => {
        if (event.type === "RouterJobReceived") received++;
      },
    });
    const overall = result.metrics.overall;
    expect(received).toBeGreaterThan(0);
    expect(overall.arrived).toBeGreaterThan(0);
    expect(overall.assigned).toBeGreaterThan(0);
    expect(overall.serviceLevel).toBeGreaterThanOrEqual(0);
    expect(overall.serviceLevel).toBeLessThanOrEqual(1);
    expect(overall.utilization).toBeGreaterThan(0);
    expect(overall.utilization).toBeLessThanOrEqual(1);
    expect(result.endTimeSeconds).toBeGreaterThanOrEqual(scenario.horizonSeconds);
    expect(result.endTimeSeconds).toBeLessThanOrEqual(
      scenario.horizonSeconds + scenario.drainSeconds,
    );
  });

  it("keeps every invariant over its first hour and accounts for every job", async () => {
    const full = await load();
    // Without warm-up every job counts, so the metrics can be checked against the events.
    const scenario: Scenario = {
      ...full,
      horizonSeconds: Math.min(full.horizonSeconds, 3600),
      warmupSeconds: 0,
    };
    const run = runScenario(scenario);
    expect(run.result.metrics.overall.arrived).toBeGreaterThan(0);
    expectEveryJobAccounted(run);
  });
});

describe("the quickstart's events.jsonl", () => {
  it("matches the golden file", async () => {
    const scenario = await loadScenario("scenarios/quickstart.yaml");
    const run = runScenario(scenario);
    await expect(eventGridLines(scenario, run.events)).toMatchFileSnapshot(
      "__snapshots__/quickstart.events.jsonl",
    );
  });
});
