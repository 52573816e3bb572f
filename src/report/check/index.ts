/**
 * Renderers of `ccsim check`'s verdicts, pure functions of the CheckResult: the text table
 * (only what is not identical unless verbose), GitHub workflow annotations pointing at each
 * metric's line in the baseline file, the Markdown job summary, the JSON document and JUnit
 * XML (for GitLab, Jenkins, Azure DevOps). One file per format; the wording they share is in
 * check-wording.ts.
 */
export { renderCheckJson } from "./check-json.ts";
export { renderCheckMarkdown } from "./check-markdown.ts";
export { renderCheckText } from "./check-text.ts";
export { renderGithubAnnotations } from "./github-annotations.ts";
export { renderJunitXml } from "./junit-xml.ts";
export type { CheckReportContext } from "./report-context.ts";
