/**
 * Whether a checkout's dist/ was compiled from its current sources: the build stamps dist/ with
 * the time it started, and dist/ is current while nothing under src/ (nor a tsconfig) changed
 * after that. Directories count too, so a deleted or renamed source file also makes it stale.
 */
import { readdirSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The checkout's root folder. */
export const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The file scripts/build.mjs writes into dist/, its modification time set to the build's start. */
export const BUILD_STAMP_NAME = ".build-stamp";

const sources = join(ROOT, "src");
const buildSettings = ["tsconfig.json", "tsconfig.build.json"].map((name) => join(ROOT, name));

/** True when dist/ holds a complete build started after the last change to what it compiles. */
export function distIsCurrent() {
  // Paths, not URLs, and no more than a stat each: this runs on every start of ccsim from a
  // checkout, over some 350 entries. A file gone between listing and stat counts as a change.
  try {
    const builtAtMs = statSync(join(ROOT, "dist", BUILD_STAMP_NAME)).mtimeMs;
    return [...buildSettings, ...entriesUnder(sources)].every(
      (input) => statSync(input).mtimeMs <= builtAtMs,
    );
  } catch {
    return false;
  }
}

/**
 * A folder and everything under it (readdirSync's own `recursive` costs ten times as much).
 * Names are joined by hand: path.join normalizes each path, which cost more than the stats.
 */
function entriesUnder(folder) {
  const entries = [folder];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = `${folder}${sep}${entry.name}`;
    if (entry.isDirectory()) entries.push(...entriesUnder(path));
    else entries.push(path);
  }
  return entries;
}
