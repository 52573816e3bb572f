/**
 * CLI entry point (run by bin/ccsim.js, compiled or through tsx). The one place that turns
 * outcomes into exit codes: 0 ok, 1 a requested check failed, 2 invalid input or usage, 3
 * internal error.
 * Sets process.exitCode rather than calling process.exit, so pending output is flushed; only an
 * interrupted run exits at once, so that work it abandoned (vega still loading, worker threads
 * winding down) cannot hold up a Ctrl-C. Its message is out already: Node writes stderr
 * synchronously to files and terminals, and to pipes on Linux and Windows.
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

const exitCode = await runCli(hideBin(process.argv));
// A command that failed after preparing its output folder takes the empty folders it made away.
if (exitCode !== 0) removeUnusedOutputFolders();
if (exitCode === INTERRUPTED_EXIT_CODE) process.exit(exitCode);
process.exitCode = exitCode;
