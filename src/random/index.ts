/**
 * Public face of `random/`: seeded streams forked by name, the distribution contract, the
 * factory, and the allocation-free samplers for hot paths. Imports nothing else from src/ but
 * the shared `vocabulary/` (where `DistributionSpec` is declared).
 */
export { createDistribution } from "./create-distribution.ts";
export {
  type Distribution,
  DistributionParameterError,
  type DistributionSpec,
} from "./distribution.ts";
export { RandomStream } from "./random-stream.ts";
export {
  sampleExponential,
  sampleStandardErlang,
  sampleStandardExponential,
  sampleStandardNormal,
  sampleUnitGamma,
} from "./samplers.ts";
export { gamma, logGamma, standardNormalCdf, standardNormalDensity } from "./special-functions.ts";
