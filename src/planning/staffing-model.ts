/**
 * The queueing model of one worker group when it serves its queue alone (Erlang C without
 * patience, Erlang A with it): the metric values theory gives for a count, and the smallest
 * count theory says meets staff's targets, where the search starts. Built from the scenario as
 * written (rates and mean times), not from a run, so that it is known before simulating.
 */
import type { MetricName } from "../metrics/types.ts";
import type { DistributionSpec, Scenario } from "../scenario/index.ts";
import { erlangA, erlangC } from "../theory/index.ts";
import { whyErlangDoesNotFit } from "./erlang-requirement.ts";
import type { StaffingTarget } from "./staffing-target.ts";
import { satisfies } from "./target-operators.ts";

/** The Erlang model of a group, or why there is none. */
export type GroupQueueModel =
  | {
      readonly available: true;
      /** "Erlang C" or "Erlang A". */
      readonly formula: string;
      /** The queue the group serves alone. */
      readonly queueId: string;
      /** λ per second, μ per second of one busy worker, θ per second (0: nobody hangs up). */
      readonly arrivalRate: number;
      readonly serviceRate: number;
      readonly abandonmentRate: number;
      /** One sentence on the model (ends with a period). */
      readonly method: string;
    }
  | { readonly available: false; readonly reason: string };

/** The analytic mean of a distribution (the caller's: planning draws no random numbers). */
export type MeanOf = (spec: DistributionSpec) => number;

/** The Erlang model of `groupId`, from the scenario's rates and mean times. */
export function groupQueueModel(
  scenario: Scenario,
  groupId: string,
  meanOf: MeanOf,
): GroupQueueModel {
  const group = scenario.workers.find((one) => one.id === groupId);
  if (group === undefined) return { available: false, reason: `there is no group ${groupId}.` };
  const queueId = group.queues[0];
  if (queueId === undefined || group.queues.length > 1) {
    return { available: false, reason: `group ${groupId} serves ${group.queues.length} queues.` };
  }
  const others = scenario.workers.filter(
    (one) => one.id !== groupId && one.queues.includes(queueId),
  );
  if (others.length > 0) {
    return { available: false, reason: `group ${others[0]?.id} also serves queue ${queueId}.` };
  }
  // The scenario's own service-level target plays no part here: staff has its own targets.
  const reason = whyErlangDoesNotFit({ ...scenario, serviceLevelTarget: 0.5 }, queueId);
  if (reason !== null) return { available: false, reason };
  const unfit = behaviourReason(group);
  if (unfit !== null) return { available: false, reason: unfit };
  const streams = scenario.arrivals.filter((stream) => stream.queueId === queueId);
  let arrivalRate = 0;
  let occupiedSeconds = 0;
  let patienceRate = 0;
  const fixed = meanOf(group.behavior.responseTime) + meanOf(group.behavior.wrapUpTime);
  for (const stream of streams) {
    if (stream.arrival.kind !== "poisson") {
      return {
        available: false,
        reason: `arrival stream ${stream.id} changes its rate over the day (${stream.arrival.kind}): no one count suits every interval.`,
      };
    }
    const rate = stream.arrival.ratePerHour / 3600;
    arrivalRate += rate;
    occupiedSeconds += rate * (meanOf(stream.handleTime) * group.behavior.handleTimeFactor + fixed);
    patienceRate += stream.patience === undefined ? 0 : rate / meanOf(stream.patience);
  }
  if (!(arrivalRate > 0 && occupiedSeconds > 0)) {
    return { available: false, reason: `queue ${queueId} gets no load.` };
  }
  const meanOccupiedSeconds = occupiedSeconds / arrivalRate;
  const abandonmentRate = patienceRate / arrivalRate;
  const formula = abandonmentRate > 0 ? "Erlang A" : "Erlang C";
  const exponential = streams.every(
    (stream) => stream.patience === undefined || stream.patience.kind === "exponential",
  );
  const patienceNote =
    abandonmentRate > 0
      ? `, patience ${exponential ? "" : "taken as exponential with "}mean ${format(1 / abandonmentRate)} s`
      : ", nobody hangs up";
  return {
    available: true,
    formula,
    queueId,
    arrivalRate,
    serviceRate: 1 / meanOccupiedSeconds,
    abandonmentRate,
    method: `${formula} for queue ${queueId}: ${format(arrivalRate * 3600)} arrivals/h, each occupying an agent ${format(meanOccupiedSeconds)} s on average${patienceNote}.`,
  };
}

function format(value: number): string {
  return Number(value.toPrecision(4)).toString();
}

function behaviourReason(group: Scenario["workers"][number]): string | null {
  const behavior = group.behavior;
  if (group.shifts !== undefined) return `group ${group.id} works shifts.`;
  if (group.staffing !== undefined) return `group ${group.id} follows a staffing vector.`;
  if (behavior.acceptProbability < 1 || behavior.noResponseProbability > 0) {
    return `group ${group.id} declines or misses offers.`;
  }
  if (behavior.unassignProbability > 0) return `group ${group.id} hands jobs back.`;
  if (!group.availableForOffers) return `group ${group.id} starts unavailable for offers.`;
  return null;
}

/**
 * The value theory gives `metric` with `servers` agents, or undefined when the model says
 * nothing of that metric (counts, tails) or the queue is unstable.
 */
export function erlangValue(
  model: Extract<GroupQueueModel, { available: true }>,
  servers: number,
  metric: MetricName,
  serviceLevelThresholdSeconds: number,
): number | undefined {
  if (!(Number.isSafeInteger(servers) && servers >= 1)) return undefined;
  const queue = {
    arrivalRate: model.arrivalRate,
    serviceRate: model.serviceRate,
    servers,
    serviceLevelThresholdSeconds,
  };
  if (model.abandonmentRate === 0) {
    const c = erlangC(queue);
    if (!c.stable) return undefined;
    const values: Partial<Record<MetricName, number>> = {
      serviceLevel: c.serviceLevel,
      serviceLevelOfAnswered: c.serviceLevel,
      serviceLevelExcludingShortAbandons: c.serviceLevel,
      probabilityOfDelay: c.probabilityOfWait,
      abandonmentRate: 0,
      waitMean: c.meanWaitSeconds,
      queueLengthMean: c.meanQueueLength,
      utilization: c.occupancy,
    };
    return values[metric];
  }
  let a: ReturnType<typeof erlangA>;
  try {
    a = erlangA({ ...queue, abandonmentRate: model.abandonmentRate });
  } catch {
    return undefined; // a chain too long to enumerate: no value rather than a wrong one
  }
  const values: Partial<Record<MetricName, number>> = {
    serviceLevel: a.serviceLevel,
    serviceLevelOfAnswered: a.serviceLevelOfAnswered,
    serviceLevelExcludingShortAbandons: a.serviceLevelExcludingShortAbandons,
    probabilityOfDelay: a.probabilityOfWait,
    abandonmentRate: a.probabilityOfAbandon,
    waitMean: a.meanWaitOfServedSeconds,
    queueLengthMean: a.meanQueueLength,
    utilization: a.occupancy,
  };
  return values[metric];
}

/** Whether the model describes the target's scope: its queue, or the whole scenario when that is all there is. */
export function modelDescribes(
  model: Extract<GroupQueueModel, { available: true }>,
  target: Pick<StaffingTarget, "scope">,
  scenario: Pick<Scenario, "queues" | "arrivals">,
): boolean {
  if (target.scope === `queue:${model.queueId}`) return true;
  const streams = scenario.arrivals.filter((stream) => stream.queueId === model.queueId);
  if (target.scope === "overall") {
    return scenario.queues.length === 1 && streams.length === scenario.arrivals.length;
  }
  return streams.length === 1 && target.scope === `arrival:${streams[0]?.id}`;
}

/**
 * The fewest agents for which theory meets every target it describes (the others are left to
 * the simulation), at most `limit`; undefined when it describes none or no count up to `limit`
 * meets them.
 */
export function erlangStartCount(
  model: Extract<GroupQueueModel, { available: true }>,
  targets: readonly StaffingTarget[],
  scenario: Pick<Scenario, "queues" | "arrivals" | "serviceLevelThresholdSeconds">,
  limit: number,
): number | undefined {
  const described = targets.filter(
    (target) => KNOWN.has(target.metric) && modelDescribes(model, target, scenario),
  );
  if (described.length === 0) return undefined;
  const threshold = scenario.serviceLevelThresholdSeconds;
  // Below the offered load Erlang C is unstable; Erlang A is stable but far from any target.
  const first = Math.max(1, Math.floor(model.arrivalRate / model.serviceRate));
  for (let servers = first; servers <= limit; servers++) {
    const meets = described.every((target) => {
      const value = erlangValue(model, servers, target.metric, threshold);
      return value !== undefined && satisfies(target, value);
    });
    if (meets) return servers;
  }
  return undefined;
}

/** The metrics the Erlang models give a value for. */
const KNOWN: ReadonlySet<MetricName> = new Set([
  "serviceLevel",
  "serviceLevelOfAnswered",
  "serviceLevelExcludingShortAbandons",
  "probabilityOfDelay",
  "abandonmentRate",
  "waitMean",
  "queueLengthMean",
  "utilization",
]);
