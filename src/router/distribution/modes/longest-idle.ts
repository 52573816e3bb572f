/**
 * Longest idle (§3.4, §8 g): the index is already in (load ratio, idle since, id) order, so the
 * first eligible workers win. O(k) where k is the number of positions inspected.
 */
import type { Candidates, DistributionMode } from "./types.ts";

/** The `longestIdle` mode. */
export const longestIdle: DistributionMode<"longestIdle"> = {
  kind: "longestIdle",
  indexOrder: "idleness",
  ranksByScore: false,
  choose(candidates: Candidates, wanted: number, chosen: number[]): void {
    let remaining = wanted;
    for (let position = 0; position < candidates.count && remaining > 0; position++) {
      if (candidates.isEligible(position)) {
        chosen.push(position);
        remaining--;
      }
    }
  },
};
