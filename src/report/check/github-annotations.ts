/**
 * GitHub Actions workflow commands for `ccsim check`: `::error` for each failing check and
 * `::warning` for each inconclusive one, pointing at the metric's line in the baseline file.
 * Escaped exactly as @actions/core's command.ts does (escapeData for the message,
 * escapeProperty for file and title), so the runner unescapes them back to the original text.
 */
import type { CheckResult } from "../../comparison/index.ts";
import { checkName, explanationWithSettle } from "./check-wording.ts";
import type { CheckReportContext } from "./report-context.ts";

/** One workflow command per failing or inconclusive check, one a line; "" when there is none. */
export function renderGithubAnnotations(result: CheckResult, context: CheckReportContext): string {
  const lines: string[] = [];
  for (const check of result.checks) {
    const command = check.fails ? "error" : check.verdict === "inconclusive" ? "warning" : null;
    if (command === null) continue;
    const { line, column } = context.positionOf(check.scope, check.metric);
    const properties = [
      `file=${escapeProperty(context.baselineFile)}`,
      `line=${line}`,
      `col=${column}`,
      `title=${escapeProperty(`${checkName(check)} ${check.verdict}`)}`,
    ].join(",");
    lines.push(`::${command} ${properties}::${escapeData(explanationWithSettle(check))}`);
  }
  return lines.map((line) => `${line}\n`).join("");
}

/** @actions/core escapeData: the message of a workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** @actions/core escapeProperty: a `key=value` property of a workflow command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
