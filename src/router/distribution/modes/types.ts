/**
 * The contract between the router and a distribution mode: a mode sees the candidate workers
 * of one (queue, channel) as positions in an index order, asks which are eligible and how they
 * score, and picks up to `wanted` of them, best first. Modes import no router internals.
 */
import type { DistributionModeKind } from "../../../vocabulary/index.ts";

/** Candidate workers for one job, as seen by a mode. Positions are 0 … count − 1. */
export interface Candidates {
  /** Number of workers in the index (eligible or not). */
  readonly count: number;
  /** Whether the worker at `position` may receive an offer for the job now. */
  isEligible(position: number): boolean;
  /** The worker's score for the job (bestWorker only). */
  score(position: number): number;
  /**
   * Best worker: how many workers the memoized ranking (score descending, then index order)
   * holds for this job, or −1 when its scores cannot be memoized and each must be scored.
   */
  readonly rankedCount: number;
  /** Whether the ranked worker at `rank` may receive an offer for the job now. */
  isRankedEligible(rank: number): boolean;
  /**
   * The position that stands for the ranked worker at `rank` in `chosen` (`count + rank`, past
   * the index's positions, so that no search for its place in the index is needed).
   */
  positionOfRanked(rank: number): number;
  /** For round robin: the position of the first worker after the queue's pointer (may be count). */
  roundRobinStart(): number;
}

/** How the router keeps a queue's worker index ordered for a mode. */
export type IndexOrder = "idleness" | "id";

/** A distribution mode: an index order and a choice over it. */
export interface DistributionMode<Kind extends DistributionModeKind = DistributionModeKind> {
  readonly kind: Kind;
  /** `idleness`: load ratio, idle since, id (§8 g); `id`: code-point id order (§8 h). */
  readonly indexOrder: IndexOrder;
  /** Whether the mode ranks by score (the router then keeps memoized rankings for it). */
  readonly ranksByScore: boolean;
  /** Appends up to `wanted` eligible positions to `chosen`, best first. */
  choose(candidates: Candidates, wanted: number, chosen: number[]): void;
}
