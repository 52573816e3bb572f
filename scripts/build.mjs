/**
 * Compiles src/ to dist/ (JavaScript and type declarations, tsconfig.build.json): `npm run
 * build`, and `npm install` runs it (prepare, with `--if-stale`). `--if-stale` builds only when
 * dist/ is not current for its sources, build scripts and installed packages
 * (scripts/dist-freshness.mjs, `buildIsCurrent`). A build goes to a fresh folder that replaces
 * dist/ only once complete: a failed build leaves dist/ as it was, and no output of a deleted
 * source survives.
 * The CLI is then bundled (scripts/bundle-cli.mjs) and the code caches of its two scripts, the
 * command line and the charts' drawing, are made (scripts/code-caches.mjs), so that a command
 * starts and draws fast.
 */
import { spawnSync } from "node:child_process";
import { renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bundleCli, COMMAND_LINE_FROM_MAIN, DRAWING_FROM_MAIN } from "./bundle-cli.mjs";
import { makeCodeCaches } from "./code-caches.mjs";
import { BUILD_STAMP_NAME, buildIsCurrent, ROOT } from "./dist-freshness.mjs";

if (process.argv.includes("--if-stale") && buildIsCurrent()) process.exit(0);

let tsc;
try {
  const typescript = createRequire(import.meta.url).resolve("typescript/package.json");
  tsc = join(dirname(typescript), "bin", "tsc");
} catch {
  console.error("ccsim build: typescript is not installed (were devDependencies omitted?)");
  process.exit(1);
}

// The stamp carries the start time: a source saved while tsc runs leaves dist/ stale.
const startedAt = new Date();
const dist = join(ROOT, "dist");
const building = join(ROOT, `dist.building-${process.pid}`);
const replaced = join(ROOT, `dist.replaced-${process.pid}`);
rmSync(building, { recursive: true, force: true });

const compile = spawnSync(
  process.execPath,
  [tsc, "-p", "tsconfig.build.json", "--outDir", building],
  { cwd: ROOT, stdio: "inherit" },
);
if (compile.status !== 0) {
  rmSync(building, { recursive: true, force: true });
  console.error("ccsim build: tsc failed; dist/ is unchanged");
  process.exit(compile.status ?? 1);
}

try {
  await bundleCli(ROOT, building);
} catch (error) {
  rmSync(building, { recursive: true, force: true });
  console.error(`ccsim build: bundling the CLI failed (${error.message}); dist/ is unchanged`);
  process.exit(1);
}

const stamp = join(building, BUILD_STAMP_NAME);
writeFileSync(stamp, "");
utimesSync(stamp, startedAt, startedAt);
try {
  renameSync(dist, replaced);
} catch (error) {
  if (error.code !== "ENOENT") throw error;
}
renameSync(building, dist);
rmSync(replaced, { recursive: true, force: true });

// Made in place (code-caches.mjs says why). Without the caches the CLI runs all the same,
// compiling its code at every start.
try {
  const cli = join(dist, "cli");
  makeCodeCaches(ROOT, dist, join(cli, COMMAND_LINE_FROM_MAIN), join(cli, DRAWING_FROM_MAIN));
} catch (error) {
  console.error(`ccsim build: no code caches (${error.message}); commands start slower`);
}
