/**
 * Compiles src/ to dist/ (JavaScript and type declarations, tsconfig.build.json): `npm run
 * build`, and `npm install` runs it (prepare). `--if-stale` builds only when dist/ is not current
 * (scripts/dist-freshness.mjs). A build goes to a fresh folder that replaces dist/ only once
 * complete: a failed build leaves dist/ as it was, and no output of a deleted source survives.
 */
import { spawnSync } from "node:child_process";
import { closeSync, openSync, renameSync, rmSync, utimesSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BUILD_STAMP, distIsCurrent, ROOT } from "./dist-freshness.mjs";

const root = fileURLToPath(ROOT);
const dist = join(root, "dist");

if (process.argv.includes("--if-stale") && distIsCurrent()) process.exit(0);

// The stamp carries the start time: a source saved while tsc runs leaves dist/ stale.
const startedAt = new Date();
const building = join(root, `dist.building-${process.pid}`);
const replaced = join(root, `dist.replaced-${process.pid}`);
rmSync(building, { recursive: true, force: true });

const typescript = dirname(createRequire(import.meta.url).resolve("typescript/package.json"));
const tsc = spawnSync(
  process.execPath,
  [join(typescript, "bin", "tsc"), "-p", "tsconfig.build.json", "--outDir", building],
  { cwd: root, stdio: "inherit" },
);
if (tsc.status !== 0) {
  rmSync(building, { recursive: true, force: true });
  console.error("ccsim build: tsc failed; dist/ is unchanged");
  process.exit(tsc.status ?? 1);
}

const stamp = join(building, fileURLToPath(BUILD_STAMP).slice(dist.length));
closeSync(openSync(stamp, "w"));
utimesSync(stamp, startedAt, startedAt);

try {
  renameSync(dist, replaced);
} catch (error) {
  if (error.code !== "ENOENT") throw error;
}
renameSync(building, dist);
rmSync(replaced, { recursive: true, force: true });
