/**
 * Ctrl-C for a command that simulates: while `work` runs, SIGINT aborts its signal; a run that
 * stopped because of it (RunInterrupted, or any error once the signal is aborted: resvg's own
 * abort error, say) ends with "interrupted: no output files were written" and exit 130, and
 * nothing else is printed. The work itself promises to write no file before it is done. The
 * work's worker threads (see worker-pools.ts) live as long as it, and die at once on Ctrl-C.
 */
import { ExitWithCode, INTERRUPTED_EXIT_CODE } from "../exit.ts";
import { printErrorLine } from "../output.ts";
import { RunInterrupted } from "../run/replications.ts";
import { openWorkerPools } from "./worker-pools.ts";

/** Runs `work` with an abort signal wired to Ctrl-C. */
export async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const onInterrupt = () => abort.abort();
  process.once("SIGINT", onInterrupt);
  const pools = openWorkerPools(abort.signal);
  try {
    return await work(abort.signal);
  } catch (error) {
    if (error instanceof RunInterrupted || abort.signal.aborted) {
      printErrorLine("interrupted: no output files were written");
      throw new ExitWithCode(INTERRUPTED_EXIT_CODE);
    }
    throw error;
  } finally {
    process.removeListener("SIGINT", onInterrupt);
    await pools.close();
  }
}
