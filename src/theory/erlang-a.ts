/**
 * Erlang A (Palm): M/M/c with exponential patience. Stationary figures come from the
 * birth–death chain (PASTA, Little); waits of served callers and the "within T" figures from
 * the tagged-caller chain. The three service levels follow the output contract's definitions.
 */
import { abandonmentChainStationary } from "./abandonment-chain.ts";
import {
  type AbandoningMultiServerQueue,
  requireNonNegative,
  validateMultiServerQueue,
} from "./queue-parameters.ts";
import { taggedCustomerOutcomes } from "./tagged-customer.ts";

/** Steady-state figures of an M/M/c+M queue, per arrival unless stated. */
export interface ErlangAResult {
  /** a = λ/μ, Erlangs. */
  readonly offeredLoad: number;
  /** E[busy workers] / c. */
  readonly occupancy: number;
  /** False only when θ = 0 and a ≥ c. */
  readonly stable: boolean;
  /** P(all workers busy on arrival): the caller must queue. */
  readonly probabilityOfWait: number;
  /** P(caller abandons) = θ·E[Q]/λ. */
  readonly probabilityOfAbandon: number;
  /** P(caller abandons within T). */
  readonly probabilityOfAbandonWithinThreshold: number;
  /** Mean time in queue over all arrivals, abandoned ones included (E[Q]/λ), seconds. */
  readonly meanWaitSeconds: number;
  /** Mean time in queue of callers who get served (0 for those who never queue), seconds. */
  readonly meanWaitOfServedSeconds: number;
  /** E[Q]: time-average number waiting. */
  readonly meanQueueLength: number;
  /** Answered within T / arrived. */
  readonly serviceLevel: number;
  /** Answered within T / answered. */
  readonly serviceLevelOfAnswered: number;
  /** Answered within T / (arrived − abandoned within T). */
  readonly serviceLevelExcludingShortAbandons: number;
}

/**
 * Erlang A figures for `queue`. With θ = 0 this is Erlang C computed the long way (useful as
 * a cross-check); with θ = 0 and a ≥ c the queue is unstable and reported like Erlang C does.
 * @throws RangeError for parameters outside their domains, or when the chain is too long to
 * enumerate (heavy overload with abandonment near zero)
 */
export function erlangA(queue: AbandoningMultiServerQueue): ErlangAResult {
  validateMultiServerQueue(queue);
  requireNonNegative("abandonmentRate", queue.abandonmentRate);
  const { arrivalRate, serviceRate, servers, abandonmentRate } = queue;
  const offeredLoad = arrivalRate / serviceRate;
  if (arrivalRate === 0) return idleResult();
  if (abandonmentRate === 0 && offeredLoad >= servers) return unstableResult(offeredLoad);

  const stationary = abandonmentChainStationary(arrivalRate, serviceRate, servers, abandonmentRate);
  let meanQueueLength = 0;
  let probabilityOfWait = 0;
  stationary.waitingStateProbabilities.forEach((probability, waiting) => {
    probabilityOfWait += probability;
    meanQueueLength += waiting * probability;
  });
  const outcomes = taggedCustomerOutcomes(
    stationary.waitingStateProbabilities,
    servers * serviceRate,
    abandonmentRate,
    queue.serviceLevelThresholdSeconds,
  );
  const meanWaitSeconds = meanQueueLength / arrivalRate;
  const probabilityOfAbandon = abandonmentRate * meanWaitSeconds;
  const answeredWithinThreshold =
    stationary.probabilityOfFreeServer + outcomes.servedWithinThreshold;
  return {
    offeredLoad,
    occupancy: stationary.meanBusyServers / servers,
    stable: true,
    probabilityOfWait,
    probabilityOfAbandon,
    probabilityOfAbandonWithinThreshold: outcomes.abandonedWithinThreshold,
    meanWaitSeconds,
    meanWaitOfServedSeconds: outcomes.servedWaitSecondsMass / (1 - probabilityOfAbandon),
    meanQueueLength,
    serviceLevel: answeredWithinThreshold,
    serviceLevelOfAnswered: answeredWithinThreshold / (1 - probabilityOfAbandon),
    serviceLevelExcludingShortAbandons:
      answeredWithinThreshold / (1 - outcomes.abandonedWithinThreshold),
  };
}

/** No arrivals: nobody waits; the ratios take their limits as λ → 0. */
function idleResult(): ErlangAResult {
  return {
    offeredLoad: 0,
    occupancy: 0,
    stable: true,
    probabilityOfWait: 0,
    probabilityOfAbandon: 0,
    probabilityOfAbandonWithinThreshold: 0,
    meanWaitSeconds: 0,
    meanWaitOfServedSeconds: 0,
    meanQueueLength: 0,
    serviceLevel: 1,
    serviceLevelOfAnswered: 1,
    serviceLevelExcludingShortAbandons: 1,
  };
}

/** θ = 0 and a ≥ c: the queue grows without bound, as `erlangC` reports it. */
function unstableResult(offeredLoad: number): ErlangAResult {
  return {
    offeredLoad,
    occupancy: 1,
    stable: false,
    probabilityOfWait: 1,
    probabilityOfAbandon: 0,
    probabilityOfAbandonWithinThreshold: 0,
    meanWaitSeconds: Number.POSITIVE_INFINITY,
    meanWaitOfServedSeconds: Number.POSITIVE_INFINITY,
    meanQueueLength: Number.POSITIVE_INFINITY,
    serviceLevel: 0,
    serviceLevelOfAnswered: 0,
    serviceLevelExcludingShortAbandons: 0,
  };
}
