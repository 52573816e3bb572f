/**
 * The Markdown job summary of `ccsim check` ($GITHUB_STEP_SUMMARY): a heading with the outcome,
 * a paragraph on what was compared and what fails, a table of the checks that are not identical
 * (every check when verbose), why each failing or inconclusive one got its verdict, the counts.
 * User text (scope ids, file names, explanations) is escaped so it cannot break the table.
 */
import type { CheckResult, MetricCheck } from "../../comparison/index.ts";
import {
  allIdentical,
  allowedText,
  changeText,
  checkName,
  countsText,
  explanationWithSettle,
  levelText,
  metricsPhrase,
  pairingText,
  settleText,
  shownChecks,
  sidesText,
} from "./check-wording.ts";
import type { CheckReportContext } from "./report-context.ts";

const HEADER = ["", "scope", "metric", "baseline", "run", "change", "allowed", "verdict"];

/** The summary, ending with a newline. */
export function renderCheckMarkdown(result: CheckResult, context: CheckReportContext): string {
  const outcome = result.failed ? "❌ failed" : "✅ passed";
  const blocks = [
    `## ccsim check ${escapeMarkdown(result.scenario)}: ${outcome}`,
    explanationParagraph(result, context),
  ];
  const shown = shownChecks(result, context.verbose);
  if (allIdentical(result)) {
    blocks.push(`All ${metricsPhrase(result.checks.length)} are identical to the baseline.`);
  }
  if (shown.length > 0) blocks.push(tableOf(shown));
  const noteworthy = result.checks.filter(
    (check) => check.fails || check.verdict === "inconclusive",
  );
  if (noteworthy.length > 0) blocks.push(noteworthy.map(reasonItem).join("\n"));
  blocks.push(`**Verdicts:** ${countsText(result)}.`);
  return `${blocks.join("\n\n")}\n`;
}

function explanationParagraph(result: CheckResult, context: CheckReportContext): string {
  return [
    `The run of ${escapeMarkdown(result.scenario)} was compared with the baseline`,
    `${escapeMarkdown(context.baselineFile)}, ${escapeMarkdown(pairingText(result))}, at`,
    `${escapeMarkdown(levelText(result))}.`,
    "A metric fails when it is missing on one side, or when its change is both significant at",
    "that level and larger than its tolerance (the allowed change); a change within tolerance or",
    "not significant passes. Inconclusive: beyond tolerance but not significant, so more",
    "replications would settle it (a warning, not a failure).",
  ].join(" ");
}

function markOf(check: MetricCheck): string {
  if (check.fails) return "✗";
  return check.verdict === "inconclusive" ? "?" : "";
}

function tableOf(checks: readonly MetricCheck[]): string {
  const rows = checks.map((check) => {
    const { baseline, current } = sidesText(check);
    const verdict =
      check.verdict === "inconclusive"
        ? `inconclusive: ${settleText(check)}`
        : check.fails
          ? `**${check.verdict}**`
          : check.verdict;
    return [
      markOf(check),
      escapeMarkdown(check.scope),
      check.metric,
      baseline,
      current,
      changeText(check),
      allowedText(check),
      verdict,
    ];
  });
  const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
  return [line(HEADER), line(HEADER.map(() => "---")), ...rows.map(line)].join("\n");
}

function reasonItem(check: MetricCheck): string {
  return `- ${markOf(check)} **${escapeMarkdown(checkName(check))}** ${check.verdict}: ${escapeMarkdown(explanationWithSettle(check))}`;
}

/**
 * Text that renders as itself in a GitHub Markdown table cell: Markdown punctuation
 * backslash-escaped (`|` would end the cell), HTML's `&<>` as entities (GitHub would strip a
 * tag), line breaks as spaces (a row is one line).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|#~]/g, (character) => `\\${character}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r\n|\r|\n/g, " ");
}
