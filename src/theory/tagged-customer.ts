/**
 * The tagged caller of M/M/c+M (FCFS): with j callers ahead it moves up at rate cμ + jθ
 * (a service completion, or one of them abandoning) and abandons at rate θ, so phase j lasts
 * Exp(cμ + (j+1)θ). Means follow in closed form; "within T" probabilities by uniformisation
 * of that chain started from the arrival mixture, over time slices short enough that the
 * Poisson weights cannot underflow.
 */

/** Largest Λ·Δt per uniformisation slice: e^{−64} is far from underflow. */
const MAX_POISSON_MEAN_PER_SLICE = 64;
/** Poisson weight past the mode at which summation stops; the rest goes to the last iterate. */
const POISSON_TAIL = 1e-18;

/** Outcome masses over all arrivals that find every worker busy. */
export interface TaggedCustomerOutcomes {
  /** E[W · 1{served}] over all arrivals, seconds. */
  readonly servedWaitSecondsMass: number;
  /** P(arrive to a full system and get served within T). */
  readonly servedWithinThreshold: number;
  /** P(arrive to a full system and abandon within T). */
  readonly abandonedWithinThreshold: number;
}

/**
 * Outcomes of the tagged caller, given `waitingStateProbabilities[k]` = P(arrival finds all
 * c busy and k waiting). Rates per second, threshold in seconds.
 */
export function taggedCustomerOutcomes(
  waitingStateProbabilities: Float64Array,
  fullServiceRate: number,
  abandonmentRate: number,
  thresholdSeconds: number,
): TaggedCustomerOutcomes {
  let servedWaitSecondsMass = 0;
  let meanSecondsThroughPhases = 0;
  waitingStateProbabilities.forEach((probability, ahead) => {
    const lastPhaseRate = fullServiceRate + (ahead + 1) * abandonmentRate;
    meanSecondsThroughPhases += 1 / lastPhaseRate;
    // Telescoping product of the per-phase advance probabilities.
    const servedProbability = fullServiceRate / lastPhaseRate;
    // Phase durations are independent of which exit wins, so E[W | served] = Σ 1/rate.
    servedWaitSecondsMass += probability * servedProbability * meanSecondsThroughPhases;
  });
  const within = uniformisedOutcomesWithin(
    waitingStateProbabilities,
    fullServiceRate,
    abandonmentRate,
    thresholdSeconds,
  );
  return { servedWaitSecondsMass, ...within };
}

/** P(served by T) and P(abandoned by T) for the chain started from the arrival mixture. */
function uniformisedOutcomesWithin(
  initial: Float64Array,
  fullServiceRate: number,
  abandonmentRate: number,
  thresholdSeconds: number,
): Pick<TaggedCustomerOutcomes, "servedWithinThreshold" | "abandonedWithinThreshold"> {
  const chain = new UniformisedChain(initial, fullServiceRate, abandonmentRate);
  const totalPoissonMean = chain.uniformRate * thresholdSeconds;
  const slices = Math.max(1, Math.ceil(totalPoissonMean / MAX_POISSON_MEAN_PER_SLICE));
  for (let slice = 0; slice < slices; slice++) chain.advance(totalPoissonMean / slices);
  return {
    servedWithinThreshold: chain.current.served,
    abandonedWithinThreshold: chain.current.abandoned,
  };
}

/** Distribution over the tagged chain: transient phases by callers ahead, plus absorbing outcomes. */
interface ChainState {
  ahead: Float64Array;
  served: number;
  abandoned: number;
}

/**
 * The tagged chain uniformised at Λ = cμ + (K+1)θ, the largest exit rate. `advance(x)` moves
 * `current` forward by x/Λ seconds: Σ_n Poisson(n; x) · (n jump-chain steps).
 */
class UniformisedChain {
  readonly uniformRate: number;
  current: ChainState;
  private readonly stepping: ChainState;
  private readonly spare: Float64Array;

  constructor(
    initial: Float64Array,
    private readonly fullServiceRate: number,
    private readonly abandonmentRate: number,
  ) {
    this.uniformRate = fullServiceRate + initial.length * abandonmentRate;
    this.current = { ahead: Float64Array.from(initial), served: 0, abandoned: 0 };
    this.stepping = { ahead: new Float64Array(initial.length), served: 0, abandoned: 0 };
    this.spare = new Float64Array(initial.length);
  }

  advance(poissonMean: number): void {
    const { stepping } = this;
    stepping.ahead.set(this.current.ahead);
    stepping.served = this.current.served;
    stepping.abandoned = this.current.abandoned;
    const result: ChainState = {
      ahead: new Float64Array(stepping.ahead.length),
      served: 0,
      abandoned: 0,
    };
    let weight = Math.exp(-poissonMean);
    let accumulatedWeight = 0;
    for (let steps = 0; ; steps++) {
      accumulate(result, stepping, weight);
      accumulatedWeight += weight;
      // Past the mode the weights fall faster than geometrically, so a negligible weight
      // bounds the unsummed tail; summing to 1 − ε instead can stall on rounding.
      if (steps > poissonMean && weight < POISSON_TAIL) break;
      this.step();
      weight *= poissonMean / (steps + 1);
    }
    accumulate(result, stepping, Math.max(0, 1 - accumulatedWeight));
    this.current = result;
  }

  /** One jump-chain step of `stepping`, in place. */
  private step(): void {
    const { ahead } = this.stepping;
    const next = this.spare;
    const rate = this.uniformRate;
    let waitingMass = 0;
    for (let index = 0; index < ahead.length; index++) {
      const mass = ahead[index] ?? 0;
      waitingMass += mass;
      // Phase j is left at cμ + (j+1)θ; phase j+1 moves up at cμ + (j+1)θ too: one rate.
      const phaseRate = this.fullServiceRate + (index + 1) * this.abandonmentRate;
      const fromBehind = ahead[index + 1] ?? 0;
      next[index] = mass * (1 - phaseRate / rate) + (fromBehind * phaseRate) / rate;
    }
    this.stepping.served += ((ahead[0] ?? 0) * this.fullServiceRate) / rate;
    this.stepping.abandoned += (waitingMass * this.abandonmentRate) / rate;
    ahead.set(next);
  }
}

function accumulate(target: ChainState, source: ChainState, weight: number): void {
  for (let index = 0; index < target.ahead.length; index++) {
    target.ahead[index] = (target.ahead[index] ?? 0) + weight * (source.ahead[index] ?? 0);
  }
  target.served += weight * source.served;
  target.abandoned += weight * source.abandoned;
}
