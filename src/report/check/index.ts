/**
 * Renderers of `ccsim check`'s verdicts, pure functions of the CheckResult: the text table
 * (only what is not identical unless verbose), GitHub workflow annotations pointing at each
 * metric's line in the baseline file, the Markdown job summary, the JSON document and JUnit
 * XML (for GitLab, Jenkins, Azure DevOps).
 *
 * INTERFACE (issue 10, lead): signatures fixed; the check-renderers helper implements them.
 */
import type { CheckResult } from "../../comparison/index.ts";
import type { MetricName } from "../../metrics/index.ts";

/** What the renderers need besides the verdicts. */
export interface CheckReportContext {
  /** The baseline file as the user named it (annotations point into it). */
  readonly baselineFile: string;
  /** Show every metric, identical ones included. */
  readonly verbose: boolean;
  /** 1-based line and column of a metric's key in the baseline file. */
  positionOf(scope: string, metric: MetricName): { readonly line: number; readonly column: number };
}

/** The text table and the closing line. */
export function renderCheckText(result: CheckResult, context: CheckReportContext): string {
  void [result, context];
  throw new Error("renderCheckText: not implemented yet (issue 10, check-renderers)");
}

/** `::error`/`::warning` workflow commands, one per failing or inconclusive metric. */
export function renderGithubAnnotations(result: CheckResult, context: CheckReportContext): string {
  void [result, context];
  throw new Error("renderGithubAnnotations: not implemented yet (issue 10, check-renderers)");
}

/** Markdown for $GITHUB_STEP_SUMMARY. */
export function renderCheckMarkdown(result: CheckResult, context: CheckReportContext): string {
  void [result, context];
  throw new Error("renderCheckMarkdown: not implemented yet (issue 10, check-renderers)");
}

/** The JSON document of --format json. */
export function renderCheckJson(result: CheckResult, context: CheckReportContext): string {
  void [result, context];
  throw new Error("renderCheckJson: not implemented yet (issue 10, check-renderers)");
}

/** JUnit XML: one test case per checked metric, a failure for each failing one. */
export function renderJunitXml(result: CheckResult, context: CheckReportContext): string {
  void [result, context];
  throw new Error("renderJunitXml: not implemented yet (issue 10, check-renderers)");
}
