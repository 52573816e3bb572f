/**
 * Makes the charts' V8 code cache (scripts/build.mjs runs it on a build's folder): the built CLI
 * runs the quickstart, drawing its nine charts; then a fresh Node process compiles the drawing
 * script as svg-renderer.ts does, draws the same charts, and saves what V8 compiled meanwhile
 * (vega's and vega-lite's functions) beside the script. A run then reads it instead of compiling.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

/** Must match svg-renderer.ts's CODE_CACHE_SUFFIX. */
const CODE_CACHE_SUFFIX = ".code-cache";

/**
 * Writes `<drawingScript>.code-cache`, after drawing the quickstart with the CLI of
 * `buildFolder` (its cli/main.js). Throws when the run or the drawing fails.
 */
export function makeChartCodeCache(root, buildFolder, drawingScript) {
  const folder = mkdtempSync(join(tmpdir(), "ccsim-code-cache-"));
  try {
    const out = join(folder, "out");
    const run = spawnSync(
      process.execPath,
      [join(buildFolder, "cli", "main.js"), "run", "scenarios/quickstart.yaml", "--out", out],
      { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
    if (run.status !== 0) throw new Error(`the quickstart run failed: ${run.stderr.trim()}`);
    // A process of its own, with no flags but the environment's: V8 refuses a cache made
    // under other flags, and the build's process may have been given some.
    const draw = spawnSync(
      process.execPath,
      [fileURLToPath(import.meta.url), drawingScript, join(out, "charts")],
      { encoding: "utf8" },
    );
    if (draw.status !== 0) throw new Error(`drawing for the code cache failed: ${draw.stderr}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** In the child: compile the script, draw every spec of `chartsFolder`, save the cache. */
async function drawAndSave(drawingScript, chartsFolder) {
  // As svg-renderer.ts's loadDrawingScript compiles it (V8 checks the source, not the name).
  const script = new Script(readFileSync(drawingScript, "utf8"), { filename: drawingScript });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(drawingScript), module);
  const specs = readdirSync(chartsFolder).filter((name) => name.endsWith(".vl.json"));
  if (specs.length === 0) throw new Error(`no chart specs in ${chartsFolder}`);
  for (const name of specs.sort()) {
    const spec = JSON.parse(readFileSync(join(chartsFolder, name), "utf8"));
    await module.exports.renderSvg(spec, name.slice(0, -".vl.json".length));
  }
  writeFileSync(`${drawingScript}${CODE_CACHE_SUFFIX}`, script.createCachedData());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await drawAndSave(process.argv[2], process.argv[3]);
}
