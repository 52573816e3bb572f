/**
 * summary.json of the output contract: the run's description and provenance, then every
 * metric's mean and 95% half-width overall, per queue and per arrival stream. NaN means and
 * missing half-widths print as `null`. Pure: data in, text out (with a trailing newline).
 */
import type { ReplicationSummary, ScopeEstimates } from "../metrics/types.ts";
import { METRIC_NAMES } from "../metrics/types.ts";
import { type JsonValue, toJsonText } from "./json-text.ts";

/** A trace file an arrival stream read, by its content. */
export interface TraceProvenance {
  readonly arrival: string;
  /** Relative to the folder ccsim ran in, with `/` separators. */
  readonly file: string;
  readonly sha256: string;
}

/**
 * Where a run came from, with no timestamp, host or absolute path in it, so that identical runs
 * from the same folder still give byte-identical files.
 */
export interface Provenance {
  readonly ccsimVersion: string;
  /** The scenario file, relative to the folder ccsim ran in, with `/` separators. */
  readonly scenarioFile: string;
  /** Null when the scenario came through a pipe, which cannot be read a second time. */
  readonly scenarioSha256: string | null;
  readonly traceFiles: readonly TraceProvenance[];
}

/** What the summary says about the run besides the metrics. */
export interface RunDescription {
  readonly scenario: string;
  readonly seed: number;
  readonly horizonSeconds: number;
  readonly warmupSeconds: number;
  readonly serviceLevelThresholdSeconds: number;
  /** Written as `provenance` when given (the CLI always gives it; library callers may not). */
  readonly provenance?: Provenance;
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
    ...(run.provenance === undefined ? {} : { provenance: provenanceJson(run.provenance) }),
    overall: scopeJson(summary.overall),
    queues: scopesJson(summary.queues),
    arrivals: scopesJson(summary.arrivals),
  };
  return `${toJsonText(document)}\n`;
}

/** A run's provenance as written in summary.json (and comparison.json). */
export function provenanceJson(provenance: Provenance): JsonValue {
  return {
    ccsimVersion: provenance.ccsimVersion,
    scenarioFile: provenance.scenarioFile,
    scenarioSha256: provenance.scenarioSha256,
    traceFiles: provenance.traceFiles.map((trace) => ({
      arrival: trace.arrival,
      file: trace.file,
      sha256: trace.sha256,
    })),
  };
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
