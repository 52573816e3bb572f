/**
 * CLI entry point (run by bin/ccsim.js through tsx). The one place that turns outcomes into
 * exit codes: 0 ok, 1 a requested check failed, 2 invalid input or usage, 3 internal error.
 * Sets process.exitCode rather than calling process.exit, so pending output is flushed.
 */
import { hideBin } from "yargs/helpers";
import { buildCli } from "./app.ts";
import { reportError } from "./report-error.ts";

/** Runs the CLI with `argv` (arguments after the script) and returns the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await buildCli(argv).parseAsync();
    return 0;
  } catch (error) {
    return reportError(error, process.env.CCSIM_DEBUG === "1");
  }
}

process.exitCode = await runCli(hideBin(process.argv));
