/**
 * summary.json of the output contract: the run's description, then every metric's mean and
 * 95% half-width overall, per queue and per arrival stream. NaN means and missing half-widths
 * print as `null`. Pure: data in, text out (with a trailing newline).
 */
import type { ReplicationSummary, ScopeEstimates } from "../metrics/types.ts";
import { METRIC_NAMES } from "../metrics/types.ts";
import { type JsonValue, toJsonText } from "./json-text.ts";

/** What the summary says about the run besides the metrics. */
export interface RunDescription {
  readonly scenario: string;
  readonly seed: number;
  readonly horizonSeconds: number;
  readonly warmupSeconds: number;
  readonly serviceLevelThresholdSeconds: number;
}

/** The text of summary.json. */
export function renderSummaryJson(run: RunDescription, summary: ReplicationSummary): string {
  const document: JsonValue = {
    scenario: run.scenario,
    seed: run.seed,
    replications: summary.replications,
    horizonSeconds: run.horizonSeconds,
    warmupSeconds: run.warmupSeconds,
    serviceLevelThresholdSeconds: run.serviceLevelThresholdSeconds,
    overall: scopeJson(summary.overall),
    queues: scopesJson(summary.queues),
    arrivals: scopesJson(summary.arrivals),
  };
  return `${toJsonText(document)}\n`;
}

function scopeJson(scope: ScopeEstimates): JsonValue {
  return Object.fromEntries(
    METRIC_NAMES.map((metric) => [
      metric,
      { mean: scope[metric].mean, halfWidth: scope[metric].halfWidth },
    ]),
  );
}

function scopesJson(scopes: Readonly<Record<string, ScopeEstimates>>): JsonValue {
  return Object.fromEntries(Object.entries(scopes).map(([id, scope]) => [id, scopeJson(scope)]));
}
