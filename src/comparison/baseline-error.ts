/**
 * A baseline that cannot be used (a summary.json or its per-replication values): every problem,
 * each located in its file like a scenario issue, so that the CLI prints them all at once, one
 * line each, in the same form.
 */
import { formatIssue, type ScenarioIssue } from "../errors.ts";

/** One problem with a baseline file: located exactly as a scenario issue is. */
export type BaselineProblem = ScenarioIssue;

/** A baseline that cannot be used: each problem located in its file. */
export class BaselineError extends Error {
  override readonly name = "BaselineError";
  readonly problems: readonly BaselineProblem[];
  constructor(problems: readonly BaselineProblem[]) {
    super(problems.map(formatIssue).join("\n"));
    this.problems = problems;
  }
}
