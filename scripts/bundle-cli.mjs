/**
 * Bundles the compiled CLI's two entries (scripts/build.mjs runs it after tsc): the command line
 * (cli/main.js) and the worker-thread entry (cli/run/replication-worker.js) each become one file
 * with their dependencies, replacing tsc's output of the same name. Start-up was mostly module
 * loading: a run of the quickstart resolved, read and compiled some 450 files.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { build } from "esbuild";

/**
 * Left out of the bundles, loaded from node_modules when used: piscina starts threads on a file
 * of its own, and resvg is a native addon (PNGs only). vega and vega-lite are bundled into the
 * lazily loaded drawing chunk: some 400 modules of their own, loaded at every drawing otherwise.
 */
const EXTERNAL = ["piscina", "@resvg/resvg-js"];

/** The worker entry, relative to main.js and the chunks: read by replication-worker-file.ts. */
const WORKER_FROM_MAIN = "./run/replication-worker.js";

/**
 * The charts' drawing script (render-svg.ts with vega and vega-lite), relative to main.js and
 * the chunks: loaded by svg-renderer.ts, with the code cache scripts/chart-code-cache.mjs makes.
 */
export const DRAWING_FROM_MAIN = "./charts-drawing.cjs";

// Bundled CommonJS dependencies (yaml, cli-progress, seedrandom) call require for Node's modules.
const BANNER = [
  'import { createRequire as createRequireOfBundle } from "node:module";',
  "const require = createRequireOfBundle(import.meta.url);",
].join(" ");

/**
 * yargs finds its messages (y18n's locales/) next to its own file; in a bundle that is the
 * bundle's folder. Point it at the installed yargs instead, whose locales the bundle's match.
 */
const yargsLocales = {
  name: "yargs-locales",
  setup(bundler) {
    bundler.onLoad({ filter: /yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const original = "resolve(__dirname, '../../../locales')";
      if (!source.includes(original)) {
        throw new Error(`yargs changed: ${args.path} no longer has ${original}`);
      }
      const installed = "resolve(dirname(require.resolve('yargs/package.json')), 'locales')";
      return { contents: source.replace(original, installed), loader: "js" };
    });
  },
};

/**
 * zod's namespace export `z` carries `z.locales`: every language's error messages (a fifth of
 * the bundle), which esbuild cannot leave out since the namespace object is used as a whole.
 * ccsim reports its own messages and never switches zod's language: keep English only.
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(bundler) {
    bundler.onLoad({ filter: /zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: dirname(args.path),
      loader: "js",
    }));
  },
};

/**
 * The bundle draws with its drawing script (bundleDrawing below), never with the module
 * svg-renderer.ts imports from the sources: leave vega and vega-lite out of the chunks.
 */
const drawingScriptOnly = {
  name: "drawing-script-only",
  setup(bundler) {
    bundler.onResolve({ filter: /render[\\/]render-svg\.ts$/ }, (args) =>
      /svg-renderer\.ts$/.test(args.importer)
        ? { path: "render-svg.ts", namespace: "drawing-script-only" }
        : undefined,
    );
    bundler.onLoad({ filter: /.*/, namespace: "drawing-script-only" }, () => ({
      contents: `throw new Error("the bundled CLI draws with ${DRAWING_FROM_MAIN}");`,
      loader: "js",
    }));
  },
};

/**
 * Writes the bundles into `outputFolder` (a build's dist/), over tsc's files of the same names.
 * Code split: what both entries use, and what is imported lazily (the charts, with vega), goes
 * to chunks beside main.js (cli/chunk-….js), loaded only when needed. Chunks stay two folders
 * deep, as main.js and the sources are, so that version.ts finds package.json in all three.
 */
export async function bundleCli(root, outputFolder) {
  const result = await build({
    entryPoints: ["src/cli/main.ts", "src/cli/run/replication-worker.ts"],
    outbase: "src",
    outdir: outputFolder,
    chunkNames: "cli/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: EXTERNAL,
    banner: { js: BANNER },
    define: {
      CCSIM_BUNDLED_WORKER: JSON.stringify(WORKER_FROM_MAIN),
      CCSIM_BUNDLED_DRAWING: JSON.stringify(DRAWING_FROM_MAIN),
    },
    plugins: [yargsLocales, zodEnglishOnly, drawingScriptOnly],
    legalComments: "eof",
    logLevel: "warning",
    absWorkingDir: root,
    write: false,
  });
  for (const file of result.outputFiles) {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, asciiOnly(file.text));
  }
  await bundleDrawing(root, join(outputFolder, "cli", DRAWING_FROM_MAIN));
}

/**
 * vega-canvas looks for the optional `canvas` package with a top-level await, which a script
 * cannot hold. ccsim never uses a canvas (vega renders headless to SVG, text widths are
 * Arimo's own: render-svg.ts), so the drawing script says there is none, installed or not.
 */
const noCanvas = {
  name: "no-canvas",
  setup(bundler) {
    bundler.onLoad({ filter: /vega-canvas[\\/]build[\\/]vega-canvas\.node\.js$/ }, () => ({
      contents: [
        "export const domCanvas = () => null, nodeCanvas = () => null;",
        "export const canvas = () => null, image = () => null;",
      ].join("\n"),
      loader: "js",
    }));
  },
};

/**
 * The drawing script: render-svg.ts and everything it imports (vega, vega-lite) as one CommonJS
 * function expression, `(function (exports, require, module) { … })`, which svg-renderer.ts
 * compiles with node:vm: a script, unlike a module, can be given V8's code cache.
 */
async function bundleDrawing(root, path) {
  const result = await build({
    entryPoints: ["src/report/render/render-svg.ts"],
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    plugins: [noCanvas],
    legalComments: "eof",
    logLevel: "warning",
    absWorkingDir: root,
    write: false,
  });
  const [file] = result.outputFiles;
  const script = `(function (exports, require, module) {\n${file.text}\n})\n`;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, asciiOnly(script));
}

/**
 * esbuild escapes every non-ASCII character of the code (charset ascii) but not of the comments
 * it keeps; one such character sends Node's decoding of the whole file down its slow path (twice
 * the time for main.js). An escape means the same character anywhere it could still be.
 */
function asciiOnly(text) {
  return text.replace(
    /[\u0080-\uffff]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
