/**
 * `ccsim compare`'s own options read and checked: the modes (--modes), the judged metrics
 * (--metrics), the confidence, and the baseline by name or position. Each bad value is a
 * UsageError of one line that names the option, with a "did you mean" where one is plausible.
 */
import {
  COMPARED_METRIC_NAMES,
  type ComparedMetricName,
  DEFAULT_COMPARED_METRICS,
  isComparedMetricName,
} from "../../comparison/index.ts";
import { UsageError } from "../../errors.ts";
import { nearest } from "../../scenario/index.ts";
import {
  DISTRIBUTION_MODE_KINDS,
  type DistributionModeKind,
  isDistributionModeKind,
} from "../../vocabulary/index.ts";

/** The words of an option given as comma lists, repeated or both (`a,b --x c`), in order. */
export function listOf(given: string | readonly string[] | undefined): string[] {
  if (given === undefined) return [];
  const texts = typeof given === "string" ? [given] : given;
  return texts
    .flatMap((text) => String(text).split(","))
    .map((word) => word.trim())
    .filter((word) => word !== "");
}

/** "did you mean" for `word` among `candidates`, or the list of them. */
function remedy(word: string, candidates: readonly string[], kind: string): string {
  const suggestion = nearest(word, candidates);
  return suggestion === undefined
    ? `${kind}: ${candidates.join(", ")}`
    : `did you mean "${suggestion}"?`;
}

/** The modes of --modes, in the order given; every mode when none is given. */
export function modesOf(given: string | readonly string[] | undefined): DistributionModeKind[] {
  const words = listOf(given);
  if (given !== undefined && words.length === 0) {
    throw new UsageError(`--modes needs mode names (${DISTRIBUTION_MODE_KINDS.join(", ")})`);
  }
  if (words.length === 0) return [...DISTRIBUTION_MODE_KINDS];
  const modes: DistributionModeKind[] = [];
  for (const word of words) {
    if (!isDistributionModeKind(word)) {
      throw new UsageError(
        `--modes: unknown mode "${word}" (${remedy(word, DISTRIBUTION_MODE_KINDS, "modes")})`,
      );
    }
    if (modes.includes(word)) throw new UsageError(`--modes names "${word}" twice`);
    modes.push(word);
  }
  return modes;
}

/** The metrics of --metrics (`all`, or names), in the order given; the default set without. */
export function metricsOf(given: string | readonly string[] | undefined): ComparedMetricName[] {
  const words = listOf(given);
  if (given !== undefined && words.length === 0) {
    throw new UsageError("--metrics needs metric names, or all");
  }
  if (words.length === 0) return [...DEFAULT_COMPARED_METRICS];
  if (words.includes("all")) {
    if (words.length > 1) throw new UsageError("--metrics all stands alone: it means every metric");
    return [...COMPARED_METRIC_NAMES];
  }
  const metrics: ComparedMetricName[] = [];
  for (const word of words) {
    if (!isComparedMetricName(word)) {
      const candidates = [...COMPARED_METRIC_NAMES, "all"];
      throw new UsageError(
        `--metrics: unknown metric "${word}" (${remedy(word, candidates, "metrics")})`,
      );
    }
    if (!metrics.includes(word)) metrics.push(word);
  }
  return metrics;
}

/** --confidence: a family-wise level strictly between 0 and 1. */
export function confidenceOf(given: number | undefined): number {
  if (given === undefined) return 0.95;
  if (!(Number.isFinite(given) && given > 0 && given < 1)) {
    throw new UsageError(`--confidence must be between 0 and 1 (e.g. 0.95), got ${given}`);
  }
  return given;
}

/**
 * The index of the baseline: a variant's name as reported, or its 1-based position; the first
 * variant without --baseline. A name wins over a position (a variant may be named "2").
 */
export function baselineIndexOf(given: string | undefined, names: readonly string[]): number {
  if (given === undefined) return 0;
  const byName = names.indexOf(given);
  if (byName >= 0) return byName;
  if (/^\d+$/.test(given)) {
    const position = Number(given);
    if (position >= 1 && position <= names.length) return position - 1;
    throw new UsageError(
      `--baseline ${given}: there are ${names.length} variants (positions 1 to ${names.length})`,
    );
  }
  const suggestion = nearest(given, names);
  const hint = suggestion === undefined ? "" : `did you mean "${suggestion}"? `;
  throw new UsageError(
    `--baseline "${given}": no such variant (${hint}variants: ${names.join(", ")}; or a position 1 to ${names.length})`,
  );
}
