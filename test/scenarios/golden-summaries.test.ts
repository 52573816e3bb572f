/**
 * Golden summary.json of every shipped scenario: replication 0 of its own seed, horizon cut to
 * at most 2 h (warm-up and drain kept), compared byte for byte with
 * __snapshots__/<name>.summary.json, so that any change in any metric shows up as a reviewed diff.
 * After an intended change, regenerate and review: `npx vitest run test/scenarios -u`, then
 * `git diff test/scenarios/__snapshots__`.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { aggregateReplications } from "../../src/metrics/index.ts";
import { renderSummaryJson } from "../../src/report/index.ts";
import { loadScenario, readTraces, type Scenario } from "../../src/scenario/index.ts";
import { runReplication } from "../../src/simulate.ts";

/** Long enough for every scenario's queues to fill and its exceptions to fire. */
const GOLDEN_HORIZON_SECONDS = 2 * 3600;

const FILES = readdirSync("scenarios")
  .filter((name) => name.endsWith(".yaml"))
  .sort();

describe.each(FILES)("scenarios/%s", (file) => {
  it("gives the golden summary.json (1 replication, its seed, at most 2 h)", async () => {
    const full = await loadScenario(`scenarios/${file}`);
    const scenario: Scenario = {
      ...full,
      replications: 1,
      horizonSeconds: Math.min(full.horizonSeconds, GOLDEN_HORIZON_SECONDS),
    };
    expect(scenario.warmupSeconds).toBeLessThan(scenario.horizonSeconds);
    const result = runReplication(scenario, { replication: 0, traces: readTraces(scenario) });
    const summary = aggregateReplications([result.metrics]);
    expect(summary.overall.arrived.mean).toBeGreaterThan(0);
    const text = renderSummaryJson(
      {
        scenario: scenario.name,
        seed: scenario.seed,
        horizonSeconds: scenario.horizonSeconds,
        warmupSeconds: scenario.warmupSeconds,
        serviceLevelThresholdSeconds: scenario.serviceLevelThresholdSeconds,
      },
      summary,
    );
    await expect(text).toMatchFileSnapshot(
      `__snapshots__/${file.replace(/\.yaml$/, "")}.summary.json`,
    );
  });
});
