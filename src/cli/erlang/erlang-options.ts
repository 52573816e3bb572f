/**
 * `ccsim erlang`'s options read into one request, every problem found at once (one UsageError,
 * a line each): the arrival rate, the durations in the scenario syntax, the agent counts
 * (`14`, `12..16`, `10,12..14`), the targets and --max, and the plain refusal of an Erlang C
 * queue that cannot keep up (load ≥ agents) when no patience makes Erlang A the model.
 */
import { UsageError } from "../../errors.ts";
import {
  type ErlangInputs,
  type ErlangTarget,
  minimumStableAgents,
  offeredLoadOf,
} from "../../planning/index.ts";
import { durationSecondsOf, parseErlangTarget } from "./erlang-target-option.ts";

/** The output formats of --format. */
export const ERLANG_FORMATS = ["text", "json"] as const;

/** One output format. */
export type ErlangFormat = (typeof ERLANG_FORMATS)[number];

/** The options as yargs parses them. */
export interface ErlangArguments {
  ratePerHour?: number | undefined;
  handleTime?: string | undefined;
  agents?: string | undefined;
  threshold: string;
  patience?: string | undefined;
  target?: string[] | undefined;
  max?: number | undefined;
  format: ErlangFormat;
}

/** What to compute and how to print it. */
export interface ErlangRequest {
  readonly inputs: ErlangInputs;
  /** The agent counts asked for, ascending; undefined: a few around the targets' answer. */
  readonly agents?: readonly number[];
  readonly targets: readonly ErlangTarget[];
  /** The largest count the agents-needed search tries. */
  readonly maxAgents: number;
  readonly format: ErlangFormat;
}

/** Most rows one command prints: a table for reading, not a data dump. */
export const MAX_AGENT_ROWS = 1000;

/** The request of `args`, or a UsageError listing every problem. */
export function erlangRequestOf(args: ErlangArguments): ErlangRequest {
  const problems: string[] = [];
  const ratePerHour = positiveRate(args.ratePerHour, problems);
  const handleTimeSeconds = positiveDuration("handle-time", args.handleTime, problems);
  const thresholdSeconds = duration("threshold", args.threshold, problems);
  const patienceSeconds =
    args.patience === undefined ? undefined : positiveDuration("patience", args.patience, problems);
  const agents = args.agents === undefined ? undefined : agentCountsOf(args.agents, problems);
  const targets: ErlangTarget[] = [];
  for (const text of args.target ?? []) {
    const target = parseErlangTarget(text);
    if (typeof target === "string") problems.push(target);
    else targets.push(target);
  }
  if (patienceSeconds === undefined && args.patience === undefined) {
    for (const target of targets.filter((one) => one.metric === "abandonmentRate")) {
      problems.push(
        `--target "${target.text}": nobody hangs up under Erlang C; give --patience (mean patience) for Erlang A`,
      );
    }
  }
  if (args.agents === undefined && args.target === undefined) {
    problems.push(
      'name the agents to evaluate (--agents 14, 12..16 or 12,14,16) or a target (--target "serviceLevel>=0.8"), or both',
    );
  }
  const max = maxAgentsOption(args.max, problems);
  if (
    problems.length > 0 ||
    ratePerHour === undefined ||
    handleTimeSeconds === undefined ||
    thresholdSeconds === undefined
  ) {
    throw new UsageError(problems.join("\nccsim: "));
  }
  const inputs: ErlangInputs = {
    ratePerHour,
    handleTimeSeconds,
    thresholdSeconds,
    ...(patienceSeconds === undefined ? {} : { patienceSeconds }),
  };
  if (agents !== undefined && patienceSeconds === undefined) assertStable(inputs, agents, args);
  const load = offeredLoadOf(inputs);
  return {
    inputs,
    ...(agents === undefined ? {} : { agents }),
    targets,
    maxAgents: max ?? Math.max(1000, Math.ceil(10 * load)),
    format: args.format,
  };
}

/** Erlang C has no steady state below ⌊a⌋ + 1 agents: say so, with the load and the minimum. */
function assertStable(inputs: ErlangInputs, agents: readonly number[], args: ErlangArguments) {
  const minimum = minimumStableAgents(inputs);
  const short = agents.filter((count) => count < minimum);
  if (short.length === 0) return;
  const load = offeredLoadOf(inputs);
  const counts = short.length === 1 ? `${short[0]} agents` : `${listOf(short)} agents`;
  throw new UsageError(
    `--agents ${args.agents}: ${counts} cannot keep up with ${roundedLoad(load)} Erlangs of load (${args.ratePerHour} calls/hour × ${inputs.handleTimeSeconds} s): the Erlang C queue grows without end; it needs at least ${minimum} agents (or give --patience, for Erlang A where callers hang up)`,
  );
}

function roundedLoad(load: number): string {
  return String(Math.round(load * 1000) / 1000);
}

function listOf(counts: readonly number[]): string {
  if (counts.length > 6) return `${counts[0]} to ${counts[counts.length - 1]}`;
  return `${counts.slice(0, -1).join(", ")} and ${counts[counts.length - 1]}`;
}

function positiveRate(value: number | undefined, problems: string[]): number | undefined {
  if (value === undefined) {
    problems.push("give the arrival rate: --rate-per-hour <calls per hour> (e.g. 200)");
    return undefined;
  }
  if (Array.isArray(value)) {
    problems.push("give --rate-per-hour (or --calls-per-hour) once");
    return undefined;
  }
  if (!(Number.isFinite(value) && value > 0)) {
    problems.push(`--rate-per-hour must be a number of calls per hour > 0, got ${value}`);
    return undefined;
  }
  return value;
}

function duration(name: string, text: string | undefined, problems: string[]): number | undefined {
  if (text === undefined) {
    problems.push(`give --${name} (a duration such as "180s" or "3m")`);
    return undefined;
  }
  const seconds = durationSecondsOf(text);
  if (seconds === undefined && text.startsWith("-")) {
    problems.push(`--${name} must be a positive duration, got ${text}`);
  } else if (seconds === undefined) {
    problems.push(
      `--${name} ${text} is not a duration: write a number of seconds or <number><unit> with unit ms, s, m, min, h or d (e.g. "180s", "3m")`,
    );
  }
  return seconds;
}

function positiveDuration(
  name: string,
  text: string | undefined,
  problems: string[],
): number | undefined {
  const seconds = duration(name, text, problems);
  if (seconds === 0) {
    problems.push(`--${name} must be longer than 0, got ${text}`);
    return undefined;
  }
  return seconds;
}

/** `14`, `12..16`, `10,12..14` as ascending distinct counts ≥ 1. */
function agentCountsOf(text: string, problems: string[]): number[] | undefined {
  const counts = new Set<number>();
  for (const part of text.split(",").map((piece) => piece.trim())) {
    const range = /^(\d+)(?:\.\.(\d+))?$/.exec(part);
    const first = Number(range?.[1]);
    const last = Number(range?.[2] ?? range?.[1]);
    if (range === null || !Number.isSafeInteger(last) || first < 1 || last < first) {
      problems.push(
        `--agents ${text}: "${part}" is not an agent count or range: write whole numbers ≥ 1, e.g. 14, 12..16 or 10,12..14`,
      );
      return undefined;
    }
    if (last - first + 1 + counts.size > MAX_AGENT_ROWS) {
      problems.push(`--agents ${text} asks for more than ${MAX_AGENT_ROWS} rows`);
      return undefined;
    }
    for (let count = first; count <= last; count++) counts.add(count);
  }
  return [...counts].sort((left, right) => left - right);
}

function maxAgentsOption(value: number | undefined, problems: string[]): number | undefined {
  if (value === undefined) return undefined;
  if (!(Number.isSafeInteger(value) && value >= 1)) {
    problems.push(`--max must be a whole number of agents ≥ 1, got ${value}`);
    return undefined;
  }
  return value;
}
