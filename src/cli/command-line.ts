/**
 * The command line, run: the one place that turns outcomes into exit codes: 0 ok, 1 a requested
 * check failed, 2 invalid input or usage, 3 internal error.
 * Sets process.exitCode rather than calling process.exit, so pending output is flushed; only an
 * interrupted run exits at once, so that work it abandoned (vega still loading, worker threads
 * winding down) cannot hold up a Ctrl-C. Its message is out already: Node writes stderr
 * synchronously to files and terminals, and to pipes on Linux and Windows.
 * main.ts runs it; in the bundled CLI this module is the command-line script (command-line.cjs).
 */
import { hideBin } from "yargs/helpers";
import { buildCli } from "./app.ts";
import { INTERRUPTED_EXIT_CODE } from "./exit.ts";
import { reportError } from "./report-error.ts";
import { removeUnusedOutputFolders } from "./run/atomic-files.ts";

/** Runs the CLI with `argv` (arguments after the script) and returns the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await (await buildCli(argv)).parseAsync();
    return 0;
  } catch (error) {
    return reportError(error, process.env.CCSIM_DEBUG === "1");
  }
}

/** Runs the process's command line and sets its exit code. */
export async function runCommandLine(): Promise<void> {
  const exitCode = await runCli(hideBin(process.argv));
  // A command that failed after preparing its output folder takes the empty folders it made away.
  if (exitCode !== 0) removeUnusedOutputFolders();
  if (exitCode === INTERRUPTED_EXIT_CODE) process.exit(exitCode);
  process.exitCode = exitCode;
}
