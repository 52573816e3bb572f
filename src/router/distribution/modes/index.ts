/**
 * The strategy of every distribution mode of the vocabulary (`DISTRIBUTION_MODE_TRAITS`), by its
 * scenario name (`mode.kind`). The map's type requires one entry per kind, and each entry's
 * `kind` must be its key: a mode added to the vocabulary without a strategy does not compile.
 */
import type { DistributionModeKind } from "../../../vocabulary/index.ts";
import { bestWorker } from "./best-worker.ts";
import { longestIdle } from "./longest-idle.ts";
import { roundRobin } from "./round-robin.ts";
import type { DistributionMode } from "./types.ts";

export type { Candidates, DistributionMode, IndexOrder } from "./types.ts";

/** Every mode's strategy, keyed by its kind. */
export const distributionModes: {
  readonly [Kind in DistributionModeKind]: DistributionMode<Kind>;
} = {
  longestIdle,
  roundRobin,
  bestWorker,
};
