/**
 * Output files are written whole or not at all: each goes to a temporary name in the same
 * folder and is renamed over the final name only once every file has been written, so an
 * interrupted or failed run never leaves a half-written report behind, nor a mix of new and
 * old files.
 */
import {
  accessSync,
  constants,
  mkdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UsageError } from "../../errors.ts";

/** Temporary name of an output file while it is being written. */
export function temporaryNameOf(finalPath: string): string {
  return `${finalPath}.partial-${process.pid}`;
}

/**
 * Folders `prepareOutputFolder` created in this process, outermost first, so that a command
 * that fails after preparing its folder can take them away again (removeUnusedOutputFolders).
 */
const createdOutputFolders: string[] = [];

/**
 * Creates `directory` and its missing parents one level at a time. Node's own recursive mkdir
 * retries for ever when a parent exists but refuses children (`/proc/x` gives ENOENT while
 * `/proc` exists), so the loop here tries each missing level exactly once.
 */
function createFolder(directory: string): void {
  const missing: string[] = [];
  for (let path = resolve(directory); !exists(path); path = dirname(path)) {
    missing.push(path);
    if (dirname(path) === path) break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Another process made it between the look and the mkdir (two runs started together in
      // one working folder both make reports/): a folder is what was wanted, but not ours to
      // take away again. Anything else at that path still fails below.
      if ((error as NodeJS.ErrnoException).code === "EEXIST" && statSync(folder).isDirectory()) {
        continue;
      }
      throw error;
    }
    createdOutputFolders.push(folder);
  }
  if (!statSync(directory).isDirectory()) {
    throw Object.assign(new Error(`${directory} is not a folder`), { code: "ENOTDIR" });
  }
}

/** Whether something is at `path`; errors other than "no such file" are thrown. */
function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/**
 * Creates the output folder if needed (removeUnusedOutputFolders takes it away again if the
 * command then fails) and checks that files can be written in it, before any simulating: a path that is a file, a place where folders cannot be made (/proc/x), or a
 * folder without write permission, is the user's to fix.
 */
export function prepareOutputFolder(directory: string): void {
  try {
    createFolder(directory);
    accessSync(directory, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const reason =
      code === "EEXIST" || code === "ENOTDIR"
        ? "a file is in the way"
        : code === "EACCES" || code === "EPERM" || code === "EROFS"
          ? `no permission to write there: ${code}`
          : code === "ENOENT"
            ? "the system does not allow folders there: ENOENT"
            : `error ${code}`;
    throw new UsageError(`--out ${directory}: cannot use it as the output folder (${reason})`);
  }
}

/**
 * Removes the folders `prepareOutputFolder` created that are still empty, innermost first, so
 * that a command refused or stopped after preparing its output folder (a bad --target found
 * later, a shard refused on --resume, Ctrl-C) leaves nothing behind. Folders that were there
 * before, or that hold anything, stay. Called by the CLI's entry point when a command fails.
 */
export function removeUnusedOutputFolders(): void {
  for (const folder of createdOutputFolders.splice(0).reverse()) removeIfEmpty(folder);
}

/** Removes `folder` if it is empty; what is in a folder that is not is not ours to remove. */
export function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // Not empty, or already gone: it stays as it is.
  }
}

/**
 * Writes every file (text or bytes) to its temporary name, then renames them all, together with
 * `prewritten`: final paths whose temporary files someone else already wrote (events.jsonl).
 * On a write failure removes the temporaries it wrote. Returns the final paths.
 */
export function writeFilesAtomically(
  directory: string,
  files: ReadonlyMap<string, string | Uint8Array>,
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
