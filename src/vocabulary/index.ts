/**
 * The simulator's shared vocabulary: label operators, distribution mode kinds and distribution
 * specs, each declared once. A leaf: imports nothing from `src/`, so `scenario/`, `router/` and
 * `random/` may all derive from it (docs/architecture.md).
 */
export {
  DISTRIBUTION_MODE_KINDS,
  DISTRIBUTION_MODE_TRAITS,
  type DistributionModeKind,
  type DistributionModeTraits,
  isDistributionModeKind,
  SCORING_PARAMETERS,
  type ScoringParameter,
} from "./distribution-modes.ts";
export {
  DISTRIBUTION_KINDS,
  DISTRIBUTION_PARAMETERS,
  type DistributionKind,
  type DistributionParameterDomain,
  type DistributionSpec,
  type DistributionSpecOf,
} from "./distributions.ts";
export {
  isLabelOperator,
  LABEL_OPERATOR_COMPARISONS,
  LABEL_OPERATORS,
  type LabelComparison,
  type LabelOperator,
} from "./label-operators.ts";
