/**
 * `random/` and `scenario/` each declare `DistributionSpec` (neither may import the other);
 * this pins them to the same shape, at compile time (tsc --noEmit covers test/) and at run time.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { createDistribution, type DistributionSpec } from "../../src/random/index.ts";
import type { DistributionSpec as ScenarioDistributionSpec } from "../../src/scenario/types.ts";

describe("DistributionSpec", () => {
  it("is the same type in random/ and scenario/", () => {
    expectTypeOf<ScenarioDistributionSpec>().toEqualTypeOf<DistributionSpec>();
    const fromScenario: ScenarioDistributionSpec = { kind: "erlang", k: 2, mean: 10 };
    expect(createDistribution(fromScenario).mean).toBe(10);
  });
});
