/**
 * The quick calculator behind `ccsim erlang`: Erlang B, C and (given a mean patience) A figures
 * for chosen agent counts, and the fewest agents meeting targets under each model. Rates come
 * in per hour and times in seconds; the theory's rates are per second.
 */
import {
  type ErlangAResult,
  type ErlangCResult,
  erlangA,
  erlangB,
  erlangC,
  unstableErlangC,
} from "../theory/index.ts";
import { type ErlangModel, type ErlangTarget, metricOfA, metricOfC } from "./erlang-targets.ts";
import { satisfies } from "./target-operators.ts";

/** What the calculator is asked about. */
export interface ErlangInputs {
  /** Arrivals per hour. */
  readonly ratePerHour: number;
  /** Mean handle time (talk plus wrap-up), seconds. */
  readonly handleTimeSeconds: number;
  /** T in "answered within T", seconds. */
  readonly thresholdSeconds: number;
  /** Mean patience of a waiting caller, seconds; undefined: no Erlang A. */
  readonly patienceSeconds?: number;
}

/** Erlang B, C and A figures for one agent count. */
export interface ErlangRow {
  readonly agents: number;
  /** Erlang B: share of calls finding every agent busy, were they turned away (no queue). */
  readonly blocking: number;
  readonly erlangC: ErlangCResult;
  /** Present when the inputs give a patience. */
  readonly erlangA?: ErlangAResult;
}

/** The fewest agents meeting a target under one model, or the best it reached. */
export type AgentsNeeded =
  | { readonly met: true; readonly agents: number; readonly value: number }
  | { readonly met: false; readonly maxAgents: number; readonly bestValue: number };

/**
 * a = λ·E[S]: the offered load in Erlangs, multiplied before dividing so that whole loads stay
 * whole (200 calls/hour × 180 s is 10, not 10.000000000000002 or 9.999999999999998).
 */
export function offeredLoadOf(inputs: ErlangInputs): number {
  return (inputs.ratePerHour * inputs.handleTimeSeconds) / 3600;
}

/** The fewest agents with a stable Erlang C queue: ⌊a⌋ + 1. */
export function minimumStableAgents(inputs: ErlangInputs): number {
  return Math.floor(offeredLoadOf(inputs)) + 1;
}

/** Erlang B, C and A figures for `agents`. */
export function erlangRowOf(inputs: ErlangInputs, agents: number): ErlangRow {
  const queue = {
    arrivalRate: inputs.ratePerHour / 3600,
    serviceRate: 1 / inputs.handleTimeSeconds,
    servers: agents,
    serviceLevelThresholdSeconds: inputs.thresholdSeconds,
  };
  const offeredLoad = offeredLoadOf(inputs);
  const row = {
    agents,
    blocking: erlangB(agents, offeredLoad),
    // λ/μ may round to just below a whole load that the agents only match: that queue is
    // unstable, not one with a wait of 10^17 seconds, so the load decides, computed as above.
    erlangC: agents <= offeredLoad ? unstableErlangC(offeredLoad) : erlangC(queue),
  };
  if (inputs.patienceSeconds === undefined) return row;
  return { ...row, erlangA: erlangA({ ...queue, abandonmentRate: 1 / inputs.patienceSeconds }) };
}

/** The value of `target`'s metric under `model` at `agents`. */
export function metricValueAt(
  inputs: ErlangInputs,
  model: ErlangModel,
  target: ErlangTarget,
  agents: number,
): number {
  const row = erlangRowOf(inputs, agents);
  if (model === "erlangC") return metricOfC(row.erlangC, target.metric);
  if (row.erlangA === undefined) throw new RangeError("Erlang A needs a mean patience");
  return metricOfA(row.erlangA, target.metric);
}

/**
 * The fewest agents, up to `maxAgents`, whose `model` figure meets `target`. Every target
 * metric improves as agents are added, so the answer is found by galloping up from the least
 * sensible count (⌊a⌋ + 1 for Erlang C, 1 for A) and bisecting.
 */
export function agentsNeededFor(
  inputs: ErlangInputs,
  model: ErlangModel,
  target: ErlangTarget,
  maxAgents: number,
): AgentsNeeded {
  const valueAt = (agents: number) => metricValueAt(inputs, model, target, agents);
  const lowest = model === "erlangC" ? minimumStableAgents(inputs) : 1;
  if (lowest > maxAgents) {
    return { met: false, maxAgents, bestValue: valueAt(maxAgents) };
  }
  const lowestValue = valueAt(lowest);
  if (satisfies(target, lowestValue)) return { met: true, agents: lowest, value: lowestValue };
  // Invariant: `failing` misses the target; find a count that meets it, doubling the step.
  let failing = lowest;
  let step = 1;
  let meeting: number | undefined;
  while (meeting === undefined) {
    const next = Math.min(failing + step, maxAgents);
    if (satisfies(target, valueAt(next))) meeting = next;
    else if (next === maxAgents) return { met: false, maxAgents, bestValue: valueAt(maxAgents) };
    else failing = next;
    step *= 2;
  }
  while (meeting - failing > 1) {
    const middle = Math.floor((failing + meeting) / 2);
    if (satisfies(target, valueAt(middle))) meeting = middle;
    else failing = middle;
  }
  return { met: true, agents: meeting, value: valueAt(meeting) };
}

/**
 * The fewest agents meeting every target at once: the largest single answer, since each
 * metric only improves with more agents. Undefined when some target is out of reach.
 */
export function agentsNeededForAll(answers: readonly AgentsNeeded[]): number | undefined {
  let agents = 0;
  for (const answer of answers) {
    if (!answer.met) return undefined;
    agents = Math.max(agents, answer.agents);
  }
  return agents;
}
