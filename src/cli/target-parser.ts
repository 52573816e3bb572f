/**
 * The one parser of `--target "[scope.]metric op value"`, for `ccsim staff` and `ccsim erlang`.
 * What differs between the commands (the metrics, the scopes, how a value is written, whether
 * the comparison must point the way more agents move the metric) is a TargetGrammar; the syntax
 * and every message are the same. A bad target is one line that quotes it, with a "did you mean".
 */
import { TARGET_OPERATORS, type TargetOperator, type TargetScope } from "../planning/index.ts";
import { nearest } from "../scenario/index.ts";

/** A scope a target may name besides `overall`: `queue:<id>` or `arrival:<id>`. */
export type TargetScopeKind = "queue" | "arrival";

/** How a target's value is written for one metric. */
export interface TargetValue {
  /** The value of `text`, or undefined when it is not one. */
  readonly read: (text: string) => number | undefined;
  /** What a value must be, completing "the value after the comparison must be …". */
  readonly expected: string;
}

/** What one command's targets may say. */
export interface TargetGrammar<Metric extends string> {
  /** The metrics a target may name (checked, and the candidates of suggestions). */
  readonly metrics: readonly Metric[];
  /**
   * When the metrics are a subset of ccsim's, what they are, completing `"x" is not a metric …`
   * ("the Erlang formulas give"); without it, a name outside them is an `unknown metric "x"`.
   */
  readonly metricsAre?: string;
  /** The scopes besides overall; none where the command knows a single queue. */
  readonly scopeKinds: readonly TargetScopeKind[];
  /** Examples for messages: `e.g. "serviceLevel>=0.8" or …`. */
  readonly examples: string;
  /** How a target on `metric` writes its value. */
  readonly valueOf: (metric: Metric) => TargetValue;
  /**
   * The way more agents move `metric`, when the command asks for the fewest agents and so needs
   * the comparison to point that way; undefined: either way is allowed.
   */
  readonly improves?: (metric: Metric) => "up" | "down";
}

/** A parsed target. */
export interface ParsedTarget<Metric extends string> {
  /** The text as the user typed it, quoted back in messages. */
  readonly text: string;
  readonly scope: TargetScope;
  readonly metric: Metric;
  readonly operator: TargetOperator;
  readonly value: number;
}

/** A plain number or a percentage (`80%` is 0.8); undefined for anything else. */
export function numberOrPercentage(text: string): number | undefined {
  const percent = text.endsWith("%");
  const numberText = percent ? text.slice(0, -1).trim() : text;
  const value = numberText === "" ? Number.NaN : Number(numberText);
  if (!Number.isFinite(value)) return undefined;
  return percent ? value / 100 : value;
}

/** `did you mean "x"?` for the candidate nearest to `word`, else `<kind>: a, b, c`. */
export function suggestionFor(word: string, candidates: readonly string[], kind: string): string {
  const suggestion = nearest(word, candidates);
  return suggestion === undefined
    ? `${kind}: ${candidates.join(", ")}`
    : `did you mean "${suggestion}"?`;
}

/** Anything that looks like a comparison, the ones a target refuses included (`=`, `=>`). */
const COMPARISON = /(>=|<=|=>|=<|==|=|>|<)/;

/**
 * Parses `[scope.]metric op value` under `grammar`: scope `overall` (the default) or one of the
 * grammar's kinds with an id (which may hold dots: the metric is what follows the last one); op
 * one of >=, <=, >, <; the value as the grammar reads it for the metric. Returns the target, or
 * the one-line problem (without the `ccsim:` prefix).
 */
export function parseTarget<Metric extends string>(
  text: string,
  grammar: TargetGrammar<Metric>,
): ParsedTarget<Metric> | string {
  const problem = (detail: string) => `--target ${JSON.stringify(text)}: ${detail}`;
  const match = COMPARISON.exec(text);
  if (match === null) {
    return problem(
      `expected <metric><op><value> with op one of ${TARGET_OPERATORS.join(", ")} (${grammar.examples})`,
    );
  }
  const written = match[0];
  if (!(TARGET_OPERATORS as readonly string[]).includes(written)) {
    const meant = written === "=>" ? ">=" : written === "=<" ? "<=" : ">= or <=";
    return problem(`"${written}" is not a comparison a target can make: did you mean ${meant}?`);
  }
  const operator = written as TargetOperator;
  const left = text.slice(0, match.index).trim();
  const right = text.slice(match.index + written.length).trim();
  if (left === "") {
    return problem(`a metric name comes before the comparison (${grammar.examples})`);
  }
  const { scopeText, metricText } = splitScope(left);
  const scope = scopeOf(scopeText, grammar.scopeKinds);
  if (scope === undefined) {
    const scopes = ["overall", ...grammar.scopeKinds.map((kind) => `${kind}:<id>`)];
    const listed =
      scopes.length === 1 ? scopes[0] : `${scopes.slice(0, -1).join(", ")} or ${scopes.at(-1)}`;
    return problem(
      `"${scopeText}" is not a scope: use ${listed} before the metric (${grammar.examples})`,
    );
  }
  if (!(grammar.metrics as readonly string[]).includes(metricText)) {
    const hint = suggestionFor(metricText, grammar.metrics, "metrics");
    const named =
      grammar.metricsAre === undefined
        ? `unknown metric "${metricText}"`
        : `"${metricText}" is not a metric ${grammar.metricsAre}`;
    return problem(`${named} (${hint})`);
  }
  const metric = metricText as Metric;
  const improves = grammar.improves?.(metric);
  if (improves !== undefined && (improves === "up") !== operator.startsWith(">")) {
    const wanted = improves === "up" ? ">= or >" : "<= or <";
    return problem(
      `${metric} ${improves === "up" ? "rises" : "falls"} as agents are added, so only ${wanted} asks for a fewest count`,
    );
  }
  const reading = grammar.valueOf(metric);
  const value = reading.read(right);
  if (value === undefined) {
    return problem(
      `the value after the comparison must be ${reading.expected} (${grammar.examples})`,
    );
  }
  return { text, scope, metric, operator, value };
}

/** What precedes the comparison, split at its last dot (an id may hold dots, a metric none). */
function splitScope(left: string): { scopeText: string; metricText: string } {
  const dot = left.lastIndexOf(".");
  if (dot < 0) return { scopeText: "overall", metricText: left };
  return { scopeText: left.slice(0, dot), metricText: left.slice(dot + 1) };
}

/** `overall`, or `<kind>:<id>` of a kind the grammar allows; undefined for anything else. */
function scopeOf(scopeText: string, kinds: readonly TargetScopeKind[]): TargetScope | undefined {
  if (scopeText === "overall") return "overall";
  const colon = scopeText.indexOf(":");
  const kind = scopeText.slice(0, colon);
  const id = scopeText.slice(colon + 1);
  if (colon < 0 || id === "" || !(kinds as readonly string[]).includes(kind)) return undefined;
  return `${kind as TargetScopeKind}:${id}`;
}
