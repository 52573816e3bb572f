/**
 * Textbook cases the simulator must agree with (shared/reference/queueing-theory.md): each is a
 * scenario that reduces to M/M/c, M/M/c+M or a non-preemptive priority M/M/c (Poisson arrivals,
 * exponential handle times and patience, instant answers, identical capacity-1 workers, one
 * queue), the analytic values from `src/theory/`, and the metrics to compare. The comparison
 * passes when the analytic value lies within `STANDARD_ERRORS` standard errors of the
 * replications' mean. Used by the fast test suite and by `npm run validate:theory`.
 */
import type { ReplicationSummary } from "../../src/metrics/types.ts";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { erlangA, erlangC, priorityQueueWaits } from "../../src/theory/index.ts";

/** How many standard errors of the replication mean the analytic value may be away. */
export const STANDARD_ERRORS = 3;

/** One metric to compare: a scope of summary.json, a metric name, the analytic value. */
export interface TheoryExpectation {
  readonly scope: "overall" | `arrival:${string}`;
  readonly metric: string;
  readonly analytic: number;
}

/** A textbook case: its scenario and what theory says. */
export interface TheoryCase {
  readonly name: string;
  /** Fast cases run in `npm test`; heavy ones only in `npm run validate:theory`. */
  readonly heavy: boolean;
  readonly scenario: Scenario;
  readonly expectations: readonly TheoryExpectation[];
  /** Workers have a response time (ring time before the answer). */
  readonly workersTakeTimeToAnswer?: boolean;
}

/** Parameters of a single-queue textbook scenario; rates per minute as textbooks give them. */
interface TextbookQueue {
  name: string;
  servers: number;
  /** Arrival rate per minute of each stream; stream i has priority (streams − i). */
  arrivalRatesPerMinute: number[];
  meanHandleMinutes: number;
  meanPatienceMinutes?: number;
  serviceLevelThresholdSeconds: number;
  replications: number;
  horizonHours: number;
  warmupHours: number;
  seed: number;
  /** Worker response time (offer issued → accepted), a YAML distribution; none by default. */
  responseTime?: string;
  /** Handle time, a YAML distribution; exponential with `meanHandleMinutes` by default. */
  handleTime?: string;
}

/** The scenario text of a textbook queue: nothing in it but what the model has. */
export function textbookScenario(queue: TextbookQueue): Scenario {
  const streams = queue.arrivalRatesPerMinute
    .map(
      (rate, index) => `
  - id: class${index + 1}
    channelId: voice
    queueId: textbook
    priority: ${queue.arrivalRatesPerMinute.length - index}
    arrival: { kind: poisson, ratePerHour: ${rate * 60} }
    handleTime: ${queue.handleTime ?? `{ kind: exponential, mean: ${queue.meanHandleMinutes}m }`}${
      queue.meanPatienceMinutes === undefined
        ? ""
        : `\n    patience: { kind: exponential, mean: ${queue.meanPatienceMinutes}m }`
    }`,
    )
    .join("");
  const text = `
name: ${queue.name}
seed: ${queue.seed}
replications: ${queue.replications}
horizon: ${queue.horizonHours}h
warmup: ${queue.warmupHours}h
serviceLevelThreshold: ${queue.serviceLevelThresholdSeconds}s
distributionPolicies:
  - id: fifo
    offerExpiresAfterSeconds: 86400
    mode: { kind: longestIdle }
queues:
  - id: textbook
    distributionPolicyId: fifo
workers:
  - id: agent
    count: ${queue.servers}
    capacity: 1
    queues: [textbook]
    channels: [{ channelId: voice, capacityCostPerJob: 1 }]${
      queue.responseTime === undefined
        ? ""
        : `\n    behavior: { responseTime: ${queue.responseTime} }`
    }
arrivals:${streams}
`;
  return parseScenario(text, `${queue.name}.yaml`);
}

const PER_MINUTE = 1 / 60;

function erlangCCase(name: string, heavy: boolean, queue: Omit<TextbookQueue, "name">): TheoryCase {
  const arrivalRate = (queue.arrivalRatesPerMinute[0] as number) * PER_MINUTE;
  const theory = erlangC({
    arrivalRate,
    serviceRate: PER_MINUTE / queue.meanHandleMinutes,
    servers: queue.servers,
    serviceLevelThresholdSeconds: queue.serviceLevelThresholdSeconds,
  });
  return {
    name,
    heavy,
    scenario: textbookScenario({ name, ...queue }),
    expectations: [
      { scope: "overall", metric: "probabilityOfWait", analytic: theory.probabilityOfWait },
      { scope: "overall", metric: "probabilityOfDelay", analytic: theory.probabilityOfWait },
      { scope: "overall", metric: "waitMean", analytic: theory.meanWaitSeconds },
      { scope: "overall", metric: "serviceLevel", analytic: theory.serviceLevel },
      { scope: "overall", metric: "queueLengthMean", analytic: theory.meanQueueLength },
      { scope: "overall", metric: "utilization", analytic: theory.occupancy },
    ],
  };
}

function erlangACase(name: string, heavy: boolean, queue: Omit<TextbookQueue, "name">): TheoryCase {
  const theory = erlangA({
    arrivalRate: (queue.arrivalRatesPerMinute[0] as number) * PER_MINUTE,
    serviceRate: PER_MINUTE / queue.meanHandleMinutes,
    servers: queue.servers,
    serviceLevelThresholdSeconds: queue.serviceLevelThresholdSeconds,
    abandonmentRate: PER_MINUTE / (queue.meanPatienceMinutes as number),
  });
  return {
    name,
    heavy,
    scenario: textbookScenario({ name, ...queue }),
    expectations: [
      // Erlang A's P(W>0) is over every arrival, abandons included (PASTA), like the metric.
      { scope: "overall", metric: "probabilityOfDelay", analytic: theory.probabilityOfWait },
      { scope: "overall", metric: "abandonmentRate", analytic: theory.probabilityOfAbandon },
      { scope: "overall", metric: "waitMean", analytic: theory.meanWaitOfServedSeconds },
      { scope: "overall", metric: "serviceLevel", analytic: theory.serviceLevel },
      {
        scope: "overall",
        metric: "serviceLevelOfAnswered",
        analytic: theory.serviceLevelOfAnswered,
      },
      {
        scope: "overall",
        metric: "serviceLevelExcludingShortAbandons",
        analytic: theory.serviceLevelExcludingShortAbandons,
      },
      { scope: "overall", metric: "utilization", analytic: theory.occupancy },
    ],
  };
}

function priorityCase(
  name: string,
  heavy: boolean,
  queue: Omit<TextbookQueue, "name">,
): TheoryCase {
  const theory = priorityQueueWaits({
    arrivalRates: queue.arrivalRatesPerMinute.map((rate) => rate * PER_MINUTE),
    serviceRate: PER_MINUTE / queue.meanHandleMinutes,
    servers: queue.servers,
  });
  const totalRate = queue.arrivalRatesPerMinute.reduce((sum, rate) => sum + rate, 0);
  return {
    name,
    heavy,
    scenario: textbookScenario({ name, ...queue }),
    expectations: [
      ...theory.meanWaitSeconds.map(
        (analytic, index): TheoryExpectation => ({
          scope: `arrival:class${index + 1}`,
          metric: "waitMean",
          analytic,
        }),
      ),
      { scope: "overall", metric: "probabilityOfWait", analytic: theory.probabilityOfWait },
      { scope: "overall", metric: "probabilityOfDelay", analytic: theory.probabilityOfWait },
      {
        scope: "overall",
        metric: "utilization",
        analytic: (totalRate * queue.meanHandleMinutes) / queue.servers,
      },
    ],
  };
}

/**
 * Workers who take time to answer. An offer reserves the worker from the moment it is issued,
 * so a worker is occupied for S = response time + handle time per job, and a job waits for a
 * worker (is delayed) exactly when all c workers are occupied on arrival: the delay probability
 * is the P(W>0) of the queue whose service time is S. `probabilityOfWait` cannot match it: it
 * counts the ring time as waiting, so it is 1 whenever the response time is positive. Erlang C
 * is exact for that queue only when S is exponential (M/M/c), and for one worker whatever S is
 * (M/G/1: P(W>0) = ρ = λ·E[S] by PASTA and the busy fraction, which is C(1, ρ)). For c > 1 and
 * a non-exponential S (exponential handle time plus a ring time), Erlang C is only an
 * approximation (M/G/c), so the cases keep to the two exact settings. Utilization counts
 * reserved offers as in use, so it is λ·E[S]/c too.
 */
function responseTimeCase(
  name: string,
  heavy: boolean,
  queue: Omit<TextbookQueue, "name"> & {
    meanResponseSeconds: number;
    meanServiceSeconds: number;
  },
): TheoryCase {
  const arrivalRate = (queue.arrivalRatesPerMinute[0] as number) * PER_MINUTE;
  const theory = erlangC({
    arrivalRate,
    serviceRate: 1 / queue.meanServiceSeconds,
    servers: queue.servers,
    serviceLevelThresholdSeconds: queue.serviceLevelThresholdSeconds,
  });
  return {
    name,
    heavy,
    scenario: textbookScenario({ name, ...queue }),
    workersTakeTimeToAnswer: true,
    expectations: [
      { scope: "overall", metric: "probabilityOfDelay", analytic: theory.probabilityOfWait },
      { scope: "overall", metric: "utilization", analytic: theory.occupancy },
    ],
  };
}

/** Every case; `heavy` ones are for the validation script. */
export const theoryCases: readonly TheoryCase[] = [
  erlangCCase("erlang-c-small-team", false, {
    servers: 10,
    arrivalRatesPerMinute: [8],
    meanHandleMinutes: 1,
    serviceLevelThresholdSeconds: 20,
    replications: 20,
    horizonHours: 4,
    warmupHours: 0.5,
    seed: 101,
  }),
  erlangACase("erlang-a-small-team", false, {
    servers: 10,
    arrivalRatesPerMinute: [8],
    meanHandleMinutes: 1,
    meanPatienceMinutes: 2,
    serviceLevelThresholdSeconds: 20,
    replications: 20,
    horizonHours: 4,
    warmupHours: 0.5,
    seed: 102,
  }),
  priorityCase("priority-mm1", false, {
    servers: 1,
    arrivalRatesPerMinute: [0.3, 0.5],
    meanHandleMinutes: 1,
    serviceLevelThresholdSeconds: 20,
    replications: 30,
    horizonHours: 24,
    warmupHours: 2,
    seed: 103,
  }),
  // M/G/1: one worker, 5 s to answer, exponential handle time of 55 s; ρ = 0.8.
  responseTimeCase("mg1-response-time", false, {
    servers: 1,
    arrivalRatesPerMinute: [0.8],
    meanHandleMinutes: 55 / 60,
    responseTime: "5s",
    meanResponseSeconds: 5,
    meanServiceSeconds: 60,
    serviceLevelThresholdSeconds: 20,
    replications: 30,
    horizonHours: 24,
    warmupHours: 2,
    seed: 104,
  }),
  // M/M/c with all the service in the ring: exponential response (mean 1 min), no handle time.
  responseTimeCase("erlang-c-response-time", false, {
    servers: 10,
    arrivalRatesPerMinute: [8],
    meanHandleMinutes: 0,
    handleTime: "0s",
    responseTime: "{ kind: exponential, mean: 1m }",
    meanResponseSeconds: 60,
    meanServiceSeconds: 60,
    serviceLevelThresholdSeconds: 20,
    replications: 20,
    horizonHours: 4,
    warmupHours: 0.5,
    seed: 105,
  }),
  erlangCCase("erlang-c-14-agents", true, {
    servers: 14,
    arrivalRatesPerMinute: [100 / 30],
    meanHandleMinutes: 3,
    serviceLevelThresholdSeconds: 20,
    replications: 30,
    horizonHours: 24,
    warmupHours: 1,
    seed: 201,
  }),
  erlangCCase("erlang-c-12-agents", true, {
    servers: 12,
    arrivalRatesPerMinute: [4.2],
    meanHandleMinutes: 2,
    serviceLevelThresholdSeconds: 20,
    replications: 30,
    horizonHours: 24,
    warmupHours: 1,
    seed: 202,
  }),
  erlangCCase("erlang-c-50-agents-rho-0.95", true, {
    servers: 50,
    arrivalRatesPerMinute: [47.5 / 3],
    meanHandleMinutes: 3,
    serviceLevelThresholdSeconds: 20,
    replications: 30,
    horizonHours: 48,
    warmupHours: 4,
    seed: 203,
  }),
  erlangACase("erlang-a-12-agents", true, {
    servers: 12,
    arrivalRatesPerMinute: [4.2],
    meanHandleMinutes: 2,
    meanPatienceMinutes: 1,
    serviceLevelThresholdSeconds: 20,
    replications: 30,
    horizonHours: 24,
    warmupHours: 1,
    seed: 204,
  }),
  priorityCase("priority-mmc-3-classes", true, {
    servers: 5,
    arrivalRatesPerMinute: [0.8, 1.2, 1.0],
    meanHandleMinutes: 1.5,
    serviceLevelThresholdSeconds: 20,
    replications: 30,
    horizonHours: 24,
    warmupHours: 1,
    seed: 205,
  }),
];

/** One compared metric: the simulated estimate, the analytic value and the verdict. */
export interface TheoryComparison extends TheoryExpectation {
  readonly caseName: string;
  readonly simulatedMean: number;
  readonly halfWidth: number;
  /** |simulated − analytic| in standard errors of the replication mean. */
  readonly standardErrorsAway: number;
  readonly pass: boolean;
}

/** Compares a case's replication summary with its analytic values. */
export function compareWithTheory(
  theoryCase: TheoryCase,
  summary: ReplicationSummary,
  studentT: number,
): TheoryComparison[] {
  return theoryCase.expectations.map((expectation) => {
    const scope =
      expectation.scope === "overall"
        ? summary.overall
        : summary.arrivals[expectation.scope.slice("arrival:".length)];
    const estimate = scope?.[expectation.metric as keyof typeof summary.overall];
    if (estimate === undefined)
      throw new Error(`no metric ${expectation.scope}.${expectation.metric}`);
    const halfWidth = estimate.halfWidth ?? Number.NaN;
    const standardError = halfWidth / studentT;
    const standardErrorsAway = Math.abs(estimate.mean - expectation.analytic) / standardError;
    return {
      ...expectation,
      caseName: theoryCase.name,
      simulatedMean: estimate.mean,
      halfWidth,
      standardErrorsAway,
      pass: standardErrorsAway <= STANDARD_ERRORS,
    };
  });
}
