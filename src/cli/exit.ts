/**
 * A quiet exit: a command that already printed its outcome (e.g. validate listing problems)
 * throws this to end with a non-zero code without any further message. Only the CLI uses it.
 */

/** Ends the command with `code`; main prints nothing more. */
export class ExitWithCode extends Error {
  override readonly name = "ExitWithCode";
  readonly code: number;

  constructor(code: number) {
    super(`exit with code ${code}`);
    this.code = code;
  }
}

/** The exit code of a run stopped by Ctrl-C (128 + SIGINT, as shells report it). */
export const INTERRUPTED_EXIT_CODE = 130;
