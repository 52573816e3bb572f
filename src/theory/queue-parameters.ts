/**
 * Parameter types shared by the queueing formulas, and their validation. Rates are per
 * second and times in seconds, matching the simulator; convert per-minute textbook figures
 * at the call site.
 */

/** An M/M/c queue: Poisson arrivals, exponential handle times, `servers` identical workers. */
export interface MultiServerQueue {
  /** λ: arrivals per second. */
  readonly arrivalRate: number;
  /** μ: completions per second of one busy worker (1 / mean handle seconds). */
  readonly serviceRate: number;
  /** c: number of workers, a positive integer. */
  readonly servers: number;
  /** T in "answered within T", seconds. */
  readonly serviceLevelThresholdSeconds: number;
}

/** An M/M/c+M queue: M/M/c plus exponential patience. */
export interface AbandoningMultiServerQueue extends MultiServerQueue {
  /** θ: abandonments per second of one waiting caller (1 / mean patience seconds); 0 = none. */
  readonly abandonmentRate: number;
}

/** Throws RangeError unless the queue's parameters are in their domains. */
export function validateMultiServerQueue(queue: MultiServerQueue): void {
  requireNonNegative("arrivalRate", queue.arrivalRate);
  requireServiceRate(queue.serviceRate);
  requireServers(queue.servers);
  requireNonNegative("serviceLevelThresholdSeconds", queue.serviceLevelThresholdSeconds);
}

/** Throws RangeError unless μ is finite and > 0. */
export function requireServiceRate(serviceRate: number): void {
  if (!(serviceRate > 0 && Number.isFinite(serviceRate))) {
    throw new RangeError(`serviceRate must be finite and > 0 (got ${serviceRate})`);
  }
}

/** Throws RangeError unless c is a positive integer. */
export function requireServers(servers: number): void {
  if (!Number.isSafeInteger(servers) || servers < 1) {
    throw new RangeError(`servers must be a positive integer (got ${servers})`);
  }
}

/** Throws RangeError unless `value` is finite and ≥ 0. */
export function requireNonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${name} must be finite and ≥ 0 (got ${value})`);
  }
}
