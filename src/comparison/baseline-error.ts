/**
 * A baseline that cannot be used (a summary.json or its per-replication values): every problem,
 * each located in its file, so that the CLI prints them all at once, one line each.
 */

/** One problem with a baseline file. */
export interface BaselineProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Field path in dot/bracket form, "" for the whole file. */
  readonly path: string;
  readonly message: string;
  readonly hint?: string;
}

/** A baseline that cannot be used: each problem located in its file. */
export class BaselineError extends Error {
  override readonly name = "BaselineError";
  readonly problems: readonly BaselineProblem[];
  constructor(problems: readonly BaselineProblem[]) {
    super(problems.map((problem) => problem.message).join("; "));
    this.problems = problems;
  }
}
