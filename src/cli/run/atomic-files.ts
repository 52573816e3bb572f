/**
 * Output files are written whole or not at all: each goes to a temporary name in the same
 * folder and is renamed over the final name only once every file has been written, so an
 * interrupted or failed run never leaves a half-written report behind.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Temporary name of an output file while it is being written. */
export function temporaryNameOf(finalPath: string): string {
  return `${finalPath}.partial-${process.pid}`;
}

/** Writes every file to its temporary name, then renames them all; on failure removes them. */
export function writeFilesAtomically(
  directory: string,
  files: ReadonlyMap<string, string>,
): string[] {
  mkdirSync(directory, { recursive: true });
  const written: Array<{ temporary: string; final: string }> = [];
  try {
    for (const [name, text] of files) {
      const final = join(directory, name);
      const temporary = temporaryNameOf(final);
      written.push({ temporary, final });
      writeFileSync(temporary, text);
    }
  } catch (error) {
    for (const { temporary } of written) rmSync(temporary, { force: true });
    throw error;
  }
  for (const { temporary, final } of written) renameSync(temporary, final);
  return written.map(({ final }) => final);
}
