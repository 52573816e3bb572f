/**
 * scripts/dist-freshness.mjs on a made-up checkout (a copy of the script in a temporary folder,
 * whose ROOT is that folder): dist/ is current for ccsim's start (`distIsCurrent`) while nothing
 * under src/ nor a tsconfig changed after the build stamp, and current for `build.mjs
 * --if-stale` (`buildIsCurrent`, what `prepare` asks) only when the build scripts and the
 * installed packages did not change either; an absent npm lockfile counts as unchanged.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const BUILT_AT = new Date("2026-12-01T12:00:00Z");
const BEFORE = new Date("2026-12-01T11:00:00Z");
const AFTER = new Date("2026-12-01T13:00:00Z");

const root = mkdtempSync(join(tmpdir(), "ccsim-freshness-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes a file (and its folder) dated `at`; folders are dated BEFORE. */
function file(path: string, at: Date, text = "") {
  const full = join(root, path);
  mkdirSync(join(full, ".."), { recursive: true });
  writeFileSync(full, text);
  utimesSync(full, at, at);
}

function dateFolders() {
  for (const folder of ["src", "src/cli", "dist", "scripts", "node_modules"]) {
    utimesSync(join(root, folder), BEFORE, BEFORE);
  }
}

mkdirSync(join(root, "scripts"));
copyFileSync(
  new URL("../../scripts/dist-freshness.mjs", import.meta.url),
  join(root, "scripts", "dist-freshness.mjs"),
);
utimesSync(join(root, "scripts", "dist-freshness.mjs"), BEFORE, BEFORE);
for (const name of ["build.mjs", "bundle-cli.mjs", "code-caches.mjs"])
  file(`scripts/${name}`, BEFORE);
file("tsconfig.json", BEFORE, "{}");
file("tsconfig.build.json", BEFORE, "{}");
file("src/cli/main.ts", BEFORE);
file("node_modules/.package-lock.json", BEFORE, "{}");
file("dist/.build-stamp", BUILT_AT);
dateFolders();

const freshness = (await import(
  pathToFileURL(join(root, "scripts", "dist-freshness.mjs")).href
)) as { distIsCurrent: () => boolean; buildIsCurrent: () => boolean };

/** Runs `check` with `path` dated `at`, then dates it back. */
function withChanged(path: string, at: Date, check: () => void) {
  const full = join(root, path);
  utimesSync(full, at, at);
  try {
    check();
  } finally {
    utimesSync(full, BEFORE, BEFORE);
  }
}

describe("dist freshness", () => {
  it("is current for both when nothing changed after the build", () => {
    expect(freshness.distIsCurrent()).toBe(true);
    expect(freshness.buildIsCurrent()).toBe(true);
  });

  it("is stale for both after a source changed", () => {
    withChanged("src/cli/main.ts", AFTER, () => {
      expect(freshness.distIsCurrent()).toBe(false);
      expect(freshness.buildIsCurrent()).toBe(false);
    });
  });

  it("is stale for the build only after an install or a build script changed", () => {
    for (const path of ["node_modules/.package-lock.json", "scripts/bundle-cli.mjs"]) {
      withChanged(path, AFTER, () => {
        expect(freshness.distIsCurrent()).toBe(true);
        expect(freshness.buildIsCurrent()).toBe(false);
      });
    }
  });

  it("counts an absent npm lockfile as unchanged, and an absent stamp as stale", () => {
    rmSync(join(root, "node_modules", ".package-lock.json"));
    try {
      expect(freshness.buildIsCurrent()).toBe(true);
    } finally {
      file("node_modules/.package-lock.json", BEFORE, "{}");
      dateFolders();
    }
    rmSync(join(root, "dist", ".build-stamp"));
    try {
      expect(freshness.distIsCurrent()).toBe(false);
      expect(freshness.buildIsCurrent()).toBe(false);
    } finally {
      file("dist/.build-stamp", BUILT_AT);
      dateFolders();
    }
  });
});
