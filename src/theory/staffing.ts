/**
 * The inverse question of Erlang C: the fewest servers for which the service level reaches a
 * target. The service level grows with every added server once the queue is stable, so the
 * answer is the first stable count that meets the target, found by counting up from ⌊a⌋ + 1.
 */
import { erlangC } from "./erlang-c.ts";
import { requireNonNegative, requireServiceRate } from "./queue-parameters.ts";

/** What the staffing question is asked about. */
export interface ServiceLevelGoal {
  /** λ: arrivals per second. */
  readonly arrivalRate: number;
  /** μ: completions per second of one busy worker. */
  readonly serviceRate: number;
  /** T in "answered within T", seconds. */
  readonly serviceLevelThresholdSeconds: number;
  /** The share to answer within T, in (0, 1). */
  readonly target: number;
}

/**
 * The fewest servers whose Erlang C service level is at least `goal.target` (0 with no load).
 * @throws RangeError for parameters outside their domains or a target outside (0, 1)
 */
export function erlangCServersFor(goal: ServiceLevelGoal): number {
  requireNonNegative("arrivalRate", goal.arrivalRate);
  requireServiceRate(goal.serviceRate);
  requireNonNegative("serviceLevelThresholdSeconds", goal.serviceLevelThresholdSeconds);
  // A target of 1 is never met by a finite count (some arrivals always wait a little).
  if (!(goal.target > 0 && goal.target < 1)) {
    throw new RangeError(`target must be in (0, 1) (got ${goal.target})`);
  }
  if (goal.arrivalRate === 0) return 0;
  const offeredLoad = goal.arrivalRate / goal.serviceRate;
  let servers = Math.floor(offeredLoad) + 1;
  while (erlangC({ ...goal, servers }).serviceLevel < goal.target) servers++;
  return servers;
}
