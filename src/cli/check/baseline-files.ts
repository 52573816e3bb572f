/**
 * The baseline files of `ccsim check`: reading a summary.json and the per-replication values
 * kept beside it (each problem located, exit 2), and writing both together for `--update`,
 * whole or not at all, never over a file that is not a ccsim baseline.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname } from "node:path";
import {
  BaselineError,
  type BaselineSummary,
  parseBaselineSummary,
  parseReplicationValuesCsv,
  type ReplicationTable,
  replicationValuesPathOf,
} from "../../comparison/index.ts";
import { ScenarioError, UsageError } from "../../errors.ts";
import { writeFilesAtomically } from "../run/atomic-files.ts";

/** A baseline as read: the summary, with its per-replication values when they are beside it. */
export interface LoadedBaseline {
  readonly summary: BaselineSummary;
  /** Why the per-replication values were not used, when they were not. */
  readonly valuesNote?: string;
}

/** A baseline file bigger than this is not a summary.json. */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/** Reads a file's text; a missing or unreadable file is a UsageError naming `what`. */
function readText(file: string, what: string, remedy: string): string {
  try {
    if (statSync(file).size > MAX_BASELINE_BYTES) {
      throw new UsageError(`${file}: too large to be ${what}`);
    }
    return readFileSync(file, "utf8");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`${file}: cannot read ${what} (${code})${remedy}`);
  }
}

/** BaselineError as the CLI reports bad input: one located line per problem, exit 2. */
export function asScenarioError(error: BaselineError): ScenarioError {
  return new ScenarioError(error.problems);
}

/**
 * Reads the baseline `file` and, when present, its per-replication values. Values that do not
 * belong with the summary (another replication count, other means) are not used for pairing:
 * `valuesNote` says why. Throws UsageError or ScenarioError (located problems).
 */
export function loadBaseline(file: string): LoadedBaseline {
  const text = readText(file, "the baseline", "; write one with --update");
  let summary: BaselineSummary;
  try {
    summary = parseBaselineSummary(text, file);
  } catch (error) {
    if (error instanceof BaselineError) throw asScenarioError(error);
    throw error;
  }
  const valuesFile = replicationValuesPathOf(file);
  if (!existsSync(valuesFile)) return { summary };
  let table: ReplicationTable;
  try {
    table = parseReplicationValuesCsv(
      readText(valuesFile, "the per-replication values", ""),
      valuesFile,
    );
  } catch (error) {
    if (error instanceof BaselineError) throw asScenarioError(error);
    throw error;
  }
  const mismatch = mismatchOf(summary, table);
  if (mismatch !== undefined) {
    return {
      summary,
      valuesNote: `${valuesFile} does not belong with ${basename(file)} (${mismatch})`,
    };
  }
  return { summary: { ...summary, perReplication: table } };
}

/**
 * Why the per-replication values cannot be the summary's (another count, a mean that is not
 * theirs), or undefined when they agree. Means are compared at summary.json's 6 decimals
 * (rounding moves them by at most 5e-7).
 */
function mismatchOf(summary: BaselineSummary, table: ReplicationTable): string | undefined {
  if (table.replications !== summary.replications) {
    return `${table.replications} replications against ${summary.replications}`;
  }
  for (const [scope, metrics] of summary.estimates) {
    for (const [metric, estimate] of metrics) {
      const values = table.scopes.get(scope)?.get(metric);
      if (values === undefined) return `no values for ${scope} ${metric}`;
      const finite = values.filter((value) => Number.isFinite(value));
      const mean =
        finite.length === 0
          ? Number.NaN
          : finite.reduce((sum, value) => sum + value, 0) / finite.length;
      const agrees =
        (Number.isNaN(mean) && Number.isNaN(estimate.mean)) ||
        Math.abs(mean - estimate.mean) <= 5e-7 + 1e-9 * Math.abs(mean);
      if (!agrees)
        return `their mean of ${scope} ${metric} is ${mean}, the summary says ${estimate.mean}`;
    }
  }
  return undefined;
}

/**
 * Writes `summaryText` as `file` and `valuesText` beside it, both whole or neither. Refuses to
 * replace a file that is not a ccsim baseline (a summary.json, or its per-replication values).
 * Returns the paths written.
 */
export function writeBaseline(file: string, summaryText: string, valuesText: string): string[] {
  const valuesFile = replicationValuesPathOf(file);
  assertReplaceable(file);
  try {
    return writeFilesAtomically(
      dirname(file),
      new Map([
        [basename(file), summaryText],
        [basename(valuesFile), valuesText],
      ]),
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`--baseline ${file}: cannot write the baseline (${code})`);
  }
}

/**
 * Throws UsageError unless `file` and the per-replication values beside it are absent or read
 * as what `--update` writes: called before simulating, and again just before writing.
 */
export function assertReplaceable(file: string): void {
  const valuesFile = replicationValuesPathOf(file);
  if (existsSync(file)) refuseForeign(file, (text) => parseBaselineSummary(text, file));
  if (existsSync(valuesFile)) {
    refuseForeign(valuesFile, (text) => parseReplicationValuesCsv(text, valuesFile));
  }
}

/** Throws UsageError unless `file` reads as what ccsim would have written there. */
function refuseForeign(file: string, parse: (text: string) => unknown): void {
  let text: string;
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
    text = readText(file, "the existing baseline", "");
    parse(text);
  } catch {
    throw new UsageError(
      `--update would replace ${file}, which is not a ccsim baseline; remove it or choose another --baseline`,
    );
  }
}
