/**
 * Maps any thrown value to an exit code and a message on stderr. Bad input (ScenarioError,
 * UsageError) never shows a stack trace; anything else is a bug: exit 3, said plainly, with
 * the stack and how to report it. CCSIM_DEBUG=1 adds the stack to every error.
 */
import { formatIssue, ScenarioError, ScenarioRunError, UsageError } from "../errors.ts";
import { ExitWithCode } from "./exit.ts";
import { printErrorLine } from "./output.ts";

const BUG_REPORT =
  "This is a bug in ccsim, not a problem with your input. Please report it in the ccsim " +
  "repository's issue tracker with the command you ran, the scenario file and the output below.";

function debugStack(error: unknown, debug: boolean): void {
  if (debug && error instanceof Error && error.stack !== undefined) printErrorLine(error.stack);
}

/** Prints `error` for the user and returns the process exit code (2 or 3; never 0). */
export function reportError(error: unknown, debug: boolean): number {
  if (error instanceof ExitWithCode) return error.code;
  if (error instanceof ScenarioError) {
    for (const issue of error.issues) printErrorLine(formatIssue(issue));
    debugStack(error, debug);
    return 2;
  }
  if (error instanceof ScenarioRunError) {
    // Normally located by the command first; this is the fallback when no file is at hand.
    for (const problem of error.problems) printErrorLine(`ccsim: ${problem.message}`);
    debugStack(error, debug);
    return 2;
  }
  if (error instanceof UsageError) {
    printErrorLine(`ccsim: ${error.message}`);
    printErrorLine('Run "ccsim --help" for usage.');
    debugStack(error, debug);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  printErrorLine(`ccsim: internal error: ${message}`);
  printErrorLine(BUG_REPORT);
  debugStack(error, true);
  return 3;
}
