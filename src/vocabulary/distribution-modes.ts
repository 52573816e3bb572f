/**
 * The distribution modes of a distribution policy (reference §3.4), declared once: the scenario
 * schema's `mode.kind` enum and the router's mode registry (`router/distribution/modes/`) both derive from
 * `DISTRIBUTION_MODE_TRAITS`, so a mode added here must be given a strategy there or the
 * router does not compile.
 */
import { isKeyOf, keysOf } from "./registry-keys.ts";

/** What the rest of the simulator must know about a mode without running it. */
export interface DistributionModeTraits {
  /** Whether the mode ranks workers by a score, so `scoringRule`/`scoringRuleOptions` apply. */
  readonly scored: boolean;
}

/** Every mode by its API name (insertion order = API order). */
export const DISTRIBUTION_MODE_TRAITS = {
  longestIdle: { scored: false },
  roundRobin: { scored: false },
  bestWorker: { scored: true },
} as const satisfies Record<string, DistributionModeTraits>;

/** One distribution mode kind, by its API name. */
export type DistributionModeKind = keyof typeof DISTRIBUTION_MODE_TRAITS;

/** The mode kinds in API order (for schemas, option lists and generators). */
export const DISTRIBUTION_MODE_KINDS = keysOf(DISTRIBUTION_MODE_TRAITS);

/** Whether `value` names a distribution mode (own keys only). */
export function isDistributionModeKind(value: unknown): value is DistributionModeKind {
  return isKeyOf(DISTRIBUTION_MODE_TRAITS, value);
}

/** The inputs a best-worker scoring rule may receive, in API order. */
export const SCORING_PARAMETERS = Object.freeze(["jobLabels", "workerSelectors"] as const);

/** One scoring parameter of `scoringRuleOptions.scoringParameters`. */
export type ScoringParameter = (typeof SCORING_PARAMETERS)[number];
