/**
 * Rules for values that cannot be simulated in memory or in time (limits.ts): magnitudes of
 * the time fields, workers after expanding groups (counted, never expanded), report and rate
 * intervals, expected jobs per replication, trace file sizes, and a worker model that
 * re-offers a job at the same instant for ever. `limitRules` read counts and rates only, so
 * they are safe on any input; the loader runs them first and stops when one fails.
 */
import { statSync } from "node:fs";
import {
  MAX_DRAIN_SECONDS,
  MAX_HORIZON_SECONDS,
  MAX_INTERVALS,
  MAX_JOBS_PER_REPLICATION,
  MAX_RATE_INTERVALS,
  MAX_TRACE_FILE_BYTES,
  MAX_WORKERS,
} from "./limits.ts";
import type { Indexed, RuleInput, RuleIssue } from "./rule-input.ts";
import { resolveTracePath } from "./rules-trace.ts";
import { type DistributionSpec, groupSizeOf } from "./types.ts";

const SECONDS_PER_HOUR = 3600;
const SEE_LIMITS = "see docs/limits.md";

/** A count for messages: 1234567 → "1,234,567"; very large values in exponent form. */
function formatCount(value: number): string {
  return value < 1e15 ? Math.round(value).toLocaleString("en-US") : value.toPrecision(3);
}

function timeLimits({ top }: RuleInput): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const days = (seconds: number) => `${formatCount(seconds / 86_400)} days`;
  if (top.horizon !== undefined && top.horizon > MAX_HORIZON_SECONDS) {
    issues.push({
      path: ["horizon"],
      message: `the horizon (${formatCount(top.horizon)} s) is longer than ccsim simulates: at most ${days(MAX_HORIZON_SECONDS)}`,
      hint: `simulate a representative day, week or month instead; ${SEE_LIMITS}`,
    });
  }
  if (top.drain !== undefined && top.drain > MAX_DRAIN_SECONDS) {
    issues.push({
      path: ["drain"],
      message: `the drain (${formatCount(top.drain)} s) is longer than ccsim simulates: at most ${days(MAX_DRAIN_SECONDS)}`,
      hint: `jobs still waiting are cut off at horizon + drain; a few hours is usually enough; ${SEE_LIMITS}`,
    });
  }
  const horizon = usableHorizon(top.horizon);
  if (horizon !== undefined && top.intervalLength !== undefined && top.intervalLength > 0) {
    const intervals = Math.ceil(horizon / top.intervalLength);
    if (intervals > MAX_INTERVALS) {
      issues.push({
        path: ["intervalLength"],
        message: `${formatCount(intervals)} report intervals (horizon / intervalLength); ccsim reports at most ${formatCount(MAX_INTERVALS)}`,
        hint: `use a longer intervalLength such as 15m; ${SEE_LIMITS}`,
      });
    }
  }
  return issues;
}

/** The horizon when it is valid and within its limit, for the rules that scale with it. */
function usableHorizon(horizon: number | undefined): number | undefined {
  return horizon !== undefined && horizon > 0 && horizon <= MAX_HORIZON_SECONDS
    ? horizon
    : undefined;
}

function workerLimits(input: RuleInput): RuleIssue[] {
  const tooBig = input.workers.filter(({ value }) => groupSizeOf(value) > MAX_WORKERS);
  // Formatted only for an issue: a process's first toLocaleString loads ICU data (~25 ms).
  const hint = () =>
    `ccsim simulates at most ${formatCount(MAX_WORKERS)} workers in all; ${SEE_LIMITS}`;
  if (tooBig.length > 0) {
    return tooBig.map(({ index, value }) => ({
      path: ["workers", index, "count"],
      message: `count ${formatCount(groupSizeOf(value))} is more workers than ccsim can simulate`,
      hint: hint(),
    }));
  }
  const total = input.workers.reduce((sum, { value }) => sum + groupSizeOf(value), 0);
  if (total <= MAX_WORKERS) return [];
  return [
    {
      path: ["workers"],
      message: `the worker groups add up to ${formatCount(total)} workers, more than ccsim can simulate`,
      hint: hint(),
    },
  ];
}

/**
 * Mean of a distribution in seconds, or a lower bound of it (weibull). A new distribution kind
 * is a compile error here until it has its case (the `never` below).
 */
function meanSeconds(spec: DistributionSpec): number {
  switch (spec.kind) {
    case "constant":
      return spec.value;
    case "uniform":
      return (spec.min + spec.max) / 2;
    case "triangular":
      return (spec.min + spec.mode + spec.max) / 3;
    case "exponential":
    case "normal":
    case "lognormal":
    case "gamma":
    case "erlang":
      return spec.mean;
    case "weibull":
      // scale · Γ(1 + 1/shape), and Γ is at least 0.8856 on [1, 2].
      return spec.scale * 0.8856;
    case "empirical":
      return spec.values.reduce((sum, value) => sum + value, 0) / spec.values.length;
    default: {
      const unknownKind: never = spec;
      return unknownKind;
    }
  }
}

type ArrivalItem = RuleInput["arrivals"][number]["value"];

/** Expected arrivals of one stream over `horizon` seconds (the piecewise list repeats). */
function expectedJobs(arrival: ArrivalItem["arrival"], horizon: number): number {
  switch (arrival.kind) {
    case "poisson":
      return (arrival.ratePerHour * horizon) / SECONDS_PER_HOUR;
    case "piecewisePoisson": {
      const { intervalLength, ratesPerHour } = arrival;
      if (!(intervalLength > 0)) return 0;
      const meanRate = ratesPerHour.reduce((sum, rate) => sum + rate, 0) / ratesPerHour.length;
      // An upper bound: the mean rate, or the highest one for a horizon shorter than a cycle.
      const cycle = intervalLength * ratesPerHour.length;
      const rate = horizon >= cycle ? meanRate : Math.max(...ratesPerHour);
      return (rate * horizon) / SECONDS_PER_HOUR;
    }
    case "renewal": {
      const mean = meanSeconds(arrival.interarrival);
      return mean <= 0 ? 0 : horizon / mean;
    }
    case "scripted":
      return arrival.at.length;
    default:
      return 0;
  }
}

function arrivalLimits(input: RuleInput, scenarioDirectory: string): RuleIssue[] {
  const horizon = usableHorizon(input.top.horizon);
  const issues: RuleIssue[] = [];
  const volumes: { item: Indexed<ArrivalItem>; jobs: number }[] = [];
  for (const item of input.arrivals) {
    const { index, value } = item;
    const arrival = value.arrival;
    const path = ["arrivals", index, "arrival"];
    if (arrival.kind === "trace") issues.push(...traceSize(scenarioDirectory, arrival.file, path));
    if (horizon === undefined) continue;
    if (arrival.kind === "piecewisePoisson" && arrival.intervalLength > 0) {
      const intervals = Math.ceil(horizon / arrival.intervalLength);
      if (intervals > MAX_RATE_INTERVALS) {
        issues.push({
          path: [...path, "intervalLength"],
          message: `${formatCount(intervals)} rate intervals over the horizon; ccsim walks through at most ${formatCount(MAX_RATE_INTERVALS)}`,
          hint: `use a longer intervalLength; ${SEE_LIMITS}`,
        });
      }
    }
    volumes.push({ item, jobs: expectedJobs(arrival, horizon) });
  }
  return [...issues, ...volumeIssues(volumes)];
}

/** The field that sets a stream's volume, by arrival kind. */
const VOLUME_FIELD: Readonly<Record<ArrivalItem["arrival"]["kind"], string>> = {
  poisson: "ratePerHour",
  piecewisePoisson: "ratesPerHour",
  renewal: "interarrival",
  scripted: "at",
  trace: "file",
};

function volumeIssues(volumes: { item: Indexed<ArrivalItem>; jobs: number }[]): RuleIssue[] {
  const total = volumes.reduce((sum, { jobs }) => sum + jobs, 0);
  if (!(total > MAX_JOBS_PER_REPLICATION)) return [];
  const hint = `ccsim simulates at most ${formatCount(MAX_JOBS_PER_REPLICATION)} jobs per replication; check the rate's unit (per hour) or shorten the horizon; ${SEE_LIMITS}`;
  const tooBig = volumes.filter(({ jobs }) => jobs > MAX_JOBS_PER_REPLICATION);
  const culprits = tooBig.length > 0 ? tooBig : volumes.filter(({ jobs }) => jobs > 0);
  return culprits.map(({ item, jobs }) => ({
    path: ["arrivals", item.index, "arrival", VOLUME_FIELD[item.value.arrival.kind]],
    message:
      tooBig.length > 0
        ? `arrival stream ${item.value.id} brings ${formatCount(jobs)} jobs per replication (expected), too many to simulate`
        : `arrival stream ${item.value.id} brings ${formatCount(jobs)} of the ${formatCount(total)} jobs expected per replication, too many to simulate`,
    hint,
  }));
}

function traceSize(scenarioDirectory: string, file: string, path: (string | number)[]) {
  let bytes: number;
  try {
    bytes = statSync(resolveTracePath(scenarioDirectory, file)).size;
  } catch {
    return []; // a missing or unreadable file is the trace rules' to report
  }
  if (bytes <= MAX_TRACE_FILE_BYTES) return [];
  return [
    {
      path: [...path, "file"],
      message: `the trace file has ${formatCount(bytes)} bytes; ccsim reads trace files of at most ${MAX_TRACE_FILE_BYTES / 1024 / 1024} MiB (${formatCount(MAX_TRACE_FILE_BYTES)} bytes)`,
      hint: `split the trace into shorter periods and simulate each; ${SEE_LIMITS}`,
    },
  ];
}

/** Whether a distribution always gives 0 (an answer at the instant of the offer). */
function isAlwaysZero(spec: DistributionSpec): boolean {
  if (spec.kind === "constant") return spec.value === 0;
  if (spec.kind === "empirical") return spec.values.every((value) => value === 0);
  return (spec.kind === "uniform" || spec.kind === "triangular") && spec.max === 0;
}

/**
 * A group that never accepts, answers at once and lets the job come straight back re-offers
 * it at the same instant for ever: the run could never advance.
 */
export function endlessDeclineRules(input: RuleInput): RuleIssue[] {
  return input.workers.flatMap(({ index, value: { id, behavior } }) =>
    behavior.acceptProbability === 0 &&
    behavior.declineRetryAfter === 0 &&
    isAlwaysZero(behavior.responseTime)
      ? [
          {
            path: ["workers", index, "behavior", "declineRetryAfter"],
            message: `worker group ${id} declines every offer (acceptProbability 0) at once (responseTime 0) with declineRetryAfter 0 s, so the job is re-offered at the same instant for ever`,
            hint: "give declineRetryAfter a positive duration (e.g. 30s) or leave it out, or give acceptProbability a value above 0",
          },
        ]
      : [],
  );
}

/** Issues for every value beyond ccsim's limits; `scenarioDirectory` resolves trace files. */
export function limitRules(input: RuleInput, scenarioDirectory: string): RuleIssue[] {
  return [...timeLimits(input), ...workerLimits(input), ...arrivalLimits(input, scenarioDirectory)];
}
