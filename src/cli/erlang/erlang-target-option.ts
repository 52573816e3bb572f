/**
 * `--target "<metric><op><value>"` of `ccsim erlang`: the metric as the output contract names
 * it (an `overall.` scope is allowed, as in `ccsim staff`), a comparison pointing the way more
 * agents move the metric, and a share (0.8 or 80%) or a duration (30s, or seconds).
 */
import {
  ERLANG_TARGET_METRICS,
  type ErlangTarget,
  type ErlangTargetMetric,
  TARGET_OPERATORS,
  type TargetOperator,
} from "../../planning/index.ts";
import { nearest, parseDurationSeconds } from "../../scenario/index.ts";

const TARGET_PATTERN = /^\s*([A-Za-z][A-Za-z0-9.]*)\s*(>=|<=|>|<)\s*(\S+)\s*$/;
const METRICS = Object.keys(ERLANG_TARGET_METRICS) as ErlangTargetMetric[];

/** The syntax, for messages. */
const TARGET_SYNTAX = '"<metric><op><value>", e.g. "serviceLevel>=0.8" or "waitMean<=30s"';

/** `text` as a target, or a one-line problem (without the `ccsim:` prefix). */
export function parseErlangTarget(text: string): ErlangTarget | string {
  const match = TARGET_PATTERN.exec(text);
  if (match === null) {
    return `--target "${text}" is not a target: write ${TARGET_SYNTAX} (operators ${TARGET_OPERATORS.join(" ")})`;
  }
  const [, named = "", operatorText = "", valueText = ""] = match;
  const metricName = named.startsWith("overall.") ? named.slice("overall.".length) : named;
  if (!(metricName in ERLANG_TARGET_METRICS)) {
    const suggestion = nearest(metricName, METRICS);
    const remedy =
      suggestion === undefined ? `metrics: ${METRICS.join(", ")}` : `did you mean "${suggestion}"?`;
    return `--target "${text}": ${named} is not a metric the Erlang formulas give (${remedy})`;
  }
  const metric = metricName as ErlangTargetMetric;
  const operator = operatorText as TargetOperator;
  const definition = ERLANG_TARGET_METRICS[metric];
  const wanted = definition.improves === "up" ? ">= or >" : "<= or <";
  if ((definition.improves === "up") !== operator.startsWith(">")) {
    return `--target "${text}": ${metric} ${definition.improves === "up" ? "rises" : "falls"} as agents are added, so only ${wanted} asks for a fewest count`;
  }
  const value = definition.unit === "share" ? shareOf(valueText) : durationSecondsOf(valueText);
  if (value === undefined) {
    const expected =
      definition.unit === "share"
        ? "a share between 0 and 1 (0.8) or a percentage (80%)"
        : 'a duration such as "30s" or "1.5m" (or seconds)';
    return `--target "${text}": ${valueText} is not ${expected}`;
  }
  return { text, metric, operator, value };
}

/** 0.8 or 80% as a share in [0, 1]; undefined otherwise. */
function shareOf(text: string): number | undefined {
  const percent = text.endsWith("%");
  const number = Number(percent ? text.slice(0, -1) : text);
  if (text === "" || text === "%" || !Number.isFinite(number)) return undefined;
  const share = percent ? number / 100 : number;
  return share >= 0 && share <= 1 ? share : undefined;
}

/**
 * A duration option's seconds: the scenario syntax ("180s", "3m"), or a plain number of
 * seconds, since a command line gives every value as text. Undefined for anything else.
 */
export function durationSecondsOf(text: string): number | undefined {
  if (/^(\d+(\.\d+)?|\.\d+)$/.test(text)) return parseDurationSeconds(Number(text));
  return parseDurationSeconds(text);
}
