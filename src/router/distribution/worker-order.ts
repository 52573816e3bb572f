/**
 * The idleness order of workers (§8 g): load ratio ascending, then idle since ascending, then
 * id in code-point order. The longest-idle and best-worker indexes and the best-worker rankings
 * share it, so ties between equal scores fall exactly as in the index.
 */
import { compareCodePoints } from "../code-point.ts";
import type { WorkerRecord } from "../entities.ts";

/** Load ratio ascending, then idle since ascending, then id (§8 g). */
export function compareWorkersByIdleness(left: WorkerRecord, right: WorkerRecord): number {
  if (left.loadRatio !== right.loadRatio) return left.loadRatio - right.loadRatio;
  if (left.idleSinceSeconds !== right.idleSinceSeconds) {
    return left.idleSinceSeconds - right.idleSinceSeconds;
  }
  return compareCodePoints(left.id, right.id);
}
