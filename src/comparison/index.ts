/**
 * Public face of `comparison/`: paired differences between variants run on common random
 * numbers, and their verdicts (cli → comparison → metrics). The groundwork of `ccsim compare`
 * and `ccsim check` (issue 10).
 */
export { METRIC_DIRECTIONS, type MetricDirection } from "./metric-directions.ts";
export {
  type ComparisonLevel,
  type PairedDifference,
  pairedDifference,
} from "./paired-difference.ts";
export { modeVariants, type Variant } from "./variants.ts";
export { type ComparisonVerdict, verdictOf } from "./verdict.ts";
