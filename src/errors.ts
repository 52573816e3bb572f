/**
 * Typed errors shared by every layer. The CLI's single top-level catch maps them to exit codes:
 * ScenarioError and UsageError → 2 (bad input, never a stack trace), InternalError and anything
 * unexpected → 3. Messages are written for the user, one problem per line.
 */

/** One problem found in a scenario file, located in the file and in the document tree. */
export interface ScenarioIssue {
  /** The file as the user named it (not resolved), so messages echo what they typed. */
  readonly file: string;
  /** 1-based line of the offending node (the parent object for a missing field). */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** Dot/bracket path such as `workers[2].channels[0].capacityCostPerJob`; "" for the document. */
  readonly path: string;
  readonly message: string;
  /** A remedy, e.g. the nearest known key for a misspelling or the allowed values of an enum. */
  readonly hint?: string;
}

/** Renders an issue as the contract's one-line form `<file>:<line>:<column> <path>: <message>`. */
export function formatIssue(issue: ScenarioIssue): string {
  return `${issue.file}:${issue.line}:${issue.column} ${describeIssue(issue)}`;
}

/** `<path>: <message> (hint: …)`, the part of a line after the location. */
function describeIssue(issue: ScenarioIssue): string {
  const path = issue.path === "" ? "(root)" : issue.path;
  const hint = issue.hint === undefined ? "" : ` (hint: ${issue.hint})`;
  return `${path}: ${issue.message}${hint}`;
}

/**
 * Renders a warning (a model that validates but cannot work as intended) as
 * `<file>:<line>:<column> warning: <path>: <message>`, the error form with `warning:` added.
 */
export function formatWarning(issue: ScenarioIssue): string {
  return `${issue.file}:${issue.line}:${issue.column} warning: ${describeIssue(issue)}`;
}

/** A scenario that does not parse or validate; carries every issue found, not just the first. */
export class ScenarioError extends Error {
  override readonly name = "ScenarioError";
  readonly issues: readonly ScenarioIssue[];

  constructor(issues: readonly ScenarioIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.issues = issues;
  }
}

/** The user asked for something impossible: a bad option, a missing file, a directory. Exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** A bug in ccsim: an invariant broke. Exit 3, with a request to report it. */
export class InternalError extends Error {
  override readonly name = "InternalError";
}

/** A problem that a run found in the scenario, pointed at a field but not yet at a line. */
export interface ScenarioRunProblem {
  /** Path segments of the field, e.g. `["workers", 0, "behavior", "declineRetryAfter"]`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly hint?: string;
}

/**
 * The scenario validated but cannot be simulated, as found while running (a run that stopped
 * advancing). Bad input, exit 2; the CLI locates each problem's field in the scenario file.
 */
export class ScenarioRunError extends Error {
  override readonly name = "ScenarioRunError";
  readonly problems: readonly ScenarioRunProblem[];

  constructor(problems: readonly ScenarioRunProblem[]) {
    super(problems.map((problem) => problem.message).join("\n"));
    this.problems = problems;
  }
}
