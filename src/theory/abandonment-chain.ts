/**
 * Stationary distribution of the M/M/c+M birth–death chain (births λ, deaths
 * min(n,c)·μ + (n−c)⁺·θ), built in log space relative to state c so neither thousands of
 * workers nor heavy overload can overflow, and truncated once terms past the mode fall below
 * 1e-17 of the accumulated mass.
 */

/** Relative weight below which the upper tail of the chain is dropped. */
const TRUNCATION = 1e-17;
/** Guard against chains too long to enumerate (overload with near-zero abandonment). */
const MAX_WAITING_STATES = 20_000_000;

/** What the formulas need from the stationary distribution, normalised to sum 1. */
export interface AbandonmentChainStationary {
  /** Σ_{n<c} π_n: arrivals that find a free worker (PASTA). */
  readonly probabilityOfFreeServer: number;
  /** π_{c+k} for k = 0…K: arrivals that find all busy and k callers already waiting. */
  readonly waitingStateProbabilities: Float64Array;
  /** E[min(n, c)]: mean number of busy workers. */
  readonly meanBusyServers: number;
}

/**
 * Stationary distribution for rates per second. Requires λ > 0, μ > 0, c ≥ 1, θ ≥ 0, and
 * λ < cμ when θ = 0.
 * @throws RangeError when the truncated chain would exceed 20 million waiting states
 */
export function abandonmentChainStationary(
  arrivalRate: number,
  serviceRate: number,
  servers: number,
  abandonmentRate: number,
): AbandonmentChainStationary {
  // Lower part, n = c−1 … 0, as log weights relative to π_c = 1.
  const lowerLogWeights = new Float64Array(servers);
  let logWeight = 0;
  for (let busy = servers - 1; busy >= 0; busy--) {
    logWeight += Math.log(((busy + 1) * serviceRate) / arrivalRate);
    lowerLogWeights[busy] = logWeight;
  }
  const upperLogWeights = upperChainLogWeights(arrivalRate, serviceRate, servers, abandonmentRate);
  let maxLogWeight = 0;
  for (const value of lowerLogWeights) maxLogWeight = Math.max(maxLogWeight, value);
  for (const value of upperLogWeights) maxLogWeight = Math.max(maxLogWeight, value);

  let freeMass = 0;
  let busyServersMass = 0;
  lowerLogWeights.forEach((value, busy) => {
    const weight = Math.exp(value - maxLogWeight);
    freeMass += weight;
    busyServersMass += busy * weight;
  });
  const waitingStateProbabilities = upperLogWeights.map((value) => Math.exp(value - maxLogWeight));
  let waitingMass = 0;
  for (const weight of waitingStateProbabilities) waitingMass += weight;
  const totalMass = freeMass + waitingMass;
  for (let index = 0; index < waitingStateProbabilities.length; index++) {
    waitingStateProbabilities[index] = (waitingStateProbabilities[index] ?? 0) / totalMass;
  }
  return {
    probabilityOfFreeServer: freeMass / totalMass,
    waitingStateProbabilities,
    meanBusyServers: (busyServersMass + servers * waitingMass) / totalMass,
  };
}

/**
 * Log weights of states c, c+1, … relative to π_c (so the first is 0), up to truncation.
 * The tail is judged against the upper part's mass alone; the lower part only adds mass, so
 * this keeps at least the terms the 1e-17 rule asks for.
 */
function upperChainLogWeights(
  arrivalRate: number,
  serviceRate: number,
  servers: number,
  abandonmentRate: number,
): Float64Array {
  const logWeights: number[] = [0];
  const fullServiceRate = servers * serviceRate;
  let logWeight = 0;
  let maxLogWeight = 0;
  let massRelativeToMax = 1;
  for (let waiting = 1; ; waiting++) {
    const ratio = arrivalRate / (fullServiceRate + waiting * abandonmentRate);
    logWeight += Math.log(ratio);
    if (logWeight > maxLogWeight) {
      massRelativeToMax *= Math.exp(maxLogWeight - logWeight);
      maxLogWeight = logWeight;
    }
    const relativeWeight = Math.exp(logWeight - maxLogWeight);
    massRelativeToMax += relativeWeight;
    logWeights.push(logWeight);
    if (ratio < 1 && relativeWeight < TRUNCATION * massRelativeToMax) break;
    if (waiting >= MAX_WAITING_STATES) {
      throw new RangeError(
        "queue too long to enumerate: abandonment is too slow for this overload",
      );
    }
  }
  return Float64Array.from(logWeights);
}
