/**
 * What `ccsim check` compares: the values of a run, from a summary.json (any run's output is a
 * baseline) and, when kept beside it, its per-replication values (written by `check --update`),
 * which allow pairing by replication. Pure: text in, values out. Fields a newer ccsim adds are
 * tolerated (and metrics this version does not know are skipped); every problem is located.
 */
import * as z from "zod";
import { METRIC_NAMES, type MetricEstimate, type MetricName } from "../metrics/index.ts";
import { BaselineError } from "./baseline-error.ts";
import {
  type FieldPathSegment,
  formatFieldPath,
  type LocatedJson,
  parseLocatedJson,
} from "./baseline-text.ts";
import type { ReplicationTable } from "./replication-table.ts";

export { BaselineError, type BaselineProblem } from "./baseline-error.ts";
export {
  parseReplicationValuesCsv,
  renderReplicationValuesCsv,
  replicationValuesPathOf,
} from "./replication-values-csv.ts";

/** A run's values, as a baseline holds them or as a check run produced them. */
export interface RunValues {
  readonly scenario: string;
  readonly seed: number;
  readonly replications: number;
  /** Per scope (`overall`, `queue:<id>`, `arrival:<id>`) and metric: mean and 95% half-width. */
  readonly estimates: ReadonlyMap<string, ReadonlyMap<MetricName, MetricEstimate>>;
  /** Per-replication values (summary metrics only), when known. */
  readonly perReplication?: ReplicationTable;
}

/** A baseline summary.json as read, with where each metric is in its text. */
export interface BaselineSummary extends RunValues {
  /** 1-based line and column of the metric's key in the file, for annotations. */
  positionOf(scope: string, metric: MetricName): { readonly line: number; readonly column: number };
}

const NOT_A_SUMMARY_HINT =
  "a baseline is the summary.json of `ccsim run`, or the file `ccsim check --update` writes";

/** One metric's estimate as summary.json writes it: NaN means and missing half-widths are null. */
const estimateSchema = z.object({
  mean: z.number().nullable(),
  halfWidth: z.number().min(0).nullable(),
});

/** A scope: the metrics this version knows, each optional (a missing one is a verdict). */
const scopeSchema = z.object(
  Object.fromEntries(METRIC_NAMES.map((metric) => [metric, estimateSchema.optional()])),
);

const summarySchema = z.object({
  scenario: z.string().min(1),
  seed: z.number().int().min(0),
  replications: z.number().int().min(1),
  horizonSeconds: z.number(),
  warmupSeconds: z.number(),
  serviceLevelThresholdSeconds: z.number(),
  overall: scopeSchema,
  queues: z.record(z.string(), scopeSchema),
  arrivals: z.record(z.string(), scopeSchema),
});

type ScopeJson = Partial<Record<MetricName, { mean: number | null; halfWidth: number | null }>>;

/** A short rendering of a value read from the file, for messages. */
function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  return JSON.stringify(value);
}

/** Phrases zod's checks for someone reading a baseline file; never mentions zod. */
const baselineErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "invalid_type") {
    if (issue.input === undefined) return "required field is missing";
    const expected =
      issue.expected === "object" || issue.expected === "record"
        ? "a map"
        : issue.expected === "number"
          ? "a number"
          : issue.expected === "string"
            ? "a string"
            : issue.expected;
    return `expected ${expected}, got ${describeValue(issue.input)}`;
  }
  if (issue.code === "too_small") {
    return `must be ≥ ${String(issue.minimum)}, got ${describeValue(issue.input)}`;
  }
  return undefined;
};

/** Reads summary.json text; throws BaselineError listing every problem. */
export function parseBaselineSummary(text: string, file: string): BaselineSummary {
  const json = parseLocatedJson(text);
  if (!json.ok) {
    throw new BaselineError([
      { file, ...json.position, path: "", message: json.message, hint: NOT_A_SUMMARY_HINT },
    ]);
  }
  const parsed = summarySchema.safeParse(json.value, { error: baselineErrorMap });
  if (!parsed.success) {
    throw new BaselineError(
      parsed.error.issues.map((issue) => {
        const path = issue.path.filter(
          (segment): segment is FieldPathSegment => typeof segment !== "symbol",
        );
        const located = {
          file,
          ...json.positionOf(path),
          path: formatFieldPath(path),
          message: issue.message,
        };
        return path.length === 0 ? { ...located, hint: NOT_A_SUMMARY_HINT } : located;
      }),
    );
  }
  const summary = parsed.data;
  const estimates = new Map<string, ReadonlyMap<MetricName, MetricEstimate>>();
  estimates.set("overall", estimatesOf(summary.overall as ScopeJson));
  for (const [id, scope] of Object.entries(summary.queues)) {
    estimates.set(`queue:${id}`, estimatesOf(scope as ScopeJson));
  }
  for (const [id, scope] of Object.entries(summary.arrivals)) {
    estimates.set(`arrival:${id}`, estimatesOf(scope as ScopeJson));
  }
  return {
    scenario: summary.scenario,
    seed: summary.seed,
    replications: summary.replications,
    estimates,
    positionOf: (scope, metric) => metricPosition(json, scope, metric),
  };
}

/** A scope's estimates in contract order; null means read as NaN (undefined in every run). */
function estimatesOf(scope: ScopeJson): Map<MetricName, MetricEstimate> {
  const metrics = new Map<MetricName, MetricEstimate>();
  for (const metric of METRIC_NAMES) {
    const value = scope[metric];
    if (value === undefined) continue;
    metrics.set(metric, { mean: value.mean ?? Number.NaN, halfWidth: value.halfWidth });
  }
  return metrics;
}

/** Where a scope's metric is: its key, else the nearest part of the file that exists. */
function metricPosition(
  json: Extract<LocatedJson, { ok: true }>,
  scope: string,
  metric: MetricName,
): { readonly line: number; readonly column: number } {
  const path = scopePath(scope);
  const full = [...path, metric];
  return json.keyPositionOf(full) ?? json.keyPositionOf(path) ?? json.positionOf(full);
}

/** The field path of a scope in summary.json (`queue:a` → `queues.a`). */
export function scopePath(scope: string): FieldPathSegment[] {
  if (scope.startsWith("queue:")) return ["queues", scope.slice("queue:".length)];
  if (scope.startsWith("arrival:")) return ["arrivals", scope.slice("arrival:".length)];
  return [scope];
}
