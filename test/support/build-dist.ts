/**
 * Vitest global setup: compiles dist/ when it is older than src/ (scripts/build.mjs --if-stale),
 * before any test file runs, so that the CLI tests run the code users run (bin/ccsim.js runs
 * dist/ only when it is current) and the pack-and-install test packs the current sources.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function buildDist(): void {
  const build = spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale"], {
    cwd: fileURLToPath(new URL("../../", import.meta.url)),
    encoding: "utf8",
  });
  if (build.status !== 0) {
    throw new Error(`npm run build failed before the tests:\n${build.stdout}${build.stderr}`);
  }
}
