/**
 * The agents Erlang C asks for in each interval of a queue, beside what the simulation measured.
 * Erlang C fits a queue only when the scenario is close to its model: the queue's workers serve
 * it alone and take one of its jobs at a time, and its jobs arrive directly (not through
 * classification or exception moves) from Poisson streams. For other queues the requirement is
 * withheld, with the reason. The load is the one measured per interval (offered load, with the
 * time a job really occupies a worker: ring time, handling and wrap-up), so the requirement
 * answers: "how many agents would Erlang C staff for the traffic this interval brought?"
 */
import type { IntervalSummaryRow, ReplicationSummary } from "../metrics/types.ts";
import type { Scenario } from "../scenario/index.ts";
import { erlangCServersFor } from "../theory/index.ts";

/** The agents Erlang C asks for in each interval of one queue, or why there is no such answer. */
export type ErlangRequirement =
  | {
      readonly available: true;
      /** One sentence on the method (lower case, ending with a period), for a chart's subtitle. */
      readonly method: string;
      /** Agents needed, by interval start (seconds); intervals without load are left out. */
      readonly agentsByIntervalStart: ReadonlyMap<number, number>;
    }
  | {
      readonly available: false;
      /** Why the scenario allows no Erlang requirement for this queue: one sentence (lower case, ending with a period). */
      readonly reason: string;
    };

/** The Erlang requirement of every queue of `scenario`, from the run's `summary`. */
export function erlangRequirements(
  scenario: Scenario,
  summary: ReplicationSummary,
): Map<string, ErlangRequirement> {
  const requirements = new Map<string, ErlangRequirement>();
  for (const queue of scenario.queues) {
    const reason = whyErlangDoesNotFit(scenario, queue.id);
    const rows = summary.intervals.filter((row) => row.queueId === queue.id);
    requirements.set(
      queue.id,
      reason === null ? requirementOf(scenario, rows) : { available: false, reason },
    );
  }
  return requirements;
}

/** Why Erlang C does not describe the queue, or null when it does. */
export function whyErlangDoesNotFit(scenario: Scenario, queueId: string): string | null {
  const target = scenario.serviceLevelTarget;
  if (target >= 1) return "no finite number of agents answers 100% within the threshold.";
  const streams = scenario.arrivals.filter((stream) => stream.queueId === queueId);
  if (streams.length === 0) return "no arrival stream sends jobs straight to this queue.";
  if (scenario.arrivals.some((stream) => stream.classificationPolicyId !== undefined)) {
    return "jobs are routed by classification, so a queue's traffic is not known in advance.";
  }
  if (scenario.queues.find((queue) => queue.id === queueId)?.exceptionPolicyId !== undefined) {
    return "an exception policy can move or cancel this queue's jobs.";
  }
  const notPoisson = streams.find(
    (stream) => stream.arrival.kind !== "poisson" && stream.arrival.kind !== "piecewisePoisson",
  );
  if (notPoisson !== undefined) {
    return `arrival stream ${notPoisson.id} is not Poisson (${notPoisson.arrival.kind}).`;
  }
  const groups = scenario.workers.filter((group) => group.queues.includes(queueId));
  if (groups.length === 0) return "no worker serves this queue.";
  for (const group of groups) {
    const other = group.queues.find((id) => id !== queueId);
    if (other !== undefined) return `worker group ${group.id} also serves queue ${other}.`;
    for (const stream of streams) {
      const channel = group.channels.find((one) => one.channelId === stream.channelId);
      if (channel !== undefined && channel.capacityCostPerJob < group.capacity) {
        return `worker group ${group.id} can take several ${stream.channelId} jobs at once.`;
      }
    }
  }
  return null;
}

function requirementOf(scenario: Scenario, rows: readonly IntervalSummaryRow[]): ErlangRequirement {
  const threshold = scenario.serviceLevelThresholdSeconds;
  const agentsByIntervalStart = new Map<number, number>();
  for (const row of rows) {
    const lengthSeconds = row.intervalEndSeconds - row.intervalStartSeconds;
    // E[S] from the offered load: offeredLoad = arrivals × E[S] / length.
    const occupiedSeconds = (row.offeredLoad * lengthSeconds) / row.arrivals;
    if (!(row.arrivals > 0 && occupiedSeconds > 0 && lengthSeconds > 0)) continue;
    agentsByIntervalStart.set(
      row.intervalStartSeconds,
      erlangCServersFor({
        arrivalRate: row.arrivals / lengthSeconds,
        serviceRate: 1 / occupiedSeconds,
        serviceLevelThresholdSeconds: threshold,
        target: scenario.serviceLevelTarget,
      }),
    );
  }
  const percent = Math.round(scenario.serviceLevelTarget * 100);
  return {
    available: true,
    method: `Erlang C's agents for ${percent}% within ${threshold} s at each interval's measured load, were it steady and did nobody hang up.`,
    agentsByIntervalStart,
  };
}
