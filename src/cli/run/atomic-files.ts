/**
 * Output files are written whole or not at all: each goes to a temporary name in the same
 * folder and is renamed over the final name only once every file has been written, so an
 * interrupted or failed run never leaves a half-written report behind, nor a mix of new and
 * old files.
 */
import { accessSync, constants, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../../errors.ts";

/** Temporary name of an output file while it is being written. */
export function temporaryNameOf(finalPath: string): string {
  return `${finalPath}.partial-${process.pid}`;
}

/**
 * Creates the output folder if needed and checks that files can be written in it, before any
 * simulating: a path that is a file, or a folder without write permission, is the user's to fix.
 */
export function prepareOutputFolder(directory: string): void {
  try {
    mkdirSync(directory, { recursive: true });
    accessSync(directory, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const reason =
      code === "EEXIST" || code === "ENOTDIR" ? "a file is in the way" : `error ${code}`;
    throw new UsageError(`--out ${directory}: cannot use it as the output folder (${reason})`);
  }
}

/**
 * Writes every file to its temporary name, then renames them all, together with `prewritten`:
 * final paths whose temporary files someone else already wrote (the streamed events.jsonl).
 * On a write failure removes the temporaries it wrote. Returns the final paths.
 */
export function writeFilesAtomically(
  directory: string,
  files: ReadonlyMap<string, string>,
  prewritten: readonly string[] = [],
): string[] {
  mkdirSync(directory, { recursive: true });
  const written: string[] = [];
  try {
    for (const [name, text] of files) {
      const final = join(directory, name);
      written.push(final);
      writeFileSync(temporaryNameOf(final), text);
    }
  } catch (error) {
    for (const final of written) rmSync(temporaryNameOf(final), { force: true });
    throw error;
  }
  const finals = [...written, ...prewritten];
  for (const final of finals) renameSync(temporaryNameOf(final), final);
  return finals;
}
