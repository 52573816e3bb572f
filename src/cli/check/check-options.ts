/**
 * `ccsim check`'s own options, read and checked before anything runs: the tolerances
 * (`--tolerance <metric>=<value>`, repeatable), the family-wise confidence and the output
 * format (github by default under GitHub Actions). Each bad value is a UsageError (exit 2).
 */
import type { Tolerance } from "../../comparison/index.ts";
import { parseToleranceOverride } from "../../comparison/index.ts";
import { UsageError } from "../../errors.ts";
import type { MetricName } from "../../metrics/index.ts";

/** The output formats of --format. */
export const CHECK_FORMATS = ["text", "github", "json"] as const;

/** One output format. */
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** The tolerances of the repeated --tolerance options (the last one of a metric wins). */
export function tolerancesOf(texts: readonly string[]): Map<MetricName, Tolerance> {
  const tolerances = new Map<MetricName, Tolerance>();
  const problems: string[] = [];
  for (const text of texts) {
    try {
      const { metric, tolerance } = parseToleranceOverride(text);
      tolerances.set(metric, tolerance);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new UsageError(problems.join("\nccsim: "));
  return tolerances;
}

/** --confidence as a probability in (0, 1). */
export function confidenceOf(value: number): number {
  if (!(value > 0 && value < 1)) {
    throw new UsageError(`--confidence must be between 0 and 1 (e.g. 0.95), got ${value}`);
  }
  return value;
}

/** --format, else github when running under GitHub Actions, else text. */
export function formatOf(
  format: CheckFormat | undefined,
  environment: NodeJS.ProcessEnv,
): CheckFormat {
  if (format !== undefined) return format;
  return environment.GITHUB_ACTIONS === "true" ? "github" : "text";
}
