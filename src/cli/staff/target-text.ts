/**
 * `--target "[scope.]metric op value"` parsed into a StaffingTarget, and checked against the
 * scenario's queues, arrival streams and worker groups. Every bad target is a UsageError of one
 * line that quotes it, with a "did you mean" where one is plausible.
 */
import { UsageError } from "../../errors.ts";
import { METRIC_NAMES, type MetricName } from "../../metrics/index.ts";
import {
  type StaffingTarget,
  TARGET_OPERATORS,
  type TargetOperator,
  type TargetScope,
} from "../../planning/index.ts";
import { nearest, type Scenario } from "../../scenario/index.ts";

const EXAMPLE = 'e.g. "serviceLevel>=0.8" or "queue:support.abandonmentRate<=0.05"';

function usage(text: string, detail: string): UsageError {
  return new UsageError(`--target ${JSON.stringify(text)}: ${detail}`);
}

/**
 * Parses `[scope.]metric op value`: scope `overall` (the default), `queue:<id>` or
 * `arrival:<id>` (an id may hold dots: the metric is what follows the last one); op one of
 * >=, <=, >, <; value a number or a percentage (`80%` is 0.8).
 */
export function parseStaffingTarget(text: string): StaffingTarget {
  const match = /(>=|<=|=>|=<|==|=|>|<)/.exec(text);
  if (match === null) {
    throw usage(text, `expected <metric><op><value> with op one of >=, <=, >, < (${EXAMPLE})`);
  }
  const written = match[0];
  if (!(TARGET_OPERATORS as readonly string[]).includes(written)) {
    const meant = written === "=>" ? ">=" : written === "=<" ? "<=" : ">= or <=";
    throw usage(text, `"${written}" is not a comparison a target can make: did you mean ${meant}?`);
  }
  const operator = written as TargetOperator;
  const left = text.slice(0, match.index).trim();
  const right = text.slice(match.index + written.length).trim();
  const { scope, metricText } = scopeAndMetricOf(text, left);
  const metric = metricOf(text, metricText);
  return { text, scope, metric, operator, value: targetValueOf(text, right) };
}

function scopeAndMetricOf(text: string, left: string): { scope: TargetScope; metricText: string } {
  if (left === "") throw usage(text, `a metric name comes before the comparison (${EXAMPLE})`);
  const dot = left.lastIndexOf(".");
  if (dot < 0) return { scope: "overall", metricText: left };
  const scopeText = left.slice(0, dot);
  const metricText = left.slice(dot + 1);
  if (scopeText === "overall") return { scope: "overall", metricText };
  const colon = scopeText.indexOf(":");
  const kind = colon < 0 ? scopeText : scopeText.slice(0, colon);
  const id = colon < 0 ? "" : scopeText.slice(colon + 1);
  if ((kind === "queue" || kind === "arrival") && id !== "") {
    return { scope: `${kind}:${id}`, metricText };
  }
  throw usage(
    text,
    `"${scopeText}" is not a scope: use overall, queue:<id> or arrival:<id> before the metric (${EXAMPLE})`,
  );
}

function metricOf(text: string, metricText: string): MetricName {
  if ((METRIC_NAMES as readonly string[]).includes(metricText)) return metricText as MetricName;
  const suggestion = nearest(metricText, METRIC_NAMES);
  const hint =
    suggestion === undefined
      ? `metrics: ${METRIC_NAMES.join(", ")}`
      : `did you mean "${suggestion}"?`;
  throw usage(text, `unknown metric "${metricText}" (${hint})`);
}

function targetValueOf(text: string, right: string): number {
  const percent = right.endsWith("%");
  const numberText = percent ? right.slice(0, -1).trim() : right;
  const value = numberText === "" ? Number.NaN : Number(numberText);
  if (!Number.isFinite(value)) {
    throw usage(
      text,
      `the value after the comparison must be a number or a percentage (${EXAMPLE})`,
    );
  }
  return percent ? value / 100 : value;
}

/**
 * One line per target whose scope names a queue or an arrival stream the scenario lacks, with
 * the nearest id or the list of them; empty when every scope exists.
 */
export function targetScopeProblems(
  targets: readonly StaffingTarget[],
  scenario: Pick<Scenario, "queues" | "arrivals">,
): string[] {
  const problems: string[] = [];
  for (const target of targets) {
    if (target.scope === "overall") continue;
    const colon = target.scope.indexOf(":");
    const kind = target.scope.slice(0, colon) as "queue" | "arrival";
    const id = target.scope.slice(colon + 1);
    const ids = (kind === "queue" ? scenario.queues : scenario.arrivals).map((one) => one.id);
    if (ids.includes(id)) continue;
    const suggestion = nearest(id, ids);
    const plural = kind === "queue" ? "queues" : "arrival streams";
    const hint =
      suggestion === undefined ? `${plural}: ${ids.join(", ")}` : `did you mean "${suggestion}"?`;
    problems.push(
      `--target ${JSON.stringify(target.text)}: the scenario has no ${kind === "queue" ? "queue" : "arrival stream"} "${id}" (${hint})`,
    );
  }
  return problems;
}

/** The worker group `groupId` exists in the scenario, or a UsageError saying which do. */
export function requireWorkerGroup(scenario: Pick<Scenario, "workers">, groupId: string): void {
  const ids = scenario.workers.map((group) => group.id);
  if (ids.includes(groupId)) return;
  const suggestion = nearest(groupId, ids);
  const hint = suggestion === undefined ? "" : `did you mean "${suggestion}"? `;
  throw new UsageError(
    `--group "${groupId}": the scenario has no such worker group (${hint}groups: ${ids.join(", ")})`,
  );
}
