/**
 * sweep.json, shaped for programs: the run as summary.json describes it (provenance when
 * given), the swept fields and their values, the fixed --sets, the chosen metrics, and every
 * point's values and estimates by scope and metric. Keys in a fixed order; NaN null.
 */
import { type JsonValue, toJsonText } from "../json-text.ts";
import { provenanceJson, type RunDescription } from "../summary-json.ts";
import type { SweepPointResult, SweepResults } from "./sweep-results.ts";

/** The text of sweep.json (with a trailing newline). */
export function renderSweepJson(run: RunDescription, results: SweepResults): string {
  const document: JsonValue = {
    scenario: run.scenario,
    seed: run.seed,
    replications: results.replications,
    horizonSeconds: run.horizonSeconds,
    warmupSeconds: run.warmupSeconds,
    serviceLevelThresholdSeconds: run.serviceLevelThresholdSeconds,
    ...(run.provenance === undefined ? {} : { provenance: provenanceJson(run.provenance) }),
    fields: results.fields.map((field) => ({
      path: field.name,
      values: field.values.map(jsonOf),
    })),
    fixed: [...results.fixed],
    metrics: [...results.metrics],
    points: results.points.map((point) => pointJson(results, point)),
  };
  return `${toJsonText(document)}\n`;
}

function pointJson(results: SweepResults, point: SweepPointResult): JsonValue {
  const values: Record<string, JsonValue> = {};
  for (const [index, field] of results.fields.entries()) {
    values[field.name] = jsonOf(field.values[point.indices[index] ?? -1]);
  }
  const estimates: Record<string, JsonValue> = {};
  for (const [scope, metrics] of point.estimates) {
    const scopeJson: Record<string, JsonValue> = {};
    for (const [metric, estimate] of metrics) {
      scopeJson[metric] = { mean: estimate.mean, halfWidth: estimate.halfWidth };
    }
    estimates[scope] = scopeJson;
  }
  return { name: point.name, values, estimates };
}

/** A value parsed from YAML (a scalar, a list or a map) as JSON. */
function jsonOf(value: unknown): JsonValue {
  return (value === undefined ? null : value) as JsonValue;
}
