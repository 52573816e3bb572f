/**
 * Non-preemptive priority M/M/c with one service rate for all classes (Cobham 1954):
 * class k (index 0 = highest) waits C(c, a) / (cμ·(1 − σ_{k−1})·(1 − σ_k)) on average, with
 * σ_k the cumulative load of classes 0..k over cμ. The λ-weighted mean equals the FCFS wait.
 */
import { erlangCProbabilityOfWait } from "./erlang-c.ts";
import { requireNonNegative, requireServers, requireServiceRate } from "./queue-parameters.ts";

/** Classes share `serviceRate` and `servers`; `arrivalRates[0]` is the highest priority. */
export interface PriorityQueue {
  /** λ_k per class, per second, highest priority first. */
  readonly arrivalRates: readonly number[];
  /** μ, per second, common to all classes. */
  readonly serviceRate: number;
  /** c, a positive integer. */
  readonly servers: number;
}

/** Per-class mean waits of a non-preemptive priority queue. */
export interface PriorityQueueResult {
  /** Mean wait in queue per class, seconds; Infinity for classes whose cumulative load ≥ 1. */
  readonly meanWaitSeconds: number[];
  /** P(W > 0), the same for every class (all servers busy on arrival, by PASTA). */
  readonly probabilityOfWait: number;
}

/**
 * Cobham's per-class mean waits. When the total load reaches c the lowest classes are
 * unstable (Infinity) while higher classes that fit keep finite waits, with C = 1.
 * @throws RangeError for negative rates, μ ≤ 0 or c not a positive integer
 */
export function priorityQueueWaits(queue: PriorityQueue): PriorityQueueResult {
  const { arrivalRates, serviceRate, servers } = queue;
  for (const [index, rate] of arrivalRates.entries())
    requireNonNegative(`arrivalRates[${index}]`, rate);
  requireServiceRate(serviceRate);
  requireServers(servers);
  const capacityRate = servers * serviceRate;
  const totalArrivalRate = arrivalRates.reduce((sum, rate) => sum + rate, 0);
  const probabilityOfWait = erlangCProbabilityOfWait(servers, totalArrivalRate / serviceRate);
  let loadAbove = 0;
  const meanWaitSeconds = arrivalRates.map((rate) => {
    const loadThrough = loadAbove + rate / capacityRate;
    const wait =
      loadThrough < 1
        ? probabilityOfWait / (capacityRate * (1 - loadAbove) * (1 - loadThrough))
        : Number.POSITIVE_INFINITY;
    loadAbove = loadThrough;
    return wait;
  });
  return { meanWaitSeconds, probabilityOfWait };
}
