/**
 * What `ccsim check` compares: the values of a run, from a summary.json (any run's output is a
 * baseline) and, when kept beside it, its per-replication values (written by `check --update`),
 * which allow pairing by replication. Pure: text in, values out.
 *
 * INTERFACE (issue 10, lead): the types and signatures are fixed; the check-engine helper
 * implements them (parsing with zod; positions from the yaml package's LineCounter).
 */
import type { MetricEstimate, MetricName } from "../metrics/index.ts";
import type { ReplicationTable } from "./replication-table.ts";

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

/** A baseline that cannot be used: each problem located in its file. */
export class BaselineError extends Error {
  override readonly name = "BaselineError";
  readonly problems: readonly BaselineProblem[];
  constructor(problems: readonly BaselineProblem[]) {
    super(problems.map((problem) => problem.message).join("; "));
    this.problems = problems;
  }
}

/** One problem with a baseline file. */
export interface BaselineProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Field path in dot/bracket form, "" for the whole file. */
  readonly path: string;
  readonly message: string;
  readonly hint?: string;
}

/** Reads summary.json text; throws BaselineError listing every problem. */
export function parseBaselineSummary(text: string, file: string): BaselineSummary {
  void [text, file];
  throw new Error("parseBaselineSummary: not implemented yet (issue 10, check-engine)");
}

/**
 * The per-replication values file kept beside a baseline: `<baseline without .json>.replications.csv`,
 * columns `replication,scope,metric,value` (value empty where undefined).
 */
export function replicationValuesPathOf(baselinePath: string): string {
  void [baselinePath];
  throw new Error("replicationValuesPathOf: not implemented yet (issue 10, check-engine)");
}

/** The text of the per-replication values file. */
export function renderReplicationValuesCsv(table: ReplicationTable): string {
  void [table];
  throw new Error("renderReplicationValuesCsv: not implemented yet (issue 10, check-engine)");
}

/** Reads the per-replication values file; throws BaselineError listing every problem. */
export function parseReplicationValuesCsv(text: string, file: string): ReplicationTable {
  void [text, file];
  throw new Error("parseReplicationValuesCsv: not implemented yet (issue 10, check-engine)");
}
