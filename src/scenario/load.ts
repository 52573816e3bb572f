/**
 * Loading pipeline: text → document (syntax) → schema → cross-reference rules → normalised
 * Scenario. Every stage reports every problem it finds, located in the file; a scenario is
 * returned only when there are none. Syntax errors stop the pipeline (a broken tree would only
 * produce misleading follow-up problems).
 */
import { open } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import {
  formatIssue,
  ScenarioError,
  type ScenarioIssue,
  type ScenarioRunProblem,
  UsageError,
} from "../errors.ts";
import {
  formatPath,
  type ParsedDocument,
  type PathSegment,
  type Position,
  parseScenarioText,
} from "./document.ts";
import { MAX_SCENARIO_FILE_BYTES } from "./limits.ts";
import { scenarioErrorMap } from "./messages.ts";
import { normaliseScenario } from "./normalise.ts";
import { type AppliedOverride, applyOverrides, positionIn, setByNote } from "./override-apply.ts";
import type { ScenarioOverride } from "./overrides.ts";
import { buildRuleInput, type RuleInput } from "./rule-input.ts";
import { consistencyRules } from "./rules-consistency.ts";
import { expressionRules } from "./rules-expressions.ts";
import { identityRules } from "./rules-ids.ts";
import { endlessDeclineRules, limitRules } from "./rules-limits.ts";
import { referenceRules } from "./rules-references.ts";
import { traceRules } from "./rules-trace.ts";
import { scenarioSchema } from "./schema.ts";
import { convertIssues, type PathIssue } from "./schema-issues.ts";
import type { Scenario } from "./types.ts";

/**
 * Where a valid scenario's fields are in its file, for checks that run after loading (the model
 * warnings): the position of any path and the raw value the user wrote there. With `--set`
 * overrides, values are those after the overrides, and a path inside an overridden value is
 * positioned at the field the override replaced (or its nearest ancestor in the file).
 */
export interface ScenarioSource {
  /** The file as the user named it. */
  readonly file: string;
  /** Position of the value at `path` (of the key itself with `atKey`), else its nearest ancestor. */
  positionOf(path: readonly PathSegment[], atKey?: boolean): Position;
  /** The value as written (before defaults and unit conversion), undefined when absent. */
  valueAt(path: readonly PathSegment[]): unknown;
  /** The `--set` overrides that took effect, ids resolved (absent or empty: none). */
  readonly overrides?: readonly AppliedOverride[];
}

/** The outcome of checking a scenario: the scenario when valid, else every issue. */
export type ScenarioCheck =
  | { ok: true; scenario: Scenario; source: ScenarioSource }
  | { ok: false; issues: ScenarioIssue[] };

function locate(
  file: string,
  document: ParsedDocument,
  applied: readonly AppliedOverride[],
  issue: PathIssue,
): ScenarioIssue {
  const position = positionIn(document, applied, issue.path, issue.atKey === true);
  const path = formatPath(issue.path);
  const located = { file, ...position, path, message: issue.message + setByNote(applied, path) };
  return issue.hint === undefined ? located : { ...located, hint: issue.hint };
}

/**
 * Says in a problem's message that the value at its path came from `--set`, when it did: for
 * problems located through a ScenarioSource after the check (model warnings, a stalled run).
 */
export function noteOverrides(issue: ScenarioIssue, source: ScenarioSource): ScenarioIssue {
  const note = setByNote(source.overrides ?? [], issue.path);
  return note === "" ? issue : { ...issue, message: issue.message + note };
}

function rootIssue(file: string, message: string, hint?: string): ScenarioIssue[] {
  const issue = { file, line: 1, column: 1, path: "", message };
  return [hint === undefined ? issue : { ...issue, hint }];
}

/** Orders issues by position and drops exact repeats (two branches can report the same thing). */
function tidy(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .filter((issue) => {
      const key = formatIssue(issue);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

const REQUIRED_HINT =
  "a scenario is a map with horizon, distributionPolicies, queues, workers and arrivals";

/**
 * Checks scenario text without throwing. `fileName` is the path as the user gave it: it is
 * echoed in issues and resolved against the working directory to find trace files.
 * `overrides` (from `--set`, see docs/scenario-overrides.md) are applied in order to a copy of
 * the document's value before the schema and rules see it; a problem inside an overridden value
 * is located at the field it replaced and its message ends with `(set by --set "…")`.
 */
export function checkScenarioText(
  text: string,
  fileName: string,
  overrides: readonly ScenarioOverride[] = [],
): ScenarioCheck {
  const sourcePath = resolve(fileName);
  if (
    text.length > MAX_SCENARIO_FILE_BYTES / 4 &&
    Buffer.byteLength(text) > MAX_SCENARIO_FILE_BYTES
  )
    return {
      ok: false,
      issues: rootIssue(
        fileName,
        `the file is larger than ${MAX_SCENARIO_FILE_BYTES / 1024 / 1024} MiB, the most ccsim reads as a scenario`,
        "a scenario describes a center in kilobytes; long arrival lists belong in a trace file; see docs/limits.md",
      ),
    };
  if (text.trim() === "")
    return { ok: false, issues: rootIssue(fileName, "the file is empty", REQUIRED_HINT) };
  const document = parseScenarioText(text, fileName);
  if (document.syntaxErrors.length > 0) {
    const issues = document.syntaxErrors.map(({ position, message, hint }) => ({
      file: fileName,
      ...position,
      path: "",
      message: `syntax error: ${message}`,
      ...(hint === undefined ? {} : { hint }),
    }));
    return { ok: false, issues };
  }
  const written = document.value;
  if (written === null || written === undefined) {
    return {
      ok: false,
      issues: rootIssue(fileName, "the file holds no scenario (only comments)", REQUIRED_HINT),
    };
  }
  if (typeof written !== "object" || Array.isArray(written)) {
    const got = Array.isArray(written) ? "a list" : `a ${typeof written}`;
    return {
      ok: false,
      issues: rootIssue(fileName, `expected a map of scenario fields, got ${got}`, REQUIRED_HINT),
    };
  }
  const overridden =
    overrides.length === 0
      ? { value: written as Record<string, unknown>, applied: [], problems: [] }
      : applyOverrides(written as Record<string, unknown>, overrides);
  const { value: data, applied } = overridden;
  const parsed = scenarioSchema.safeParse(data, { error: scenarioErrorMap });
  const context = { rootSchema: scenarioSchema, data, document };
  const ruleInput = buildRuleInput(data);
  const schemaIssues = parsed.success ? [] : convertIssues(parsed.error.issues, [], context);
  // Beyond a limit, the other rules could take as long as the run (a billion workers to expand).
  const limitIssues = limitRules(ruleInput, dirname(sourcePath));
  const pathIssues: PathIssue[] = [
    ...overridden.problems,
    ...schemaIssues,
    ...limitIssues,
    ...(limitIssues.length > 0 ? [] : otherRules(ruleInput, sourcePath, fileName)),
  ];
  if (pathIssues.length > 0 || !parsed.success) {
    return {
      ok: false,
      issues: tidy(pathIssues.map((issue) => locate(fileName, document, applied, issue))),
    };
  }
  return {
    ok: true,
    scenario: normaliseScenario(parsed.data, sourcePath),
    source: sourceOf(fileName, document, data, applied),
  };
}

function sourceOf(
  file: string,
  document: ParsedDocument,
  data: unknown,
  applied: readonly AppliedOverride[],
): ScenarioSource {
  return {
    file,
    positionOf: (path, atKey = false) => positionIn(document, applied, path, atKey),
    overrides: applied,
    valueAt: (path) => {
      let value: unknown = data;
      for (const segment of path) {
        if (typeof value !== "object" || value === null || !Object.hasOwn(value, segment)) {
          return undefined;
        }
        value = (value as Record<string | number, unknown>)[segment];
      }
      return value;
    },
  };
}

/** The cross-reference and consistency rules, once the limits hold. */
function otherRules(ruleInput: RuleInput, sourcePath: string, fileName: string): PathIssue[] {
  return [
    ...identityRules(ruleInput),
    ...referenceRules(ruleInput),
    ...consistencyRules(ruleInput),
    ...expressionRules(ruleInput),
    ...traceRules(ruleInput, dirname(sourcePath), dirname(fileName)),
    ...endlessDeclineRules(ruleInput),
  ];
}

/** Parses and validates scenario text; throws ScenarioError listing every problem. */
export function parseScenario(text: string, fileName: string): Scenario {
  const check = checkScenarioText(text, fileName);
  if (!check.ok) throw new ScenarioError(check.issues);
  return check.scenario;
}

/**
 * Reads a scenario file; a missing file or a directory is a UsageError (not a scenario problem).
 * Reads at most one byte past MAX_SCENARIO_FILE_BYTES, so that /dev/zero or a huge file cannot
 * exhaust memory; `checkScenarioText` then refuses the over-long text.
 */
export async function readScenarioFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readAtMost(path, MAX_SCENARIO_FILE_BYTES + 1);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`${path}: file not found`);
    if (code === "EISDIR") throw new UsageError(`${path}: is a directory, not a scenario file`);
    throw new UsageError(`${path}: cannot read the file (${code ?? String(error)})`);
  }
  return bytes.toString("utf8");
}

/** The first `limit` bytes of a file (all of it when shorter). */
async function readAtMost(path: string, limit: number): Promise<Buffer> {
  const file = await open(path, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, limit - total));
      const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks);
  } finally {
    await file.close();
  }
}

/**
 * Problems found while running (a stalled run), located in the scenario file through the source
 * its check already parsed: the file is not read again, so the positions are those of the text
 * that was simulated.
 */
export function locateRunProblems(
  source: ScenarioSource,
  problems: readonly ScenarioRunProblem[],
): ScenarioError {
  return new ScenarioError(
    problems.map((problem) => {
      const located = {
        file: source.file,
        ...source.positionOf(problem.path),
        path: formatPath(problem.path),
        message: problem.message,
      };
      return noteOverrides(
        problem.hint === undefined ? located : { ...located, hint: problem.hint },
        source,
      );
    }),
  );
}

/**
 * Loads, validates and normalises a scenario file (asynchronous: reads the file).
 * Throws UsageError when the file cannot be read and ScenarioError when it is invalid.
 */
export async function loadScenario(path: string): Promise<Scenario> {
  return parseScenario(await readScenarioFile(path), path);
}
