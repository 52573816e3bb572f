/**
 * Erlang C: the M/M/c queue with unlimited patience. Derived from Erlang B, so it stays
 * stable for thousands of workers. An unstable queue (offered load ≥ servers) is reported
 * as such, with infinite waits and queue length, rather than as an error.
 */
import { erlangB } from "./erlang-b.ts";
import { type MultiServerQueue, validateMultiServerQueue } from "./queue-parameters.ts";

/** Steady-state figures of an M/M/c queue. */
export interface ErlangCResult {
  /** a = λ/μ, Erlangs. */
  readonly offeredLoad: number;
  /** ρ = a/c: share of worker time busy (1 when unstable). */
  readonly occupancy: number;
  /** False when a ≥ c: the queue grows without bound. */
  readonly stable: boolean;
  /** C = P(W > 0): share of arrivals that wait. */
  readonly probabilityOfWait: number;
  /** E[W] = C / (cμ − λ), seconds. */
  readonly meanWaitSeconds: number;
  /** P(W ≤ T) = 1 − C·e^{−(cμ−λ)T}. */
  readonly serviceLevel: number;
  /** λ·E[W]: time-average number waiting. */
  readonly meanQueueLength: number;
}

/**
 * What Erlang C says of a load the servers cannot carry (a ≥ c): every caller waits, for ever.
 * Exported for callers that know the load more exactly than λ/μ rounds it.
 */
export function unstableErlangC(offeredLoad: number): ErlangCResult {
  return {
    offeredLoad,
    occupancy: 1,
    stable: false,
    probabilityOfWait: 1,
    meanWaitSeconds: Number.POSITIVE_INFINITY,
    serviceLevel: 0,
    meanQueueLength: Number.POSITIVE_INFINITY,
  };
}

/**
 * Erlang C figures for `queue`.
 * @throws RangeError for parameters outside their domains (see `MultiServerQueue`)
 */
export function erlangC(queue: MultiServerQueue): ErlangCResult {
  validateMultiServerQueue(queue);
  const { arrivalRate, serviceRate, servers } = queue;
  const offeredLoad = arrivalRate / serviceRate;
  if (offeredLoad >= servers) return unstableErlangC(offeredLoad);
  const probabilityOfWait = erlangCProbabilityOfWait(servers, offeredLoad);
  const drainRate = servers * serviceRate - arrivalRate;
  const meanWaitSeconds = probabilityOfWait / drainRate;
  return {
    offeredLoad,
    occupancy: offeredLoad / servers,
    stable: true,
    probabilityOfWait,
    meanWaitSeconds,
    serviceLevel: 1 - probabilityOfWait * Math.exp(-drainRate * queue.serviceLevelThresholdSeconds),
    meanQueueLength: arrivalRate * meanWaitSeconds,
  };
}

/** C(c, a) = c·B / (c − a·(1 − B)), for a < c; 1 when a ≥ c. */
export function erlangCProbabilityOfWait(servers: number, offeredLoad: number): number {
  if (offeredLoad >= servers) return 1;
  const blocking = erlangB(servers, offeredLoad);
  return (servers * blocking) / (servers - offeredLoad * (1 - blocking));
}
