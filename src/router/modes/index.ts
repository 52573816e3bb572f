/**
 * The distribution modes, registered by their scenario name (`mode.kind`) in one typed map.
 */
import type { DistributionModeKind } from "../types.ts";
import { bestWorker } from "./best-worker.ts";
import { longestIdle } from "./longest-idle.ts";
import { roundRobin } from "./round-robin.ts";
import type { DistributionMode } from "./types.ts";

export type { Candidates, DistributionMode, IndexOrder } from "./types.ts";

/** Every mode by its `kind`. */
export const distributionModes: Readonly<Record<DistributionModeKind, DistributionMode>> = {
  longestIdle,
  roundRobin,
  bestWorker,
};
