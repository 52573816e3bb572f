/**
 * Erlang B: blocking probability of an M/M/c/c loss system, by the forward recursion
 * B(k) = a·B(k−1) / (k + a·B(k−1)), whose terms stay in [0, 1], so it neither overflows nor
 * loses precision for thousands of servers (unlike the textbook ratio of sums).
 */
import { requireNonNegative } from "./queue-parameters.ts";

/**
 * Probability that an arrival finds all `servers` busy in a loss system offered
 * `offeredLoad` Erlangs (λ/μ).
 * @throws RangeError when `servers` is not a non-negative integer or the load is negative
 */
export function erlangB(servers: number, offeredLoad: number): number {
  if (!Number.isSafeInteger(servers) || servers < 0) {
    throw new RangeError(`servers must be a non-negative integer (got ${servers})`);
  }
  requireNonNegative("offeredLoad", offeredLoad);
  let blocking = 1;
  for (let server = 1; server <= servers; server++) {
    const carried = offeredLoad * blocking;
    blocking = carried / (server + carried);
  }
  return blocking;
}
