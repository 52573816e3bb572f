/**
 * What `ccsim check` prints and writes once judged: the text table (with GitHub annotations
 * under --format github) or the JSON document on stdout, the JUnit file (--junit, whole or not
 * at all) and, when GITHUB_STEP_SUMMARY names a file, the Markdown summary appended to it.
 */
import { appendFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { CheckResult } from "../../comparison/index.ts";
import { UsageError } from "../../errors.ts";
import {
  type CheckReportContext,
  renderCheckJson,
  renderCheckMarkdown,
  renderCheckText,
  renderGithubAnnotations,
  renderJunitXml,
} from "../../report/check/index.ts";
import { printRaw } from "../output.ts";
import { writeFilesAtomically } from "../run/atomic-files.ts";
import type { CheckFormat } from "./check-options.ts";

/** Where the outputs go besides stdout. */
export interface CheckOutputOptions {
  readonly format: CheckFormat;
  readonly junitFile?: string;
  readonly stepSummaryFile?: string;
}

/** Prints and writes the outputs of a judged check. */
export function publishCheck(
  result: CheckResult,
  context: CheckReportContext,
  options: CheckOutputOptions,
): void {
  if (options.format === "json") {
    printRaw(withNewline(renderCheckJson(result, context)));
  } else {
    printRaw(withNewline(renderCheckText(result, context)));
    if (options.format === "github") {
      printRaw(withNewline(renderGithubAnnotations(result, context)));
    }
  }
  if (options.junitFile !== undefined) {
    writeWhole(options.junitFile, renderJunitXml(result, context), "--junit");
  }
  if (options.stepSummaryFile !== undefined && options.stepSummaryFile !== "") {
    try {
      appendFileSync(options.stepSummaryFile, withNewline(renderCheckMarkdown(result, context)));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new UsageError(
        `GITHUB_STEP_SUMMARY ${options.stepSummaryFile}: cannot append (${code})`,
      );
    }
  }
}

function withNewline(text: string): string {
  return text === "" || text.endsWith("\n") ? text : `${text}\n`;
}

/** Writes `text` as `file`, whole or not at all. */
function writeWhole(file: string, text: string, option: string): void {
  try {
    writeFilesAtomically(dirname(file), new Map([[basename(file), text]]));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`${option} ${file}: cannot write the file (${code})`);
  }
}
