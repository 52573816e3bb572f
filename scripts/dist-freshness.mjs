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
 * What else a build is made from: its own scripts, and the installed packages (npm rewrites
 * node_modules/.package-lock.json whenever an install changes them, before `prepare` runs),
 * whose vega and vega-lite the drawing script bundles.
 */
const buildInputs = [
  ...["build.mjs", "bundle-cli.mjs", "code-caches.mjs", "dist-freshness.mjs"].map((name) =>
    join(ROOT, "scripts", name),
  ),
  join(ROOT, "node_modules", ".package-lock.json"),
];

/**
 * True when dist/ is current (`distIsCurrent`) and was built after the last change to the build
 * scripts and the installed packages too: what `scripts/build.mjs --if-stale` asks before it
 * builds, so that the `prepare` run of a second install of the same checkout (npx installs the
 * checkout into its cache on its first `npx ccsim`, running `prepare` in it) does not build a
 * current dist/ again. ccsim's start asks only `distIsCurrent`: an unrelated install must not
 * send it to the sources.
 */
export function buildIsCurrent() {
  if (!distIsCurrent()) return false;
  try {
    const builtAtMs = statSync(join(ROOT, "dist", BUILD_STAMP_NAME)).mtimeMs;
    return buildInputs.every((input) => modifiedAtMs(input) <= builtAtMs);
  } catch {
    return false;
  }
}

/** A file's modification time; an absent one (no npm lockfile) counts as never changed. */
function modifiedAtMs(path) {
  try {
    return statSync(path).mtimeMs;
  } catch (error) {
    if (error.code === "ENOENT") return Number.NEGATIVE_INFINITY;
    throw error;
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
