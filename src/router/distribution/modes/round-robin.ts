/**
 * Round robin (§3.4, §8 h): workers in id order; start after the queue's pointer (the last
 * worker offered a job from the queue) and wrap around. O(log n) to find the start plus O(k)
 * positions inspected; the router moves the pointer to the last worker chosen.
 */
import type { Candidates, DistributionMode } from "./types.ts";

/** The `roundRobin` mode. */
export const roundRobin: DistributionMode<"roundRobin"> = {
  kind: "roundRobin",
  indexOrder: "id",
  ranksByScore: false,
  choose(candidates: Candidates, wanted: number, chosen: number[]): void {
    const count = candidates.count;
    let remaining = wanted;
    let position = candidates.roundRobinStart();
    for (let step = 0; step < count && remaining > 0; step++, position++) {
      if (position >= count) position = 0;
      if (candidates.isEligible(position)) {
        chosen.push(position);
        remaining--;
      }
    }
  },
};
