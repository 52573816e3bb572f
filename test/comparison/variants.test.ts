import { describe, expect, it } from "vitest";
import { modeVariants } from "../../src/comparison/index.ts";
import type { RouterEvent } from "../../src/router/index.ts";
import { loadScenario, type Scenario } from "../../src/scenario/index.ts";
import { runReplication } from "../../src/simulate.ts";
import { DISTRIBUTION_MODE_KINDS } from "../../src/vocabulary/index.ts";

/** Per job of replication 0: when it arrived, and when it was abandoned (if it was). */
function customersOf(scenario: Parameters<typeof runReplication>[0]) {
  const arrived = new Map<string, number>();
  const abandoned = new Map<string, number>();
  const onEvent = (event: RouterEvent) => {
    if (event.type === "RouterJobReceived") arrived.set(event.jobId, event.timeSeconds);
    if (event.type === "RouterJobCancelled" && event.dispositionCode === "Abandoned") {
      abandoned.set(event.jobId, event.timeSeconds - (arrived.get(event.jobId) as number));
    }
  };
  runReplication(scenario, { replication: 0, onEvent });
  return { arrived, abandoned };
}

/** A policy with its mode's kind and scoring rule left out. */
function withoutKindAndRule(policy: Scenario["distributionPolicies"][number] | undefined) {
  if (policy === undefined) return undefined;
  const { kind: _kind, scoringRule: _rule, ...mode } = policy.mode;
  return { ...policy, mode };
}

describe("modeVariants", () => {
  it("replaces every policy's mode kind and keeps everything else, the seed included", async () => {
    const scenario = await loadScenario("scenarios/multi-skill.yaml");
    const variants = modeVariants(scenario, DISTRIBUTION_MODE_KINDS);
    expect(variants.map((variant) => variant.name)).toEqual([...DISTRIBUTION_MODE_KINDS]);
    for (const { name, scenario: variant } of variants) {
      expect(variant.seed).toBe(scenario.seed);
      for (const [index, policy] of variant.distributionPolicies.entries()) {
        const original = scenario.distributionPolicies[index];
        expect(policy.mode.kind).toBe(name);
        // Offer limits, selector bypass and scoring options stay; the rule only with best worker.
        expect(withoutKindAndRule(policy)).toEqual(withoutKindAndRule(original));
        if (name !== "bestWorker") expect(policy.mode.scoringRule).toBeUndefined();
      }
      expect({ ...variant, distributionPolicies: [] }).toEqual({
        ...scenario,
        distributionPolicies: [],
      });
    }
  });

  it("gives every variant the same customers: arrival times and patience, job by job", async () => {
    const scenario = await loadScenario("scenarios/multi-skill.yaml");
    const [first, ...others] = modeVariants(scenario, DISTRIBUTION_MODE_KINDS).map((variant) =>
      customersOf(variant.scenario),
    );
    expect(first?.arrived.size).toBeGreaterThan(100);
    for (const other of others) {
      expect(other.arrived).toEqual(first?.arrived);
      // A customer abandoned in two variants waited the same patience in both.
      let shared = 0;
      for (const [jobId, patience] of other.abandoned) {
        const before = first?.abandoned.get(jobId);
        if (before === undefined) continue;
        shared++;
        expect(patience, jobId).toBe(before);
      }
      expect(shared).toBeGreaterThan(0);
    }
  });
});
