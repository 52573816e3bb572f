/**
 * Makes the V8 code caches of the bundled CLI's two scripts, each in a fresh Node process that
 * compiles the script as src/cli/code-cached-script.ts does (it uses that module's build), runs
 * the quickstart and saves what V8 compiled meanwhile beside the script: the command line
 * (command-line.cjs: yargs, zod, yaml, the scenario's checks, the simulation, the outputs and
 * report.html) while it runs `ccsim run scenarios/quickstart.yaml`, then the drawing
 * (charts-drawing.cjs: vega's and vega-lite's functions) while it draws that run's nine charts.
 * A run then reads them instead of compiling. Each process has no flags but the environment's:
 * V8 refuses a cache made under other flags, and the build's process may have been given some.
 * scripts/build.mjs runs it on dist/ once the build is in place there: Node 20's V8 keeps the
 * script's file name with the code it caches, and error stacks name that file (an installed
 * package's, the path it was built at).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * Writes `<script>.code-cache` for `commandLineScript` and `drawingScript` of `buildFolder`
 * (a dist/ folder).
 * Throws when the run or the drawing fails.
 */
export function makeCodeCaches(root, buildFolder, commandLineScript, drawingScript) {
  const folder = mkdtempSync(join(tmpdir(), "ccsim-code-cache-"));
  try {
    const out = join(folder, "out");
    const loader = join(buildFolder, "cli", "code-cached-script.js");
    const steps = [
      ["command-line", commandLineScript, out],
      ["drawing", drawingScript, join(out, "charts")],
    ];
    for (const [step, script, argument] of steps) {
      const child = spawnSync(
        process.execPath,
        [fileURLToPath(import.meta.url), step, loader, script, argument],
        { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
      );
      if (child.status !== 0) throw new Error(`the ${step} step failed: ${child.stderr.trim()}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** In the child: `ccsim run scenarios/quickstart.yaml --out <out>` with the command line. */
async function runQuickstart(commandLine, out) {
  process.argv = [process.argv[0], "ccsim", "run", "scenarios/quickstart.yaml", "--out", out];
  await commandLine.runCommandLine();
  const exitCode = process.exitCode ?? 0;
  if (exitCode !== 0) throw new Error(`the quickstart run exited ${exitCode}`);
}

/** In the child: draw every chart spec of `chartsFolder` with the drawing script. */
async function drawCharts(drawing, chartsFolder) {
  const specs = readdirSync(chartsFolder).filter((name) => name.endsWith(".vl.json"));
  if (specs.length === 0) throw new Error(`no chart specs in ${chartsFolder}`);
  for (const name of specs.sort()) {
    const spec = JSON.parse(readFileSync(join(chartsFolder, name), "utf8"));
    await drawing.renderSvg(spec, name.slice(0, -".vl.json".length));
  }
}

/** In the child: compile and run `script` with the CLI's own loader, then save its cache. */
async function makeCodeCache(step, loader, script, argument) {
  const { runCodeCachedScript, CODE_CACHE_SUFFIX } = await import(pathToFileURL(loader).href);
  const compiled = runCodeCachedScript(script);
  await (step === "command-line" ? runQuickstart : drawCharts)(compiled.exports, argument);
  writeFileSync(`${script}${CODE_CACHE_SUFFIX}`, compiled.script.createCachedData());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [step, loader, script, argument] = process.argv.slice(2);
  await makeCodeCache(step, loader, script, argument);
}
