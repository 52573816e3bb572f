/**
 * Whether a checkout's dist/ was compiled from its current sources: the build stamps dist/ with
 * the time it started, and dist/ is current while nothing under src/ (nor a tsconfig) changed
 * after that. Directories count too, so a deleted or renamed source file also makes it stale.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The checkout's root folder. */
export const ROOT = new URL("../", import.meta.url);

/** Written by scripts/build.mjs into dist/, its modification time set to the build's start. */
export const BUILD_STAMP = new URL("dist/.build-stamp", ROOT);

const root = fileURLToPath(ROOT);
const sources = join(root, "src");
const buildSettings = ["tsconfig.json", "tsconfig.build.json"].map((name) => join(root, name));

/** True when dist/ holds a complete build started after the last change to what it compiles. */
export function distIsCurrent() {
  let builtAtMs;
  try {
    builtAtMs = statSync(BUILD_STAMP).mtimeMs;
  } catch {
    return false;
  }
  // Paths, not URLs: this runs on every start of ccsim from a checkout, over some 350 entries.
  const inputs = [
    sources,
    ...buildSettings,
    ...readdirSync(sources, { recursive: true }).map((path) => join(sources, path)),
  ];
  return inputs.every((input) => statSync(input).mtimeMs <= builtAtMs);
}
