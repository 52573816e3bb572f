/**
 * Best worker (§3.4, §8 i): the `wanted` highest-scoring eligible workers win; equal scores keep
 * index order, which is the longest-idle order. When the router keeps a memoized ranking for
 * the job (score descending, then index order), the first eligible ranked workers win: O(k
 * ranks inspected + wanted · log n). Otherwise every eligible worker is scored: O(n · wanted).
 * Scratch arrays are reused, so a choice allocates nothing (modes are not re-entrant).
 */
import type { Candidates, DistributionMode } from "./types.ts";

const topScores: number[] = [];
const topPositions: number[] = [];

/** Inserts (score, position) into the top list, keeping at most `wanted` entries. */
function offerToTop(score: number, position: number, wanted: number): void {
  let slot = topScores.length;
  // Strictly greater moves ahead, so equal scores stay in index (idleness) order.
  while (slot > 0 && score > (topScores[slot - 1] as number)) slot--;
  if (slot >= wanted) return;
  topScores.splice(slot, 0, score);
  topPositions.splice(slot, 0, position);
  if (topScores.length > wanted) {
    topScores.pop();
    topPositions.pop();
  }
}

/** The `bestWorker` mode (descending order, the service default). */
export const bestWorker: DistributionMode<"bestWorker"> = {
  kind: "bestWorker",
  indexOrder: "idleness",
  ranksByScore: true,
  choose(candidates: Candidates, wanted: number, chosen: number[]): void {
    const ranked = candidates.rankedCount;
    if (ranked >= 0) {
      let remaining = wanted;
      for (let rank = 0; rank < ranked && remaining > 0; rank++) {
        if (candidates.isRankedEligible(rank)) {
          chosen.push(candidates.positionOfRanked(rank));
          remaining--;
        }
      }
      return;
    }
    // Setting length is a slow runtime call, so only when there is something to clear.
    if (topScores.length > 0) topScores.length = 0;
    if (topPositions.length > 0) topPositions.length = 0;
    for (let position = 0; position < candidates.count; position++) {
      if (candidates.isEligible(position)) offerToTop(candidates.score(position), position, wanted);
    }
    for (const position of topPositions) chosen.push(position);
  },
};
