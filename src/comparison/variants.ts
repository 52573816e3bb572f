/**
 * The variants a comparison runs: copies of one scenario that differ in one respect and share
 * everything else, the seed included, so that replication i of every variant sees the same
 * customers (random streams are keyed per arrival stream and per worker, not drawn in the order
 * the router happens to ask). Pure: scenarios in, scenarios out.
 */
import type { Scenario } from "../scenario/index.ts";
import type { DistributionModeKind } from "../vocabulary/index.ts";

/** One scenario of a comparison, with the name it is reported under. */
export interface Variant {
  readonly name: string;
  readonly scenario: Scenario;
}

/**
 * One variant per distribution mode, in the order given: every distribution policy's
 * `mode.kind` replaced, its offer limits and selector bypass kept. A scoring rule belongs to best
 * worker alone, so it is kept only there (best worker without one scores by labels and
 * selectors, the service's default).
 */
export function modeVariants(
  scenario: Scenario,
  kinds: readonly DistributionModeKind[],
): Variant[] {
  return kinds.map((kind) => ({
    name: kind,
    scenario: {
      ...scenario,
      distributionPolicies: scenario.distributionPolicies.map((policy) => {
        const { scoringRule, ...mode } = policy.mode;
        const keepsRule = kind === "bestWorker" && scoringRule !== undefined;
        return { ...policy, mode: { ...mode, kind, ...(keepsRule ? { scoringRule } : {}) } };
      }),
    },
  }));
}
