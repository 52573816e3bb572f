/**
 * `--target "<metric><op><value>"` of `ccsim erlang`: the grammar of its targets for the shared
 * parser (../target-parser.ts) — a metric the Erlang formulas give (an `overall.` scope is
 * allowed, as in `ccsim staff`), a comparison pointing the way more agents move the metric, and
 * a share (0.8 or 80%) or a duration (30s, or seconds).
 */
import {
  ERLANG_TARGET_METRICS,
  type ErlangTarget,
  type ErlangTargetMetric,
} from "../../planning/index.ts";
import { parseDurationSeconds } from "../../scenario/index.ts";
import {
  numberOrPercentage,
  parseTarget,
  type TargetGrammar,
  type TargetValue,
} from "../target-parser.ts";

/** A share in [0, 1], written 0.8 or 80%. */
const SHARE: TargetValue = {
  read: (text) => {
    const share = numberOrPercentage(text);
    return share !== undefined && share >= 0 && share <= 1 ? share : undefined;
  },
  expected: "a share between 0 and 1 (0.8) or a percentage (80%)",
};

/** A duration, written as in the scenario ("30s", "1.5m") or in seconds. */
const DURATION: TargetValue = {
  read: (text) => durationSecondsOf(text),
  expected: 'a duration such as "30s" or "1.5m" (or seconds)',
};

/** What erlang's targets may say: the formulas' metrics, of the one queue they model. */
export const ERLANG_TARGET_GRAMMAR: TargetGrammar<ErlangTargetMetric> = {
  metrics: Object.keys(ERLANG_TARGET_METRICS) as ErlangTargetMetric[],
  metricsAre: "the Erlang formulas give",
  scopeKinds: [],
  examples: 'e.g. "serviceLevel>=0.8" or "waitMean<=30s"',
  valueOf: (metric) => (ERLANG_TARGET_METRICS[metric].unit === "share" ? SHARE : DURATION),
  improves: (metric) => ERLANG_TARGET_METRICS[metric].improves,
};

/** `text` as a target, or a one-line problem (without the `ccsim:` prefix). */
export function parseErlangTarget(text: string): ErlangTarget | string {
  const target = parseTarget(text, ERLANG_TARGET_GRAMMAR);
  if (typeof target === "string") return target;
  const { metric, operator, value } = target;
  return { text, metric, operator, value };
}

/**
 * A duration option's seconds: the scenario syntax ("180s", "3m"), or a plain number of
 * seconds, since a command line gives every value as text. Undefined for anything else.
 */
export function durationSecondsOf(text: string): number | undefined {
  if (/^(\d+(\.\d+)?|\.\d+)$/.test(text)) return parseDurationSeconds(Number(text));
  return parseDurationSeconds(text);
}
