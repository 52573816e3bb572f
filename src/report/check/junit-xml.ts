/**
 * JUnit XML of `ccsim check` in the subset GitLab, Jenkins and Azure DevOps all read: one suite,
 * one test case per checked metric, a `<failure>` per failing one, `<system-out>` for the other
 * checks that are not identical. No `time` or `timestamp`: all three read a missing time as 0,
 * and the output stays deterministic.
 */
import type { CheckResult, MetricCheck } from "../../comparison/index.ts";
import { formatNumber } from "../format-number.ts";
import { explanationWithSettle, numbersLine } from "./check-wording.ts";
import type { CheckReportContext } from "./report-context.ts";

/**
 * The document, ending with a newline. classname = scope (GitLab's "suite" column, Jenkins'
 * class), name = metric, file = the baseline (GitLab shows it). A failure's `message` (Jenkins'
 * "Error Message") and its text (the only part GitLab shows) both carry the explanation.
 * Inconclusive checks pass, with their explanation as output: they do not fail the check, and
 * `<skipped>` would say they never ran.
 */
export function renderJunitXml(result: CheckResult, context: CheckReportContext): string {
  const tests = result.checks.length;
  const failures = result.checks.filter((check) => check.fails).length;
  const counts = `tests="${tests}" failures="${failures}" errors="0" skipped="0"`;
  const suiteName = attribute(`ccsim check ${result.scenario}`);
  const properties: [string, string][] = [
    ["baseline", context.baselineFile],
    ["paired", String(result.paired)],
    ...(result.pairingNote === undefined
      ? []
      : [["pairingNote", result.pairingNote] as [string, string]]),
    ["confidence", formatNumber(result.confidence)],
    ["comparisons", String(result.comparisons)],
    ["adjustedConfidence", formatNumber(result.adjustedConfidence)],
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${suiteName}" ${counts}>`,
    `  <testsuite name="${suiteName}" ${counts}>`,
    "    <properties>",
    ...properties.map(
      ([name, value]) => `      <property name="${attribute(name)}" value="${attribute(value)}"/>`,
    ),
    "    </properties>",
    ...result.checks.map((check) => testCase(check, context)),
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}

function testCase(check: MetricCheck, context: CheckReportContext): string {
  const open = `    <testcase classname="${attribute(check.scope)}" name="${attribute(check.metric)}" file="${attribute(context.baselineFile)}"`;
  if (check.fails) {
    const failure = `<failure message="${attribute(check.explanation)}" type="${attribute(check.verdict)}">`;
    const details = `${check.explanation}\n${numbersLine(check)}`;
    return `${open}>\n      ${failure}${text(details)}</failure>\n    </testcase>`;
  }
  if (check.verdict === "identical") return `${open}/>`;
  const output = `${check.verdict}: ${explanationWithSettle(check)}\n${numbersLine(check)}`;
  return `${open}>\n      <system-out>${text(output)}</system-out>\n    </testcase>`;
}

/**
 * Whether XML 1.0 allows a character at all (even as a reference it may not appear): tab, line
 * feed, carriage return, and everything from U+0020 but surrogates, U+FFFE and U+FFFF.
 */
function isXmlCharacter(codePoint: number): boolean {
  if (codePoint < 0x20) return codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false; // a lone surrogate
  return codePoint !== 0xfffe && codePoint !== 0xffff;
}

/** `value` with every character XML 1.0 forbids replaced by U+FFFD. */
function allowedCharacters(value: string): string {
  let result = "";
  // for…of walks code points: a surrogate pair arrives whole, a lone surrogate alone.
  for (const character of value) {
    result += isXmlCharacter(character.codePointAt(0) ?? 0) ? character : "\uFFFD";
  }
  return result;
}

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Character data: markup characters as entities, forbidden characters replaced. */
export function text(value: string): string {
  return allowedCharacters(value).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * An attribute value (between double quotes): as text, plus tab and line breaks as character
 * references, which attribute-value normalization would otherwise turn into spaces.
 */
export function attribute(value: string): string {
  return text(value).replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}
